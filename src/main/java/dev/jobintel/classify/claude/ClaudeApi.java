package dev.jobintel.classify.claude;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.anthropic.models.messages.batches.BatchListPage;
import com.anthropic.models.messages.batches.BatchListParams;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import dev.jobintel.internal.Secrets;
import dev.jobintel.internal.Throwables;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Messages and Message Batches APIs through the official SDK, with the SDK's own retries
 * off: jobintel retries itself so that it can honour retry-after across the whole run, record
 * every attempt in the cost ledger, and tell a spend limit (stop) from a rate limit (wait).
 */
public final class ClaudeApi implements AutoCloseable {

    /** An answered request: the message, the rate-limit state the server reported, and timing. */
    public record Exchange(Message message, RateLimits limits, String requestId, long latencyMillis) {
    }

    private final AnthropicClient client;

    public ClaudeApi(AnthropicClient client) {
        this.client = client;
    }

    /** A client for {@code baseUrl}; the key is used for requests and never logged. */
    public static ClaudeApi connect(String apiKey, String baseUrl, Duration timeout) {
        Secrets.register(apiKey);
        return new ClaudeApi(AnthropicOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxRetries(0)
                .timeout(timeout)
                .build());
    }

    public Exchange send(MessageCreateParams params) throws ApiCallException {
        long t0 = System.nanoTime();
        try (HttpResponseFor<Message> r = client.messages().withRawResponse().create(params)) {
            Message m = r.parse();
            String malformed = malformed(m);
            if (malformed != null) {
                throw new ApiCallException(new ApiFailure(ApiFailure.Kind.SERVER, null, null,
                        "malformed response body: " + malformed, r.requestId().orElse(null), null),
                        (System.nanoTime() - t0) / 1_000_000, null);
            }
            return new Exchange(m, RateLimits.from(r.headers()), r.requestId().orElse(null),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            throw new ApiCallException(failure(e), (System.nanoTime() - t0) / 1_000_000, e);
        }
    }

    public MessageBatch createBatch(List<BatchCreateParams.Request> requests) throws ApiCallException {
        return call(() -> client.messages().batches().create(BatchCreateParams.builder().requests(requests).build()));
    }

    public MessageBatch batch(String id) throws ApiCallException {
        return call(() -> client.messages().batches().retrieve(id));
    }

    /** Recent batches, newest first (used to find a batch whose creation was interrupted). */
    public List<MessageBatch> recentBatches(int limit) throws ApiCallException {
        return call(() -> {
            BatchListPage page = client.messages().batches().list(BatchListParams.builder().limit(limit).build());
            return page.data();
        });
    }

    public StreamResponse<MessageBatchIndividualResponse> results(String batchId) throws ApiCallException {
        return call(() -> client.messages().batches().resultsStreaming(batchId));
    }

    private static <T> T call(Supplier<T> work) throws ApiCallException {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw new ApiCallException(failure(e), (System.nanoTime() - t0) / 1_000_000, e);
        }
    }

    /** More tokens than any model's context and output hold: a usage count above it is not real. */
    static final long MAX_TOKENS = 10_000_000;

    /**
     * What a message lacks of the fields every answer is read for (its id, its model as text, token usage — each
     * count between 0 and {@link #MAX_TOKENS} —, the name and id of each tool call, which a re-ask sends back, and
     * the text of each text block), or null when it has them.
     * The SDK checks a field only when it is read, so a body such as {@code {}} would otherwise
     * pass as an answer and fail later, outside the handling of bad responses (retried, then
     * failed as a server error; in a batch, back to pending).
     */
    public static String malformed(Message m) {
        try {
            m.id();
            try {
                // The SDK takes a model that is no string for one it does not know, until asked for its name.
                m.model().asString();
            } catch (AnthropicInvalidDataException e) {
                return "`model` is not a string";
            }
            var u = m.usage();
            for (long tokens : new long[] {u.inputTokens(), u.outputTokens(), u.cacheCreationInputTokens().orElse(0L),
                    u.cacheReadInputTokens().orElse(0L)}) {
                // Billed as it stands, a negative count would break the cost ledger and an absurd one would
                // stall the rate limiter for years: neither is an answer to keep.
                if (tokens < 0 || tokens > MAX_TOKENS) {
                    return "usage reports " + tokens + " tokens, which no answer has";
                }
            }
            for (ContentBlock b : m.content()) {
                if (b.isToolUse()) {
                    b.asToolUse().name();
                    b.asToolUse().id();
                } else if (b.isText()) {
                    b.asText().text();
                }
            }
            return null;
        } catch (AnthropicInvalidDataException e) {
            return e.getMessage();
        }
    }

