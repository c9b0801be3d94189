package dev.jobintel.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for tests: it speaks whatever the test scripts — recorded API
 * bodies, errors, Retry-After, slow or hanging responses — and records every request it got.
 */
public final class LocalServer implements AutoCloseable {

    /** One scripted response. {@code delayMillis} before headers; {@code hangAfterHeaders} stalls the body. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis,
                        boolean hangAfterHeaders, int trickleChunks, long trickleGapMillis) {
        public static Reply json(String body) {
            return new Reply(200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), 0, false, 0, 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), 0, false, 0, 0);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h, delayMillis, hangAfterHeaders, trickleChunks, trickleGapMillis);
        }

        public Reply withContentType(String type) {
            return new Reply(status, type, body, headers, delayMillis, hangAfterHeaders, trickleChunks, trickleGapMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, contentType, body, headers, millis, hangAfterHeaders, trickleChunks, trickleGapMillis);
        }

        public Reply hanging() {
            return new Reply(status, contentType, body, headers, delayMillis, true, trickleChunks, trickleGapMillis);
        }

        /** The body sent in {@code chunks} pieces with {@code gapMillis} between them: slow but never silent long. */
        public Reply trickled(int chunks, long gapMillis) {
            return new Reply(status, contentType, body, headers, delayMillis, hangAfterHeaders, chunks, gapMillis);
        }
    }

    /** A request as received. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, List<Function<Request, Reply>>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    static {
        // Small replies otherwise stall on Nagle's algorithm and delayed ACKs (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Scripts the replies to a path (query string ignored unless given): the n-th request gets the
     * n-th reply, and the last reply repeats.
     */
    @SafeVarargs
    public final LocalServer on(String path, Function<Request, Reply>... replies) {
        routes.put(path, List.of(replies));
        return this;
    }

    public LocalServer on(String path, Reply... replies) {
        List<Function<Request, Reply>> fs = new ArrayList<>();
        for (Reply r : replies) {
            fs.add(req -> r);
        }
        routes.put(path, fs);
        return this;
    }

    /** The first reply scripted for {@code path}, to script it again after other replies. */
    public Reply scripted(String path) {
        List<Function<Request, Reply>> script = routes.get(path);
        if (script == null) {
            throw new IllegalStateException("nothing scripted for " + path);
        }
        return script.get(0).apply(null);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI(),
                    Collections.unmodifiableMap(ex.getRequestHeaders()), body);
            requests.add(req);
            String path = ex.getRequestURI().getPath();
            String full = ex.getRequestURI().getRawQuery() == null ? path : path + "?" + ex.getRequestURI().getRawQuery();
            String key = routes.containsKey(full) ? full : path;
            List<Function<Request, Reply>> script = routes.get(key);
            int n = hits.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
            Reply reply = script == null ? Reply.status(404, "{\"error\":\"no route for " + path + "\"}")
                    : script.get(Math.min(n, script.size() - 1)).apply(req);
            if (reply.delayMillis() > 0) {
                sleep(reply.delayMillis());
            }
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (reply.hangAfterHeaders()) {
                ex.sendResponseHeaders(reply.status(), 0);
                OutputStream out = ex.getResponseBody();
                out.write(reply.body(), 0, Math.min(10, reply.body().length));
                out.flush();
                while (!closing) {
                    sleep(50);
                }
                return;
            }
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0 && reply.trickleChunks() > 1) {
                OutputStream out = ex.getResponseBody();
                int size = (reply.body().length + reply.trickleChunks() - 1) / reply.trickleChunks();
                for (int from = 0; from < reply.body().length; from += size) {
                    out.write(reply.body(), from, Math.min(size, reply.body().length - from));
                    out.flush();
                    sleep(reply.trickleGapMillis());
                }
            } else if (reply.body().length > 0) {
                ex.getResponseBody().write(reply.body());
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        server.stop(0);
    }
}
