package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Anthropic Messages and Message Batches APIs, good enough for the
 * official Java SDK to run against unchanged ({@code AnthropicOkHttpClient.builder().baseUrl(sim.baseUrl())}).
 * It powers {@code jobintel bench claude} and the Claude classifier's tests: the answers come from a
 * {@link Responder} (by default {@link RulesResponder}), the token usage from exact, documented rules
 * (see {@link PromptCache} and {@link TokenCount}), so costs computed from its usage are reproducible.
 *
 * <p>Endpoints: {@code POST /v1/messages}; {@code POST /v1/messages/batches}, {@code GET /v1/messages/batches},
 * {@code GET /v1/messages/batches/{id}}, {@code GET /v1/messages/batches/{id}/results},
 * {@code POST /v1/messages/batches/{id}/cancel}, {@code DELETE /v1/messages/batches/{id}}. Every endpoint
 * requires a credential, {@code x-api-key} or {@code authorization: Bearer <key>} (the Java SDK 3.14 sends
 * its API key the second way; 401 {@code authentication_error} without either), and an
 * {@code anthropic-version} header (any value; 400 without). Every response carries {@code request-id: req_sim_<n>}; error
 * bodies are {@code {"type":"error","error":{"type","message"},"request_id"}}.
 *
 * <p>Messages: every answer from the responder comes {@link #latency} after the request arrived (the
 * simulator's own work is part of it, as a real server's is; not for the
 * simulator's own rejections: auth, invalid body, request limit). With a {@link #requestLimit}, a sliding
 * 60-second window of admitted requests; a request over it gets 429 {@code rate_limit_error} with
 * {@code retry-after} (whole seconds until a slot frees, at least 1) and is not passed to the responder;
 * every /v1/messages response then carries {@code anthropic-ratelimit-requests-limit/-remaining/-reset}
 * (reset: RFC 3339, when the window is fully replenished).
 *
 * <p>Batches: each request of a batch is answered by the same responder, without latency, once the batch
 * has been {@code in_progress} for {@link #batchProcessing} (measured on the simulator's clock; the answers
 * are computed when a client first observes the batch after that). {@code hang()} makes a request
 * {@code expired}, an error makes it {@code errored}, a raw body makes it {@code errored} with
 * {@code api_error} (a batch result line cannot carry a malformed body), {@code delayed(d, a)} is {@code a}.
 * Batch usage has {@code service_tier: "batch"} and the same cache accounting (entries are written at once).
 * A cancel while in progress keeps the share of requests already "processed" (in submission order,
 * proportional to the elapsed processing time), and cancels the rest; the batch is {@code canceling} for
 * at most 50 ms (never beyond its normal end), then {@code ended}.
 *
 * <p>Recording: every HTTP request is kept in {@link #requests()} (a batch's individual requests are in the
 * body of its {@code POST /v1/messages/batches}). Credentials are never stored.
 */
public final class MessagesSimulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY a response written in two parts waits for the client's delayed ACK
        // (about 40 ms per exchange), which would be measured as the client's slowness. The JDK
        // reads this once, when its first HTTP server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration CANCEL_GRACE = Duration.ofMillis(50);
    private static final Pattern CUSTOM_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    /** Result files are served as the real API serves them; the SDK reads lines whatever the type. */
    static final String RESULTS_CONTENT_TYPE = "application/binary";

    /** Aliases the real API answers with a dated id; any other model id is echoed unchanged. */
    private static final Map<String, String> DATED = Map.ofEntries(
            Map.entry("claude-haiku-4-5", "claude-haiku-4-5-20251001"),
            Map.entry("claude-sonnet-4-5", "claude-sonnet-4-5-20250929"),
            Map.entry("claude-opus-4-5", "claude-opus-4-5-20251101"),
            Map.entry("claude-opus-4-1", "claude-opus-4-1-20250805"),
            Map.entry("claude-opus-4-0", "claude-opus-4-20250514"),
            Map.entry("claude-sonnet-4-0", "claude-sonnet-4-20250514"),
            Map.entry("claude-3-7-sonnet-latest", "claude-3-7-sonnet-20250219"),
            Map.entry("claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022"),
            Map.entry("claude-3-5-haiku-latest", "claude-3-5-haiku-20241022"),
            Map.entry("claude-3-opus-latest", "claude-3-opus-20240229"));

    private final Responder responder;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final PromptCache cache = new PromptCache();
    private final CountDownLatch closing = new CountDownLatch(1);

    private volatile Duration latency = Duration.ZERO;
    private volatile int requestLimit;
    private volatile Duration batchProcessing = Duration.ofMillis(200);
    private volatile Clock clock = Clock.systemUTC();

    private final List<Recorded> recorded = new ArrayList<>();
    private final Deque<Instant> window = new ArrayDeque<>();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger messageCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger batchAnswered = new AtomicInteger();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong toolUseIds = new AtomicLong();
    private final AtomicLong batchIds = new AtomicLong();

    private MessagesSimulator(Responder responder) throws IOException {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "messages-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Unbounded: every request may sleep for the simulated latency (or hang), so the pool must
        // never be what limits concurrency (hundreds of requests in flight are expected).
        this.executor = Executors.newCachedThreadPool(factory);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a simulator on 127.0.0.1 and an ephemeral port, with no latency, no request limit. */
    public static MessagesSimulator start(Responder responder) {
        try {
            return new MessagesSimulator(responder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Messages simulator", e);
        }
    }

    /** A fixed delay before every answer to {@code POST /v1/messages}. */
    public MessagesSimulator latency(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        this.latency = d;
        return this;
    }

    /** Requests per sliding minute on {@code POST /v1/messages}; 0 = unlimited (the default). */
    public MessagesSimulator requestLimit(int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("requestLimit must be >= 0");
        }
        this.requestLimit = perMinute;
        return this;
    }

    /** How long a new batch stays {@code in_progress} (default 200 ms). */
    public MessagesSimulator batchProcessing(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("batchProcessing must be zero or positive");
        }
        this.batchProcessing = d;
        return this;
    }

    /**
     * The clock for cache expiry, the request-limit window, batch timestamps and batch processing
     * (default: the system UTC clock). A test advances a mutable clock to expire cache entries.
     * Latency and {@code delayed} answers are real sleeps regardless.
     */
    public MessagesSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, for the SDK's {@code baseUrl}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Every request received, in order of arrival (a copy). */
    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** How many {@code POST /v1/messages} were received (rejected ones included). */
    public int messageCalls() {
        return messageCalls.get();
    }

    /** {@code POST /v1/messages} being served right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most {@code POST /v1/messages} ever served at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Batch requests passed to the responder so far (canceled ones never are). */
    public int batchRequestsAnswered() {
        return batchAnswered.get();
    }

    /** Stops the server; hanging requests are dropped (the client sees the connection close). */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP plumbing

    /** A response to write; null from a route means "hang up without answering". */
    private record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    }

    private void handle(HttpExchange ex) {
        long arrived = System.nanoTime();
        boolean message = false;
        try {
            String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = parse(raw);
            Map<String, String> headers = headers(ex);
            record(method, path, headers, body);
            message = method.equals("POST") && path.equals("/v1/messages");
            if (message) {
                messageCalls.incrementAndGet();
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
            }
            String[] rawAuth = {ex.getRequestHeaders().getFirst("x-api-key"),
                    ex.getRequestHeaders().getFirst("authorization")};
            Reply reply = route(method, path, ex.getRequestURI().getRawQuery(), headers, rawAuth, raw, body, arrived);
            if (message) {
                // No longer "in flight" once the answer exists: a client that has read every response
                // then always sees inFlight() == 0.
                message = false;
                inFlight.decrementAndGet();
            }
            if (reply != null) {
                send(ex, reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: drop the request
        } catch (Exception e) {
            try {
                send(ex, error(500, "api_error", "simulator failure: " + e, Map.of(), null));
            } catch (Exception ignored) {
                // the client went away, or the headers were already sent
            }
        } finally {
            if (message) {
                inFlight.decrementAndGet();
            }
            ex.close();
        }
    }

    private Reply route(String method, String path, String query, Map<String, String> headers, String[] rawAuth,
                        byte[] raw, JsonNode body, long arrived) throws InterruptedException {
        if (!hasCredential(rawAuth)) {
            return error(401, "authentication_error", "x-api-key header is required", Map.of(), null);
        }
        if (blank(headers.get("anthropic-version"))) {
            return error(400, "invalid_request_error", "anthropic-version: header is required", Map.of(), null);
        }
        if (raw.length > 0 && body == null) {
            return error(400, "invalid_request_error", "The request body is not valid JSON.", Map.of(), null);
        }
        List<String> segments = segments(path);
        if (segments.size() < 2 || !segments.get(0).equals("v1") || !segments.get(1).equals("messages")) {
            return notFound(path);
        }
        if (segments.size() == 2) {
            return method.equals("POST") ? messages(body, arrived) : notFound(path);
        }
        if (!segments.get(2).equals("batches")) {
            return notFound(path);
        }
        if (segments.size() == 3) {
            return switch (method) {
                case "POST" -> createBatch(body);
                case "GET" -> listBatches(query);
                default -> notFound(path);
            };
        }
        String id = segments.get(3);
        if (segments.size() == 4) {
            return switch (method) {
                case "GET" -> retrieveBatch(id);
                case "DELETE" -> deleteBatch(id);
                default -> notFound(path);
            };
        }
        if (segments.size() == 5 && segments.get(4).equals("results") && method.equals("GET")) {
            return results(id);
        }
        if (segments.size() == 5 && segments.get(4).equals("cancel") && method.equals("POST")) {
            return cancelBatch(id);
        }
        return notFound(path);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private Reply notFound(String path) {
        return error(404, "not_found_error", "Not found: " + path, Map.of(), null);
    }

    private void send(HttpExchange ex, Reply reply) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("request-id", "req_sim_" + requestIds.incrementAndGet());
        if (reply.contentType() != null) {
            h.set("content-type", reply.contentType());
        }
        reply.headers().forEach(h::set);
        byte[] body = reply.body();
        // The request id goes in the error body too, as on the real API.
        if (reply.status() >= 400 && "application/json".equals(reply.contentType()) && body.length > 0) {
            body = withRequestId(body, h.getFirst("request-id"));
        }
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] withRequestId(byte[] body, String requestId) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode o && "error".equals(o.path("type").asText())) {
                o.put("request_id", requestId);
                return JSON.writeValueAsBytes(o);
            }
        } catch (IOException e) {
            // not JSON after all: leave it as it is
        }
        return body;
    }

    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> out = new TreeMap<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(java.util.Locale.ROOT);
            String value = values.isEmpty() ? "" : values.get(0);
            if (key.equals("x-api-key") || key.equals("authorization")) {
                value = "<redacted>";
            }
            out.put(key, value);
        });
        return Collections.unmodifiableMap(out);
    }

    private void record(String method, String path, Map<String, String> headers, JsonNode body) {
        synchronized (recorded) {
            recorded.add(new Recorded(method, path, headers, body));
        }
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A credential is a non-blank {@code x-api-key}, or an {@code authorization: Bearer <token>} with a
     * non-blank token: the Java SDK 3.14 sends its API key as a bearer token, not as {@code x-api-key}.
     */
    private static boolean hasCredential(String[] rawAuth) {
        if (!blank(rawAuth[0])) {
            return true;
        }
        String auth = rawAuth[1];
        if (blank(auth)) {
            return false;
        }
        String a = auth.strip();
        if (a.regionMatches(true, 0, "Bearer", 0, 6)) {
            return !a.substring(6).isBlank();
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Reply json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new Reply(status, "application/json", headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode errorBody(String type, String message, JsonNode details) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        ObjectNode error = body.putObject("error").put("type", type).put("message", message);
        if (details != null) {
            error.set("details", details);
        }
        return body;
    }

    private static Reply error(int status, String type, String message, Map<String, String> headers,
                               JsonNode details) {
        return json(status, errorBody(type, message, details), headers);
    }

    // ---------------------------------------------------------------------------------------------
    // Messages

    /** The concrete model id the real API reports for a requested model (aliases get their date). */
    static String concreteModel(String requested) {
        return DATED.getOrDefault(requested, requested);
    }

    /** Null when the body is a valid Messages request, else what is wrong with it. */
    private static String invalid(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "The request body must be a JSON object.";
        }
        if (!body.path("model").isTextual() || body.get("model").asText().isBlank()) {
            return "model: Field required";
        }
        if (!body.path("max_tokens").canConvertToInt() || !body.path("max_tokens").isIntegralNumber()
                || body.get("max_tokens").asInt() < 1) {
            return "max_tokens: Field required (an integer >= 1)";
        }
        if (!body.path("messages").isArray() || body.get("messages").isEmpty()) {
            return "messages: at least one message is required";
        }
        if (body.path("stream").asBoolean(false)) {
            return "stream: the simulator does not stream";
        }
        return null;
    }

    private Reply messages(JsonNode body, long arrived) throws InterruptedException {
        String problem = invalid(body);
        if (problem != null) {
            return error(400, "invalid_request_error", problem, Map.of(), null);
        }
        Map<String, String> limitHeaders = new LinkedHashMap<>();
        Reply limited = admit(limitHeaders);
        if (limited != null) {
            return limited;
        }
        String model = concreteModel(body.get("model").asText());
        PromptCache.Decision decision = cache.decide(PromptCache.plan(model, body), clock.instant());
        Answer answer = ask(body);
        // Latency is arrival to answer, the simulator's own work included, as a real server's is.
        if (!sleep(Duration.ofNanos(Math.max(0, arrived + latency.toNanos() - System.nanoTime())))) {
            return null;
        }
        while (true) {
            if (answer instanceof Answer.Delayed d) {
                if (!sleep(d.delay())) {
                    return null;
                }
                answer = d.then();
            } else if (answer instanceof Answer.Hang) {
                closing.await();
                return null;
            } else {
                break;
            }
        }
        if (answer instanceof Answer.ApiError e) {
            Map<String, String> h = new LinkedHashMap<>(limitHeaders);
            h.putAll(e.headers());
            return error(e.status(), e.type(), e.message(), h, e.details());
        }
        if (answer instanceof Answer.RawBody r) {
            if (r.status() >= 200 && r.status() < 300) {
                cache.commit(decision, clock.instant());
            }
            return new Reply(r.status(), r.contentType(), limitHeaders, r.body().getBytes(StandardCharsets.UTF_8));
        }
        cache.commit(decision, clock.instant());
        return json(200, message(model, body, answer, decision.usage(), "standard"), limitHeaders);
    }

    /** Asks the responder; an exception from it becomes a 500 api_error answer. */
    private Answer ask(JsonNode body) {
        SimRequest request = simRequest(body);
        try {
            Answer a = responder.answer(request);
            if (a == null) {
                return Answer.error(500, "api_error", "the responder returned no answer");
            }
            return a;
        } catch (RuntimeException e) {
            return Answer.error(500, "api_error", "Internal server error (responder: " + e + ")");
        }
    }

    private SimRequest simRequest(JsonNode body) {
        String userText = userText(body);
        int attempt = attempts.merge(userText, 1, Integer::sum);
        return new SimRequest(body.path("model").asText(), body.path("max_tokens").asInt(), systemText(body),
                userText, body, attempt);
    }

    static String systemText(JsonNode body) {
        JsonNode system = body.get("system");
        if (system == null || system.isNull()) {
            return "";
        }
        if (system.isTextual()) {
            return system.asText();
        }
        return texts(system);
    }

    static String userText(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asText())) {
                JsonNode content = m.get("content");
                return content != null && content.isTextual() ? content.asText() : texts(content);
            }
        }
        return "";
    }

    private static String texts(JsonNode blocks) {
        List<String> parts = new ArrayList<>();
        if (blocks != null && blocks.isArray()) {
            for (JsonNode b : blocks) {
                if ("text".equals(b.path("type").asText()) && b.path("text").isTextual()) {
                    parts.add(b.get("text").asText());
                }
            }
        }
        return String.join("\n\n", parts);
    }

    /** Sleeps; false when the simulator is closing (the request is then dropped). */
    private boolean sleep(Duration d) {
        if (d.isZero()) {
            return closing.getCount() > 0;
        }
        try {
            return !closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The sliding-window request limit. Fills {@code headers} with the rate-limit headers when a limit
     * is set; returns the 429 reply when the request is over the limit, else null (admitted).
     */
    private Reply admit(Map<String, String> headers) {
        int limit = requestLimit;
        if (limit <= 0) {
            return null;
        }
        Instant now = clock.instant();
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                window.pollFirst();
            }
            headers.put("anthropic-ratelimit-requests-limit", Integer.toString(limit));
            if (window.size() >= limit) {
                Instant slotFrees = window.peekFirst().plus(WINDOW);
                long millis = Duration.between(now, slotFrees).toMillis();
                long retryAfter = Math.max(1, (millis + 999) / 1000);
                headers.put("anthropic-ratelimit-requests-remaining", "0");
                headers.put("anthropic-ratelimit-requests-reset", rfc3339(window.peekLast().plus(WINDOW)));
                Map<String, String> h = new LinkedHashMap<>(headers);
                h.put("retry-after", Long.toString(retryAfter));
                return error(429, "rate_limit_error", "This request would exceed the rate limit for your organization "
                        + "of " + limit + " requests per minute. Please wait before trying again.", h, null);
            }
            window.addLast(now);
            headers.put("anthropic-ratelimit-requests-remaining", Integer.toString(limit - window.size()));
            headers.put("anthropic-ratelimit-requests-reset", rfc3339(now.plus(WINDOW)));
            return null;
        }
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The name of the tool a request forces ({@code tool_choice.name}), else its first tool, else null. */
    private static String toolName(JsonNode body) {
        JsonNode choice = body.path("tool_choice");
        if ("tool".equals(choice.path("type").asText()) && choice.path("name").isTextual()) {
            return choice.get("name").asText();
        }
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty() && tools.get(0).path("name").isTextual()) {
            return tools.get(0).get("name").asText();
        }
        return null;
    }

    private ObjectNode toolUse(String name, JsonNode input) {
        ObjectNode block = JSON.createObjectNode();
        block.put("type", "tool_use");
        block.put("id", "toolu_sim_" + toolUseIds.incrementAndGet());
        block.put("name", name);
        block.set("input", input);
        block.putObject("caller").put("type", "direct");
        return block;
    }

    private static ObjectNode textBlock(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    /**
     * A Message for a content answer (tool, text, truncated, refusal). Output tokens are
     * {@link TokenCount#of} each text block's text plus each tool_use block's compact input JSON;
     * a truncated answer reports exactly {@code max_tokens}.
     */
    ObjectNode message(String model, JsonNode body, Answer answer, PromptCache.Usage input, String tier) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "msg_sim_" + messageIds.incrementAndGet());
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        ArrayNode content = m.putArray("content");
        String stopReason;
        JsonNode stopDetails = null;
        String tool = toolName(body);
        if (answer instanceof Answer.ToolUse t) {
            if (t.text() != null) {
                content.add(textBlock(t.text()));
            }
            content.add(toolUse(tool == null ? "tool" : tool, t.input()));
            stopReason = "tool_use";
        } else if (answer instanceof Answer.Text t) {
            content.add(textBlock(t.text()));
            stopReason = "end_turn";
        } else if (answer instanceof Answer.Truncated t) {
            if (tool != null) {
                content.add(toolUse(tool, JSON.createObjectNode()));
            }
            content.add(textBlock(t.partialJson()));
            stopReason = "max_tokens";
        } else if (answer instanceof Answer.Refusal) {
            stopReason = "refusal";
            stopDetails = JSON.createObjectNode().put("type", "refusal").put("category", "cyber")
                    .put("explanation", "The simulated model declined to answer this request.");
        } else {
            throw new IllegalArgumentException("not a content answer: " + answer);
        }
        m.put("stop_reason", stopReason);
        m.putNull("stop_sequence");
        m.set("stop_details", stopDetails == null ? JSON.nullNode() : stopDetails);
        int output = answer instanceof Answer.Truncated ? body.path("max_tokens").asInt() : outputTokens(content);
        ObjectNode usage = m.putObject("usage");
        usage.put("input_tokens", input.inputTokens());
        usage.put("cache_creation_input_tokens", input.cacheCreationInputTokens());
        usage.put("cache_read_input_tokens", input.cacheReadInputTokens());
        usage.putObject("cache_creation")
                .put("ephemeral_5m_input_tokens", input.ephemeral5mInputTokens())
                .put("ephemeral_1h_input_tokens", input.ephemeral1hInputTokens());
        usage.put("output_tokens", output);
        usage.put("service_tier", tier);
        usage.put("inference_geo", "not_available");
        return m;
    }

    private static int outputTokens(ArrayNode content) {
        int n = 0;
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                n += TokenCount.of(block.path("text").asText());
            } else if ("tool_use".equals(block.path("type").asText())) {
                n += TokenCount.of(PromptCache.compact(block.get("input")));
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------
    // Message Batches

    private record Item(String customId, JsonNode params) {
    }

    /** One batch; all state guarded by its own monitor. */
    private static final class Batch {
        final String id;
        final List<Item> items;
        final Instant createdAt;
        final Instant expiresAt;
        final Instant processingEndsAt;
        String status = "in_progress";
        Instant cancelInitiatedAt;
        Instant cancelEndsAt;
        int processedAtCancel;
        Instant endedAt;
        List<ObjectNode> lines;
        int succeeded;
        int errored;
        int canceled;
        int expired;

        Batch(String id, List<Item> items, Instant createdAt, Duration processing) {
            this.id = id;
            this.items = items;
            this.createdAt = createdAt;
            this.expiresAt = createdAt.plus(Duration.ofHours(24));
            this.processingEndsAt = createdAt.plus(processing);
        }
    }

    private Reply createBatch(JsonNode body) {
        JsonNode requests = body == null ? null : body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            return error(400, "invalid_request_error", "requests: at least one request is required", Map.of(), null);
        }
        if (requests.size() > 100_000) {
            return error(400, "invalid_request_error", "requests: at most 100000 requests per batch", Map.of(), null);
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode r = requests.get(i);
            JsonNode customId = r.get("custom_id");
            if (customId == null || !customId.isTextual() || !CUSTOM_ID.matcher(customId.asText()).matches()) {
                return error(400, "invalid_request_error", "requests." + i + ".custom_id: String should match "
                        + "pattern '^[a-zA-Z0-9_-]{1,64}$'", Map.of(), null);
            }
            if (!seen.add(customId.asText())) {
                return error(400, "invalid_request_error", "requests." + i + ".custom_id: custom_id '"
                        + customId.asText() + "' is not unique within the batch", Map.of(), null);
            }
            JsonNode params = r.get("params");
            if (params == null || !params.isObject()) {
                return error(400, "invalid_request_error", "requests." + i + ".params: Field required", Map.of(), null);
            }
            items.add(new Item(customId.asText(), params));
        }
        Instant now = clock.instant();
        Batch batch = new Batch("msgbatch_sim_" + batchIds.incrementAndGet(), List.copyOf(items), now, batchProcessing);
        synchronized (batches) {
            batches.put(batch.id, batch);
        }
        synchronized (batch) {
            refresh(batch, now);
            return json(200, batchJson(batch), Map.of());
        }
    }

    private Batch batch(String id) {
        synchronized (batches) {
            return batches.get(id);
        }
    }

    private Reply batchNotFound(String id) {
        return error(404, "not_found_error", "message_batch_id: no Message Batch with id '" + id + "'", Map.of(), null);
    }

    private Reply retrieveBatch(String id) {
        Batch batch = batch(id);
        if (batch == null) {
            return batchNotFound(id);
        }
        synchronized (batch) {
            refresh(batch, clock.instant());
            return json(200, batchJson(batch), Map.of());
        }
    }

    private Reply cancelBatch(String id) {
        Batch batch = batch(id);
        if (batch == null) {
            return batchNotFound(id);
        }
        synchronized (batch) {
            Instant now = clock.instant();
            refresh(batch, now);
            if (batch.status.equals("ended")) {
                // Unverified against the real API, which documents canceling only "before processing ends".
                return error(400, "invalid_request_error", "Message Batch " + id + " has already ended and cannot "
                        + "be canceled.", Map.of(), null);
            }
            if (batch.status.equals("in_progress")) {
                long total = Duration.between(batch.createdAt, batch.processingEndsAt).toNanos();
                long elapsed = Duration.between(batch.createdAt, now).toNanos();
                int n = batch.items.size();
                batch.processedAtCancel = total <= 0 ? n
                        : (int) Math.max(0, Math.min(n, (long) Math.floor((double) n * elapsed / total)));
                batch.status = "canceling";
                batch.cancelInitiatedAt = now;
                Instant graceEnd = now.plus(CANCEL_GRACE);
                batch.cancelEndsAt = graceEnd.isBefore(batch.processingEndsAt) ? graceEnd : batch.processingEndsAt;
            }
            return json(200, batchJson(batch), Map.of());
        }
    }

    private Reply deleteBatch(String id) {
        Batch batch = batch(id);
        if (batch == null) {
            return batchNotFound(id);
        }
        synchronized (batch) {
            refresh(batch, clock.instant());
            if (!batch.status.equals("ended")) {
                return error(400, "invalid_request_error", "Message Batch " + id + " is still processing; cancel it "
                        + "and wait for it to end before deleting it.", Map.of(), null);
            }
        }
        synchronized (batches) {
            batches.remove(id);
        }
        return json(200, JSON.createObjectNode().put("id", id).put("type", "message_batch_deleted"), Map.of());
    }

    private Reply results(String id) {
        Batch batch = batch(id);
        if (batch == null) {
            return batchNotFound(id);
        }
        StringBuilder out = new StringBuilder();
        synchronized (batch) {
            refresh(batch, clock.instant());
            if (!batch.status.equals("ended")) {
                // The real API has no results before the batch ends (results_url is null until then); the
                // status code it uses for this is not documented. The simulator answers 400.
                return error(400, "invalid_request_error", "Message Batch " + id + " has not finished processing "
                        + "(processing_status: " + batch.status + "); results are available once it has ended.",
                        Map.of(), null);
            }
            try {
                for (ObjectNode line : batch.lines) {
                    out.append(JSON.writeValueAsString(line)).append('\n');
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Reply(200, RESULTS_CONTENT_TYPE, Map.of(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Reply listBatches(String query) {
        Map<String, String> params = query(query);
        int limit = 20;
        if (params.containsKey("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                return error(400, "invalid_request_error", "limit: Input should be between 1 and 1000", Map.of(), null);
            }
        }
        List<Batch> newestFirst;
        synchronized (batches) {
            newestFirst = new ArrayList<>(batches.values());
        }
        Collections.reverse(newestFirst);
        String afterId = params.get("after_id");
        String beforeId = params.get("before_id");
        int from;
        int to;
        boolean hasMore;
        if (beforeId != null) {
            int at = indexOf(newestFirst, beforeId);
            if (at < 0) {
                return batchNotFound(beforeId);
            }
            to = at;
            from = Math.max(0, at - limit);
            hasMore = from > 0;
        } else {
            from = 0;
            if (afterId != null) {
                int at = indexOf(newestFirst, afterId);
                if (at < 0) {
                    return batchNotFound(afterId);
                }
                from = at + 1;
            }
            to = Math.min(newestFirst.size(), from + limit);
            hasMore = to < newestFirst.size();
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        Instant now = clock.instant();
        for (Batch b : newestFirst.subList(from, to)) {
            synchronized (b) {
                refresh(b, now);
                data.add(batchJson(b));
            }
        }
        page.put("has_more", hasMore);
        if (data.isEmpty()) {
            page.putNull("first_id");
            page.putNull("last_id");
        } else {
            page.put("first_id", data.get(0).get("id").asText());
            page.put("last_id", data.get(data.size() - 1).get("id").asText());
        }
        return json(200, page, Map.of());
    }

    private static int indexOf(List<Batch> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** Ends the batch if its processing (or its cancellation) is over at {@code now}. Caller holds the batch. */
    private void refresh(Batch b, Instant now) {
        if (b.status.equals("in_progress") && !now.isBefore(b.processingEndsAt)) {
            finish(b, b.items.size(), b.processingEndsAt);
        } else if (b.status.equals("canceling") && !now.isBefore(b.cancelEndsAt)) {
            finish(b, b.processedAtCancel, b.cancelEndsAt);
        }
    }

    private void finish(Batch b, int answered, Instant endedAt) {
        List<ObjectNode> lines = new ArrayList<>();
        for (int i = 0; i < b.items.size(); i++) {
            Item item = b.items.get(i);
            ObjectNode line = JSON.createObjectNode().put("custom_id", item.customId());
            ObjectNode result = i < answered ? batchResult(item.params()) : JSON.createObjectNode().put("type", "canceled");
            line.set("result", result);
            switch (result.get("type").asText()) {
                case "succeeded" -> b.succeeded++;
                case "errored" -> b.errored++;
                case "expired" -> b.expired++;
                default -> b.canceled++;
            }
            lines.add(line);
        }
        // Result order is not guaranteed by the real API: shuffle, reproducibly per batch.
        Collections.shuffle(lines, new Random(b.id.hashCode()));
        b.lines = lines;
        b.status = "ended";
        b.endedAt = endedAt;
    }

    private ObjectNode batchResult(JsonNode params) {
        String problem = invalid(params);
        if (problem != null) {
            return errored(errorBody("invalid_request_error", problem, null));
        }
        String model = concreteModel(params.get("model").asText());
        PromptCache.Decision decision = cache.decide(PromptCache.plan(model, params), clock.instant());
        batchAnswered.incrementAndGet();
        Answer answer = ask(params);
        while (answer instanceof Answer.Delayed d) {
            answer = d.then();
        }
        if (answer instanceof Answer.Hang) {
            return JSON.createObjectNode().put("type", "expired");
        }
        if (answer instanceof Answer.ApiError e) {
            return errored(errorBody(e.type(), e.message(), e.details()));
        }
        if (answer instanceof Answer.RawBody r) {
            return errored(errorBody("api_error", "Internal server error (the simulated model answered "
                    + r.status() + " " + r.contentType() + ")", null));
        }
        cache.commit(decision, clock.instant());
        ObjectNode result = JSON.createObjectNode().put("type", "succeeded");
        result.set("message", message(model, params, answer, decision.usage(), "batch"));
        return result;
    }

    private static ObjectNode errored(ObjectNode errorResponse) {
        ObjectNode result = JSON.createObjectNode().put("type", "errored");
        result.set("error", errorResponse);
        return result;
    }

    private ObjectNode batchJson(Batch b) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", b.id);
        o.put("type", "message_batch");
        o.put("processing_status", b.status);
        boolean ended = b.status.equals("ended");
        o.putObject("request_counts")
                .put("processing", ended ? 0 : b.items.size())
                .put("succeeded", b.succeeded)
                .put("errored", b.errored)
                .put("canceled", b.canceled)
                .put("expired", b.expired);
        putTime(o, "ended_at", b.endedAt);
        putTime(o, "created_at", b.createdAt);
        putTime(o, "expires_at", b.expiresAt);
        o.putNull("archived_at");
        putTime(o, "cancel_initiated_at", b.cancelInitiatedAt);
        if (ended) {
            o.put("results_url", baseUrl + "/v1/messages/batches/" + b.id + "/results");
        } else {
            o.putNull("results_url");
        }
        return o;
    }

    /** Real batch timestamps have microseconds and "+00:00": 2026-08-02T17:48:04.374913+00:00. */
    private static void putTime(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, MICROS.format(t.truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
