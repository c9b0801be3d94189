package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

import static dev.jobintel.classify.claude.sim.SimReply.error;
import static dev.jobintel.classify.claude.sim.SimReply.errorBody;
import static dev.jobintel.classify.claude.sim.SimReply.json;
import static dev.jobintel.classify.claude.sim.SimReply.notFound;

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
 * <p>Batches: {@link SimBatches} says when a batch's requests are answered and what its results and a
 * cancel look like.
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
    private volatile Duration batchCreateDelay = Duration.ZERO;
    private volatile int requestLimit;
    private volatile Duration batchProcessing = Duration.ofMillis(200);
    private volatile Clock clock = Clock.systemUTC();

    private final List<Recorded> recorded = new ArrayList<>();
    private final RequestWindow window = new RequestWindow();
    private final MessageFactory messageFactory = new MessageFactory();
    private final SimBatches batches;
    private volatile java.util.function.UnaryOperator<String> resultsRewrite;
    private final ConcurrentHashMap<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger messageCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger batchAnswered = new AtomicInteger();
    private final AtomicLong requestIds = new AtomicLong();

    private MessagesSimulator(Responder responder, int port) throws IOException {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1024);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "messages-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Unbounded: every request may sleep for the simulated latency (or hang), so the pool must
        // never be what limits concurrency (hundreds of requests in flight are expected).
        this.executor = Executors.newCachedThreadPool(factory);
        // The port is bound at create(); every field is set before start() lets a request in.
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        // Lambdas, not clock::instant: clock(...) and batchProcessing(...) may replace either later.
        this.batches = new SimBatches(baseUrl, () -> clock.instant(), () -> batchProcessing, this::batchResult);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator on 127.0.0.1 and an ephemeral port, with no latency, no request limit. */
    public static MessagesSimulator start(Responder responder) {
        return start(responder, 0);
    }

    /** As {@link #start(Responder)}, on {@code port}: an API that comes back where a client last saw it. */
    public static MessagesSimulator start(Responder responder, int port) {
        try {
            return new MessagesSimulator(responder, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Messages simulator on port " + port, e);
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

    /**
     * Rewrites the results of an ended batch as they are served: a test's broken line, a repeated
     * custom_id, or null for results no longer there (404, as after the days they are kept).
     */
    public MessagesSimulator resultsServed(java.util.function.UnaryOperator<String> rewrite) {
        this.resultsRewrite = rewrite;
        return this;
    }

    /**
     * How long the answer to {@code POST /v1/messages/batches} takes after the batch is created
     * (default none): longer than the client waits, and it holds a batch it never heard of.
     */
    public MessagesSimulator batchCreateDelay(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("batchCreateDelay must be zero or positive");
        }
        this.batchCreateDelay = d;
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
            SimReply reply = route(method, path, ex.getRequestURI().getRawQuery(), headers, rawAuth, raw, body,
                    arrived);
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

    private SimReply route(String method, String path, String query, Map<String, String> headers, String[] rawAuth,
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
                case "POST" -> {
                    SimReply created = batches.create(body);
                    // The batch exists from now on, whether or not the answer reaches the client in time.
                    sleep(batchCreateDelay);
                    yield created;
                }
                case "GET" -> batches.list(query);
                default -> notFound(path);
            };
        }
        String id = segments.get(3);
        if (segments.size() == 4) {
            return switch (method) {
                case "GET" -> batches.retrieve(id);
                case "DELETE" -> batches.delete(id);
                default -> notFound(path);
            };
        }
        if (segments.size() == 5 && segments.get(4).equals("results") && method.equals("GET")) {
            SimReply served = batches.results(id);
            java.util.function.UnaryOperator<String> rewrite = resultsRewrite;
            if (rewrite == null || served.status() != 200) {
                return served;
            }
            String lines = rewrite.apply(new String(served.body(), StandardCharsets.UTF_8));
            return lines == null ? SimReply.error(404, "not_found_error", "results of " + id + " are no longer available",
                    Map.of(), null)
                    : new SimReply(200, served.contentType(), served.headers(), lines.getBytes(StandardCharsets.UTF_8));
        }
        if (segments.size() == 5 && segments.get(4).equals("cancel") && method.equals("POST")) {
            return batches.cancel(id);
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

    private void send(HttpExchange ex, SimReply reply) throws IOException {
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
        return invalidConversation(body.get("messages"));
    }

    /**
     * What the real API refuses (400) in a conversation sent back to it, or null: a turn with no content
     * but a last assistant turn, a text block with no text, a tool call whose input is no object, and a
     * tool call the next turn does not answer with its tool_result.
     */
    private static String invalidConversation(JsonNode messages) {
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            JsonNode content = m.path("content");
            boolean lastAssistant = i == messages.size() - 1 && m.path("role").asText().equals("assistant");
            if (content.isTextual()) {
                if (content.asText().isBlank() && !lastAssistant) {
                    return "messages." + i + ": all messages must have non-empty content except for the optional "
                            + "final assistant message";
                }
                continue;
            }
            if (!content.isArray()) {
                return "messages." + i + ".content: Field required";
            }
            if (content.isEmpty() && !lastAssistant) {
                return "messages." + i + ": all messages must have non-empty content except for the optional final "
                        + "assistant message";
            }
            List<String> toolUses = new ArrayList<>();
            for (int j = 0; j < content.size(); j++) {
                JsonNode b = content.get(j);
                String type = b.path("type").asText();
                switch (type) {
                    case "text" -> {
                        if (b.path("text").asText("").isBlank()) {
                            return "messages." + i + ".content." + j + ".text: text content blocks must contain "
                                    + "non-whitespace text";
                        }
                    }
                    case "tool_use" -> {
                        if (!b.path("input").isObject()) {
                            return "messages." + i + ".content." + j + ".tool_use.input: Input should be a valid "
                                    + "dictionary";
                        }
                        toolUses.add(b.path("id").asText());
                    }
                    case "tool_result", "image", "document", "thinking", "redacted_thinking" -> {
                    }
                    default -> {
                        return "messages." + i + ".content." + j + ": Input tag '" + type + "' found using 'type' "
                                + "does not match any of the expected tags";
                    }
                }
            }
            if (!toolUses.isEmpty()) {
                Set<String> answered = new HashSet<>();
                if (i + 1 < messages.size()) {
                    for (JsonNode b : messages.get(i + 1).path("content")) {
                        if (b.path("type").asText().equals("tool_result")) {
                            answered.add(b.path("tool_use_id").asText());
                        }
                    }
                }
                List<String> unanswered = toolUses.stream().filter(id -> !answered.contains(id)).toList();
                if (!unanswered.isEmpty() && i + 1 < messages.size()) {
                    return "messages." + i + ": `tool_use` ids were found without `tool_result` blocks immediately "
                            + "after: " + String.join(", ", unanswered) + ". Each `tool_use` block must have a "
                            + "corresponding `tool_result` block in the next message.";
                }
            }
        }
        return null;
    }

    private SimReply messages(JsonNode body, long arrived) throws InterruptedException {
        String problem = invalid(body);
        if (problem != null) {
            return error(400, "invalid_request_error", problem, Map.of(), null);
        }
        Map<String, String> limitHeaders = new LinkedHashMap<>();
        SimReply limited = window.admit(requestLimit, clock, limitHeaders);
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
            } else if (answer instanceof Answer.Disconnect) {
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
            return new SimReply(r.status(), r.contentType(), limitHeaders, r.body().getBytes(StandardCharsets.UTF_8));
        }
        cache.commit(decision, clock.instant());
        return json(200, messageFactory.message(model, body, answer, decision.usage(), "standard"), limitHeaders);
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

    // ---------------------------------------------------------------------------------------------
    // Message Batches
    // (the endpoints are SimBatches'; the answers are made here, with the same cache and responder as /v1/messages)

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
        if (answer instanceof Answer.Disconnect) {
            return errored(errorBody("api_error", "Internal server error", null));
        }
        if (answer instanceof Answer.ApiError e) {
            return errored(errorBody(e.type(), e.message(), e.details()));
        }
        if (answer instanceof Answer.RawBody r) {
            JsonNode body = r.status() == 200 ? parse(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
            if (body != null && body.isObject()) {
                // A 200 whose body is a JSON object is the message as given, however incomplete.
                ObjectNode result = JSON.createObjectNode().put("type", "succeeded");
                result.set("message", body);
                return result;
            }
            return errored(errorBody("api_error", "Internal server error (the simulated model answered "
                    + r.status() + " " + r.contentType() + ")", null));
        }
        cache.commit(decision, clock.instant());
        ObjectNode result = JSON.createObjectNode().put("type", "succeeded");
        result.set("message", messageFactory.message(model, params, answer, decision.usage(), "batch"));
        return result;
    }

    private static ObjectNode errored(ObjectNode errorResponse) {
        ObjectNode result = JSON.createObjectNode().put("type", "errored");
        result.set("error", errorResponse);
        return result;
    }
}
