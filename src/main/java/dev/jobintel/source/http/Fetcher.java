package dev.jobintel.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * HTTP done once for every source: retries with exponential backoff and jitter on connection
 * errors, timeouts, 408, 429 and 5xx, honouring Retry-After; a politeness delay and a
 * concurrency limit per host; a clear User-Agent. A 2xx body is read completely, then checked:
 * an HTML page where JSON was expected (bot protection, a CAPTCHA) is an error, never a
 * posting (incident 25). JSON served with the wrong content type is fine.
 */
public final class Fetcher {

    /** Waits; tests may pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Query parameters that carry credentials: never logged, never recorded. */
    public static final java.util.Set<String> SECRET_PARAMS = java.util.Set.of("app_key", "app_id", "api_key", "key", "token",
            "access_token");

    private static final Pattern SECRET_VALUES = Pattern.compile("(?i)([?&](?:"
            + String.join("|", SECRET_PARAMS) + ")=)[^&]*");

    /** delay-seconds as RFC 9110 writes it. */
    private static final Pattern WHOLE_SECONDS = Pattern.compile("\\d+");

    private final Transport transport;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Map<String, HostGate> hosts = new ConcurrentHashMap<>();

    public Fetcher(Transport transport, HttpSettings settings, Sleeper sleeper) {
        this.transport = transport;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    public Fetcher(Transport transport, HttpSettings settings) {
        this(transport, settings, d -> Thread.sleep(d.toMillis()));
    }

    /** The URL as it may appear in logs, errors and recordings: credentials removed. */
    public static String redact(String url) {
        return SECRET_VALUES.matcher(url).replaceAll("$1***");
    }

    /**
     * GETs a JSON document. Returns the complete body of a 2xx response.
     *
     * @throws FetchException on a non-retryable status, an HTML page, or when retries run out
     */
    public Body getJson(URI uri) throws FetchException {
        String shown = redact(uri.toString());
        Integer lastStatus = null;
        Exception lastError = null;
        String lastBody = "";
        // The end of the last Retry-After this request was given and waits out itself, or null.
        Long ownPause = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait = null;
            HostGate gate = hosts.computeIfAbsent(uri.getHost() == null ? "" : uri.getHost(),
                    h -> new HostGate(settings.perHostConcurrency()));
            try {
                gate.enter(settings.politenessDelay(), sleeper, ownPause);
                try (gate; Transport.Exchange ex = transport.get(uri, Map.of("User-Agent", settings.userAgent(),
                        "Accept", "application/json"))) {
                    int status = ex.status();
                    lastStatus = status;
                    if (status >= 200 && status < 300) {
                        Body body = Body.read(shown, status, ex.header("Content-Type"), ex.body());
                        char first = body.firstChar();
                        if (first == '<') {
                            String preview = body.preview(120);
                            body.close();
                            throw new FetchException("an HTML page came back where JSON was expected (bot protection "
                                    + "or an error page?): \"" + preview + "\"", shown, status, attempt, null);
                        }
                        return body;
                    }
                    if (!retryable(status)) {
                        String preview = Body.preview(ex.body(), 200);
                        throw new FetchException(describe(status) + (preview.isEmpty() ? "" : ": " + preview), shown,
                                status, attempt, null);
                    }
                    lastBody = Body.preview(ex.body(), 200);
                    wait = retryAfter(ex.header("Retry-After"));
                    if (wait != null && wait.compareTo(settings.maxRetryAfter()) > 0) {
                        throw new FetchException("the server asks to wait " + wait.toSeconds()
                                + " s (Retry-After), longer than the " + settings.maxRetryAfter().toSeconds()
                                + " s jobintel waits", shown, status, attempt, null);
                    }
                    if (wait == null && status == 429) {
                        // A rate limit that does not say for how long is the host's too, and outlasts a
                        // failure's short backoff: wait four times as long, and hold its other requests meanwhile.
                        wait = backoff(attempt + 2);
                    }
                    if (wait != null) {
                        // The host's word on every request to it: the other boards on it wait too.
                        ownPause = gate.pause(wait);
                    }
                    lastError = null;
                }
            } catch (FetchException e) {
                throw e;
            } catch (Body.TooLarge e) {
                throw new FetchException(e.getMessage(), shown, lastStatus, attempt, e);
            } catch (ReplayTransport.NotRecorded | ReplayTransport.BrokenRecording | RecordingTransport.NotSaved e) {
                throw new FetchException(e.getMessage(), shown, null, attempt, e);
            } catch (OkHttpTransport.TooManyRedirects | OkHttpTransport.InsecureRedirect e) {
                throw new FetchException(e.getMessage(), shown, null, attempt, e);
            } catch (java.util.zip.ZipException e) {
                // Bytes that are not what their Content-Encoding says come out the same on every attempt.
                throw new FetchException("the body is not the gzip data its Content-Encoding declares: " + e.getMessage(),
                        shown, lastStatus, attempt, e);
            } catch (InterruptedIOException e) {
                lastError = e;
                lastStatus = null;
                if (Thread.currentThread().isInterrupted()) {
                    throw new FetchException("interrupted", shown, null, attempt, e);
                }
            } catch (IOException e) {
                lastError = e;
                lastStatus = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", shown, lastStatus, attempt, e);
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    sleeper.sleep(wait != null ? wait : backoff(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FetchException("interrupted", shown, lastStatus, attempt, e);
                }
            }
        }
        String why = lastError != null ? describe(lastError)
                : describe(lastStatus) + (lastBody.isEmpty() ? "" : ": " + lastBody);
        throw new FetchException(why, shown, lastStatus, settings.maxAttempts(), lastError);
    }

    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private Duration backoff(int attempt) {
        long base = settings.baseBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        // Full jitter on the upper half keeps many boards from retrying in lock-step.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable (a negative number, or an endless one such as 1e300). */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (WHOLE_SECONDS.matcher(v).matches()) {
            // Seconds as HTTP writes them are a wait however many there are: read as unreadable, a
            // huge one would be retried on the backoff while a smaller one fails the board at once.
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
        }
        try {
            double seconds = Double.parseDouble(v);
            return seconds >= 0 && seconds < 1e9 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String describe(Integer status) {
        if (status == null) {
            return "no response";
        }
        return switch (status) {
            case 400 -> "bad request (HTTP 400; Greenhouse answers an unknown board this way)";
            case 401, 403 -> "access denied (HTTP " + status + ")";
            case 404 -> "not found (HTTP 404): unknown board or posting";
            case 429 -> "rate limited (HTTP 429) on every attempt";
            default -> status >= 500 ? "server error (HTTP " + status + ") on every attempt"
                    : status >= 300 && status < 400 ? "a redirect or not-modified answer with no JSON (HTTP " + status + ")"
                    : "unexpected status (HTTP " + status + ")";
        };
    }

    private static String describe(Exception e) {
        String kind = e instanceof java.net.SocketTimeoutException || e instanceof InterruptedIOException ? "timed out"
                : e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.UnknownHostException ? "unknown host"
                : e instanceof java.io.EOFException || String.valueOf(e.getMessage()).contains("unexpected end of stream")
                ? "the response was cut off" : "connection failed";
        // Some failures carry no message (an EOFException from a body cut mid-chunk): name the kind.
        return kind + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * Per-host politeness: a concurrency limit, a minimum gap between request starts, and a pause
     * of every request to the host while a Retry-After it sent runs.
     */
    private static final class HostGate implements AutoCloseable {
        private final Semaphore permits;
        private long nextStart;
        private boolean paused;
        private long pausedUntil;

        HostGate(int concurrency) {
            this.permits = new Semaphore(Math.max(1, concurrency), true);
        }

        /**
         * Holds requests to the host until {@code wait} from now (a Retry-After); returns that end,
         * for the request that got it and waits it out itself (see {@link #enter}).
         */
        synchronized long pause(Duration wait) {
            long until = System.nanoTime() + wait.toNanos();
            if (!paused || until - pausedUntil > 0) {
                paused = true;
                pausedUntil = until;
            }
            return until;
        }

        /** @param ownPause the end of the pause the caller has already waited out, or null */
        void enter(Duration delay, Sleeper sleeper, Long ownPause) throws InterruptedException {
            permits.acquire();
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                long start = Math.max(now, nextStart);
                if (paused && (ownPause == null || ownPause != pausedUntil) && pausedUntil - start > 0) {
                    start = pausedUntil;
                }
                nextStart = start + delay.toNanos();
                waitNanos = start - now;
            }
            if (waitNanos > 0) {
                sleeper.sleep(Duration.ofNanos(waitNanos));
            }
        }

        @Override
        public void close() {
            permits.release();
        }
    }
}
