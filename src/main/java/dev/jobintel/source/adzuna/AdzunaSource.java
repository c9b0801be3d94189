package dev.jobintel.source.adzuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.FetchSink;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.OncePerId;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.FetchException;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adzuna job search: every configured query in every configured country market is one board,
 * paged through to the end or to {@code max_results}. A search never lists every open posting,
 * so its boards are not authoritative and nothing is closed from them. Requests are made one at
 * a time, spaced to the key's per-minute quota. The app key is a credential: it goes into the
 * request URL and nowhere else.
 */
public final class AdzunaSource implements JobSource {

    public static final String DEFAULT_BASE = "https://api.adzuna.com";
    public static final String NO_CREDENTIALS = "ADZUNA_APP_ID and ADZUNA_APP_KEY must be set to fetch from Adzuna";

    private static final Pattern DISPLAY = Pattern.compile("\"display\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SourcesConfig.Adzuna config;
    private final Fetcher fetcher;
    private final String appId;
    private final String appKey;
    private final Fetcher.Sleeper sleeper;
    private final String base;

    public AdzunaSource(SourcesConfig.Adzuna config, Fetcher fetcher, String appId, String appKey) {
        this(config, fetcher, appId, appKey, d -> Thread.sleep(d.toMillis()));
    }

    /** @param sleeper waits out the quota spacing between requests; tests record instead */
    public AdzunaSource(SourcesConfig.Adzuna config, Fetcher fetcher, String appId, String appKey,
                        Fetcher.Sleeper sleeper) {
        this.config = config;
        this.fetcher = fetcher;
        this.appId = appId == null ? null : appId.strip();
        this.appKey = appKey == null ? null : appKey.strip();
        this.sleeper = sleeper;
        String b = config.baseUrl() == null || config.baseUrl().isBlank() ? DEFAULT_BASE : config.baseUrl().strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The address of every search, by its board name, as this source would fetch them. */
    public java.util.Map<String, String> addresses() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String country : config.countries()) {
            for (SourcesConfig.Query q : config.queries()) {
                out.put(boardName(country, q), base);
            }
        }
        return out;
    }

    /** Why Adzuna refused the key earlier in this fetch (HTTP 401), or null. */
    private String keyRefused;

    @Override
    public String name() {
        return AdzunaParser.SOURCE;
    }

    /** The board name of one search, e.g. "gb: software engineer @ London". */
    public static String boardName(String country, SourcesConfig.Query q) {
        String what = q.what() == null || q.what().isBlank() ? "*" : q.what().strip();
        return country.strip().toLowerCase(Locale.ROOT) + ": " + what
                + (q.where() == null || q.where().isBlank() ? "" : " @ " + q.where().strip());
    }

    @Override
    public void fetch(FetchSink sink) {
        boolean credentials = appId != null && !appId.isEmpty() && appKey != null && !appKey.isEmpty();
        Pacer pacer = new Pacer();
        keyRefused = null;
        for (String country : config.countries()) {
            for (SourcesConfig.Query q : config.queries()) {
                String name = boardName(country, q);
                if (!credentials) {
                    // Not the board's fault, and the user must see what to do: no back-off check here.
                    sink.board(name(), name, false, base).finishRefused(null, NO_CREDENTIALS);
                    continue;
                }
                if (keyRefused != null) {
                    // The key one search was refused for is every search's: asking again spends the
                    // minute's quota and the run's time on the same answer.
                    sink.board(name(), name, false, base).finishRefused(401, "not asked: " + keyRefused);
                    continue;
                }
                if (!sink.mayFetch(name(), name, base)) {
                    continue;
                }
                // Ads move between pages as a search is read, so one can be served twice, and two
                // different ads can come under one id: the first is kept (see OncePerId).
                BoardSink bs = new OncePerId(sink.board(name(), name, false, base), name(), name);
                if (!search(country.strip().toLowerCase(Locale.ROOT), q, name, bs, pacer)) {
                    return;
                }
            }
        }
    }

