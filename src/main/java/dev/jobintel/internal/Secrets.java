package dev.jobintel.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what jobintel prints and stores. A server may echo the key it was sent
 * ("invalid x-api-key: sk-ant-…"), and a JDBC URL may carry a password: every message that can
 * hold such text passes through {@link #redact} or {@link #redactUrl} before a user, a log or the
 * database sees it. Keys are registered as they are read from the environment.
 */
public final class Secrets {

    /** Shorter values would mask ordinary words; no real key or password worth hiding is this short. */
    private static final int SHORTEST = 6;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** An Anthropic key by its shape, registered or not (a proxy may answer with another one). */
    private static final Pattern ANTHROPIC_KEY = Pattern.compile("sk-ant-[A-Za-z0-9_-]{6,}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^@/\\s]*@");

    private Secrets() {
    }

    /** Remembers a secret so that {@link #redact} masks it wherever it turns up. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST) {
            KNOWN.add(secret.strip());
        }
    }

    /** {@code text} with every registered secret, and anything shaped like an Anthropic key, masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) {
                out = out.replace(s, "***");
            }
        }
        return out.contains("sk-ant-") ? ANTHROPIC_KEY.matcher(out).replaceAll("sk-ant-***") : out;
    }

    /** A JDBC URL fit to show: a password given in it ({@code password=…} or {@code user:pass@}) masked. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(url).replaceAll("$1***");
        return redact(URL_USER_INFO.matcher(out).replaceAll("$1***@"));
    }
}
