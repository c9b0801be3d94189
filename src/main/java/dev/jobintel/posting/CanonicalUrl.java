package dev.jobintel.posting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Posting URLs without the parts that change between visits: tracking and session parameters,
 * fragments, default ports, host case. Aggregator redirect URLs carry fresh session parameters
 * on every fetch; without this the same posting arrives as many "new" URLs (incident 7).
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of(
            "gh_src", "gh_jid_src", "source", "src", "ref", "referrer", "referer", "lever-source",
            "lever-origin", "lever-via", "ashby_jid_src", "trk", "trackingid", "tracking_id", "sid",
            "session", "sessionid", "session_id", "jsessionid", "phpsessid", "fbclid", "gclid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "se", "v", "adref", "oga", "campaign");

    private CanonicalUrl() {
    }

    /**
     * Whether {@code url} is an absolute http or https address with a host a browser can name, one a
     * link may open (not "javascript:…").
     */
    public static boolean isWebAddress(String url) {
        URI uri = webUri(url);
        return uri != null && uri.getHost() != null;
    }

    /** {@code url} parsed, when it is an absolute http or https address with an authority part; else null. */
    private static URI webUri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        return uri.getRawAuthority() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                ? uri : null;
    }

    /**
     * The canonical form of {@code url}; null for anything that is not an absolute http or https
     * address (a relative path, "javascript:…", "ftp://…", a number): the posting's link is shown
     * and followed, so a source's odd value must not become it.
     */
    public static String of(String url) {
        URI uri = webUri(url);
        if (uri == null) {
            return null;
        }
        String trimmed = url.trim();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder out = new StringBuilder(trimmed.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()) {
            // Drop path parameters such as ";jsessionid=…" and a trailing slash.
            int semi = path.indexOf(';');
            if (semi >= 0) {
                path = path.substring(0, semi);
            }
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            out.append(path);
        }
        String query = uri.getRawQuery();
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (!TRACKING.contains(key) && !key.startsWith("utm_")) {
                    kept.add(pair);
                }
            }
            kept.sort(null);
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return out.toString();
    }
}