    /** Fetches one search into its board and finishes it; false when interrupted (stop fetching). */
    private boolean search(String country, SourcesConfig.Query q, String name, BoardSink sink, Pacer pacer) {
        int perPage = Math.max(1, config.resultsPerPage());
        long max = Math.max(0, config.maxResults());
        long read = 0;
        Long count = null;
        Integer status = null;
        try {
            boolean ended = false;
            for (int page = 1; !ended && read < max; page++) {
                pacer.await();
                // Results handed on, and results the page held (more when max_results cut it).
                long[] onPage = {0, 0};
                ObjectNode envelope;
                try (Body body = fetcher.getJson(uri(country, q, page, perPage))) {
                    status = body.status();
                    envelope = results(body, country, name, sink, onPage, max - read);
                }
                read += onPage[0];
                JsonNode c = envelope.get("count");
                if (c != null && c.canConvertToLong()) {
                    count = c.asLong();
                }
                if (onPage[0] == 0 && count != null && read < count) {
                    sink.finish(false, status, "page " + page + " came back empty after " + read + " of " + count
                            + " results");
                    return true;
                }
                // Without a count (the documented example has none) a short page is the last one; a
                // page max_results cut is not, however short, or the cap would pass for the search's end.
                boolean cut = onPage[1] > onPage[0];
                ended = !cut && (onPage[0] == 0 || (count != null ? read >= count : onPage[0] < perPage));
            }
            if (!ended) {
                // Incident 22: a search cut short by max_results must say so, never look complete.
                sink.finishLimited(status, "fetched " + read + " of " + (count == null ? "an unknown number of" : count)
                        + " results (sources.adzuna.max_results = " + max + ")");
            } else {
                sink.finish(true, status, null);
            }
            return true;
        } catch (FetchException e) {
            String error = scrub(withDisplay(e.getMessage()));
            if (refused(e.status())) {
                // The key, not the search: fixing it must not leave the search backed off for hours.
                sink.finishRefused(e.status(), error);
                if (e.status() == 401) {
                    keyRefused = "Adzuna refused the app id and key for '" + name + "': " + error;
                }
            } else if (e.unreachable()) {
                sink.finishUnreachable(error);
            } else {
                sink.finish(false, e.status(), error);
            }
        } catch (IOException e) {
            sink.finish(false, status, scrub(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.finish(false, status, "interrupted after " + read + " results");
            return false;
        } catch (RuntimeException e) {
            // A bug in the parser fails this search, not the run; the message says where.
            sink.finish(false, status, scrub("could not process the Adzuna search '" + name + "': "
                    + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return !Thread.currentThread().isInterrupted();
    }

    /**
     * Hands on at most {@code limit} results of one page (rejects for those that cannot be
     * postings) and counts them into {@code seen[0]}, and every result of the page into
     * {@code seen[1]}; returns the envelope.
     */
    private ObjectNode results(Body body, String country, String name, BoardSink sink, long[] seen, long limit)
            throws JsonStream.Malformed {
        try {
            return JsonStream.items(body, "results", item -> {
                seen[1]++;
                if (seen[0] >= limit) {
                    return;
                }
                seen[0]++;
                BoardApiSource.mapItem(name(), name, item, i -> AdzunaParser.posting(i, country), sink);
            });
        } catch (JsonStream.Malformed e) {
            JsonStream.Malformed located = BoardApiSource.located(e, body);
            sink.reject(new Rejects.Reject(name(), name, "malformed_body", scrub(located.getMessage()),
                    scrub(body.preview(64 * 1024))));
            throw located;
        }
    }

    /** Whether Adzuna answered {@code status} to the app id and key (401, 403) rather than to the search. */
    static boolean refused(Integer status) {
        return status != null && (status == 401 || status == 403);
    }

    private URI uri(String country, SourcesConfig.Query q, int page, int perPage) {
        StringBuilder u = new StringBuilder(base).append("/v1/api/jobs/").append(enc(country)).append("/search/").append(page)
                .append("?app_id=").append(enc(appId)).append("&app_key=").append(enc(appKey))
                .append("&results_per_page=").append(perPage);
        if (q.what() != null && !q.what().isBlank()) {
            u.append("&what=").append(enc(q.what().strip()));
        }
        if (q.where() != null && !q.where().isBlank()) {
            u.append("&where=").append(enc(q.where().strip()));
        }
        return URI.create(u.append("&content-type=application/json").toString());
    }

    private static String enc(String s) {
        // Adzuna reads '+' as a space, but %20 is unambiguous everywhere.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Adzuna's error body says what went wrong in "display"; put it first where it is readable. */
    static String withDisplay(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = DISPLAY.matcher(message);
        return m.find() && !m.group(1).isBlank() ? "Adzuna: " + m.group(1).replace("\\\"", "\"") + " — " + message
                : message;
    }

    /**
     * Belt and braces: an error body that echoes a credential must not carry it into the ledger.
     * Values too short to be real credentials are left alone, or digits in messages would go.
     */
    private String scrub(String s) {
        String out = s;
        for (String secret : new String[] {appKey, appId}) {
            if (out != null && secret != null && secret.length() >= 6) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    /**
     * Spaces request starts 60 s / requests_per_minute apart across all searches: the quota is
     * per key, not per search.
     */
    private final class Pacer {
        private long lastStart;
        private boolean started;

        void await() throws InterruptedException {
            int perMinute = config.requestsPerMinute();
            if (started && perMinute > 0) {
                long gap = Duration.ofMinutes(1).toNanos() / perMinute;
                long wait = lastStart + gap - System.nanoTime();
                if (wait > 0) {
                    sleeper.sleep(Duration.ofNanos(wait));
                }
            }
            started = true;
            lastStart = System.nanoTime();
        }
    }
}