    /** Sorts an SDK exception into what it means for the posting and the run. */
    static ApiFailure failure(Throwable e) {
        if (e instanceof AnthropicServiceException se) {
            int status = se.statusCode();
            String type = se.type().map(Object::toString).orElse(null);
            String message = se.apiMessage().orElse(null);
            String requestId = se.requestId().orElse(null);
            Long retryAfter = retryAfterMillis(se.headers());
            String code = se.errorCode().orElse("");
            ApiFailure.Kind kind;
            if (status == 429) {
                kind = code.contains("spend_limit") || (retryAfter == null && mentionsSpendLimit(message))
                        ? ApiFailure.Kind.FATAL : ApiFailure.Kind.RATE_LIMITED;
            } else if (status == 529) {
                kind = ApiFailure.Kind.OVERLOADED;
            } else if (status == 408 || status == 504) {
                kind = ApiFailure.Kind.TIMEOUT;
            } else if (status >= 500) {
                kind = ApiFailure.Kind.SERVER;
            } else if (status == 401 || status == 402 || status == 403 || status == 404) {
                kind = ApiFailure.Kind.FATAL;
            } else if (status == 413) {
                kind = ApiFailure.Kind.TOO_LARGE;
            } else if (status == 409) {
                kind = ApiFailure.Kind.SERVER;
            } else if (status == 400) {
                // A spend limit the organisation set arrives as a 400 (api-formats 7b): stop, do not fail postings.
                kind = mentionsSpendLimit(message) || mentionsCredit(message) ? ApiFailure.Kind.FATAL
                        : ApiFailure.Kind.BAD_REQUEST;
            } else {
                // The API answers no other status (405, 415, a 3xx…): whatever answers at the base URL is not
                // the Messages API, and every posting would get the same answer. Stop; fail none of them.
                kind = ApiFailure.Kind.FATAL;
            }
            return new ApiFailure(kind, status, type, message == null ? withoutStatus(se.getMessage(), status) : message,
                    requestId, retryAfter);
        }
        if (e instanceof AnthropicInvalidDataException && !Throwables.hasCause(e, SocketTimeoutException.class)) {
            // The SDK says "Error reading response" both of a body that is no answer and of one the connection cut.
            boolean cut = Throwables.hasCause(e, java.net.ProtocolException.class)
                    || Throwables.hasCause(e, java.io.EOFException.class)
                    || Throwables.hasCause(e, java.net.SocketException.class);
            return new ApiFailure(ApiFailure.Kind.SERVER, null, null, cut
                    ? "connection cut mid-answer: " + Throwables.rootMessage(e)
                    : "malformed response body: " + e.getMessage(), null, null);
        }
        if (e instanceof AnthropicIoException || Throwables.hasCause(e, InterruptedIOException.class)) {
            boolean timeout = Throwables.hasCause(e, SocketTimeoutException.class)
                    || Throwables.hasCause(e, InterruptedIOException.class);
            boolean noConnection = !timeout && Throwables.neverConnected(e);
            return new ApiFailure(timeout ? ApiFailure.Kind.TIMEOUT : ApiFailure.Kind.SERVER, null, null,
                    (timeout ? "no answer in time: " : noConnection ? "cannot connect: " : "connection failed: ")
                            + (timeout || noConnection ? Throwables.rootMessage(e) : networkMessage(e)), null, null,
                    noConnection);
        }
        return new ApiFailure(ApiFailure.Kind.SERVER, null, null, e.getClass().getSimpleName() + ": " + Throwables.rootMessage(e),
                null, null);
    }

    /** The SDK's own words for a body that is no API error, "405: Only GET", without the status the ledger shows anyway. */
    private static String withoutStatus(String message, int status) {
        String prefix = status + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * What the network layer said of a failed connection: its outermost words below the SDK's "Request failed"
     * ("unexpected end of stream on http://…" where the root cause says "\n not found: limit=0").
     */
    private static String networkMessage(Throwable e) {
        for (Throwable t = e instanceof AnthropicIoException && e.getCause() != null ? e.getCause() : e; t != null;
             t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().replaceAll("\\s+", " ").strip();
            }
        }
        return Throwables.rootMessage(e);
    }

    private static boolean mentionsSpendLimit(String message) {
        // "You have reached your specified API usage limits": the workspace's own limit, as a 400.
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("spend limit") || m.contains("usage limit");
    }

    static boolean mentionsCredit(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("credit balance");
    }

    /**
     * retry-after-ms, else retry-after in seconds or as an HTTP date. A negative or non-finite number is
     * no delay (it would reach Thread.sleep, which refuses it, and fail the posting as a bug): the
     * header is ignored and the request backs off as after any 429.
     */
    static Long retryAfterMillis(Headers h) {
        String ms = first(h, "retry-after-ms");
        if (ms != null) {
            try {
                Long millis = delay(Double.parseDouble(ms));
                if (millis != null) {
                    return millis;
                }
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String s = first(h, "retry-after");
        if (s == null) {
            return null;
        }
        try {
            return delay(Double.parseDouble(s) * 1000);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(Instant.now(), at).toMillis());
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    /** Milliseconds to wait, or null for a value that is none ("-1", "NaN", "Infinity"). */
    private static Long delay(double millis) {
        return Double.isFinite(millis) && millis >= 0 ? (long) millis : null;
    }

    static String first(Headers h, String name) {
        List<String> v = h.values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        client.close();
    }

    /** A failed call with its failure sorted, and how long it took. */
    public static final class ApiCallException extends Exception {
        private final ApiFailure failure;
        private final long latencyMillis;

        ApiCallException(ApiFailure failure, long latencyMillis, Throwable cause) {
            super(failure.describe(), cause);
            this.failure = failure;
            this.latencyMillis = latencyMillis;
        }

        public ApiFailure failure() {
            return failure;
        }

        public long latencyMillis() {
            return latencyMillis;
        }
    }
}
