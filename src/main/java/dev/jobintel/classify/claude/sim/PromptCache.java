package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's token accounting and prompt cache. The rules, which are what make cost numbers
 * computed against the simulator exact and reproducible:
 *
 * <ol>
 *   <li><b>Pieces.</b> A prompt is a sequence of pieces, in this order: each tool (its JSON exactly as
 *       received, serialised compactly, {@code cache_control} included), each system block (a string
 *       {@code system} is one piece), then each content block of each message in order (a string
 *       {@code content} is one piece).</li>
 *   <li><b>Tokens.</b> A piece costs {@link TokenCount#of} of its text: a tool its compact JSON, a
 *       {@code text} block its {@code text}, any other block (image, tool_use, tool_result...) its compact
 *       JSON. The prompt's tokens are the sum over pieces (rounded per piece, not over the concatenation).</li>
 *   <li><b>Breakpoints.</b> A piece carrying {@code cache_control} ({@code {"type":"ephemeral"}}, {@code ttl}
 *       "5m" by default or "1h") is a breakpoint; a top-level {@code cache_control} on the request marks the
 *       last piece. The cached prefix is every piece up to and including the <em>last</em> breakpoint (only
 *       that one is looked up; the real API also looks back at earlier breakpoints, this one does not). Its
 *       TTL is that breakpoint's.</li>
 *   <li><b>Minimum.</b> The prefix is cacheable only if its tokens reach the model's minimum:
 *       4096 for claude-haiku-4-5*, claude-opus-4-5*, claude-opus-4-6*; 2048 for claude-haiku-3-5*,
 *       claude-3-5-haiku* and claude-3-haiku*; 1024 for everything else (sonnet included).</li>
 *   <li><b>Key.</b> SHA-256 of the concrete model id and the prefix's exact JSON (each piece with where it
 *       came from: tools, system, or the message's role). Different models never share entries.</li>
 *   <li><b>Hit or write.</b> Decided when the request arrives: an unexpired entry is a read
 *       ({@code cache_read_input_tokens} = prefix tokens) and its expiry moves to now + TTL. Otherwise it is
 *       a write ({@code cache_creation_input_tokens} = prefix tokens, split into {@code ephemeral_5m} or
 *       {@code ephemeral_1h} by the TTL), and the entry is created only when the answer is about to be
 *       written (after the simulated latency): concurrent first requests all pay the write, as on the real
 *       API, where a cache entry becomes visible only once the first response has begun.</li>
 *   <li><b>Input.</b> {@code input_tokens} = all prompt tokens not in a cached (read or written) prefix; all
 *       of them when there is no breakpoint or the prefix is below the minimum.</li>
 * </ol>
 */
final class PromptCache {

    /** The accounting of one request, decided from its body alone. */
    record Plan(String model, int totalTokens, int prefixTokens, String key, Duration ttl) {

        /** True when a cache entry may be read or written: a breakpoint and a prefix at the model's minimum. */
        boolean cacheable() {
            return key != null;
        }
    }

    /** A plan plus whether its prefix was found in the cache. */
    record Decision(Plan plan, boolean hit) {

        Usage usage() {
            if (!plan.cacheable()) {
                return new Usage(plan.totalTokens(), 0, 0, 0, 0);
            }
            int input = plan.totalTokens() - plan.prefixTokens();
            if (hit) {
                return new Usage(input, 0, plan.prefixTokens(), 0, 0);
            }
            boolean oneHour = plan.ttl().equals(ONE_HOUR);
            return new Usage(input, plan.prefixTokens(), 0, oneHour ? 0 : plan.prefixTokens(),
                    oneHour ? plan.prefixTokens() : 0);
        }
    }

    /** Input-side usage numbers, as the API reports them. */
    record Usage(int inputTokens, int cacheCreationInputTokens, int cacheReadInputTokens,
                 int ephemeral5mInputTokens, int ephemeral1hInputTokens) {
    }

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration ONE_HOUR = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();

    /** The minimum cacheable prefix length, in simulated tokens, for a (concrete or alias) model id. */
    static int minimumCacheable(String model) {
        String m = model == null ? "" : model;
        if (m.startsWith("claude-haiku-4-5") || m.startsWith("claude-opus-4-5") || m.startsWith("claude-opus-4-6")) {
            return 4096;
        }
        if (m.startsWith("claude-haiku-3-5") || m.startsWith("claude-3-5-haiku") || m.startsWith("claude-3-haiku")) {
            return 2048;
        }
        return 1024;
    }

    private record Piece(String where, JsonNode node, int tokens, JsonNode cacheControl) {
    }

    /** Counts the request's tokens and finds its cached prefix. {@code model} is the concrete model id. */
    static Plan plan(String model, JsonNode body) {
        List<Piece> pieces = pieces(body);
        int total = 0;
        int last = -1;
        for (int i = 0; i < pieces.size(); i++) {
            total += pieces.get(i).tokens();
            if (pieces.get(i).cacheControl() != null) {
                last = i;
            }
        }
        JsonNode topLevel = body.get("cache_control");
        JsonNode breakpoint = last < 0 ? null : pieces.get(last).cacheControl();
        if (topLevel != null && topLevel.isObject() && !pieces.isEmpty()) {
            last = pieces.size() - 1;
            breakpoint = pieces.get(last).cacheControl() != null ? pieces.get(last).cacheControl() : topLevel;
        }
        if (last < 0) {
            return new Plan(model, total, 0, null, FIVE_MINUTES);
        }
        int prefix = 0;
        ArrayNode prefixJson = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= last; i++) {
            Piece p = pieces.get(i);
            prefix += p.tokens();
            prefixJson.addObject().put("where", p.where()).set("block", p.node());
        }
        Duration ttl = "1h".equals(breakpoint.path("ttl").asText("5m")) ? ONE_HOUR : FIVE_MINUTES;
        if (prefix < minimumCacheable(model)) {
            return new Plan(model, total, prefix, null, ttl);
        }
        return new Plan(model, total, prefix, sha256(model + "\n" + compact(prefixJson)), ttl);
    }

    private static List<Piece> pieces(JsonNode body) {
        List<Piece> out = new ArrayList<>();
        for (JsonNode tool : iterable(body.get("tools"))) {
            out.add(new Piece("tools", tool, TokenCount.of(compact(tool)), cacheControl(tool)));
        }
        JsonNode system = body.get("system");
        if (system != null && system.isTextual()) {
            out.add(new Piece("system", system, TokenCount.of(system.asText()), null));
        } else {
            for (JsonNode block : iterable(system)) {
                out.add(block("system", block));
            }
        }
        for (JsonNode message : iterable(body.get("messages"))) {
            String where = "messages:" + message.path("role").asText("");
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                out.add(new Piece(where, content, TokenCount.of(content.asText()), null));
            } else {
                for (JsonNode block : iterable(content)) {
                    out.add(block(where, block));
                }
            }
        }
        return out;
    }

    private static Piece block(String where, JsonNode block) {
        int tokens = "text".equals(block.path("type").asText()) && block.path("text").isTextual()
                ? TokenCount.of(block.get("text").asText())
                : TokenCount.of(compact(block));
        return new Piece(where, block, tokens, cacheControl(block));
    }

    private static JsonNode cacheControl(JsonNode node) {
        JsonNode cc = node.get("cache_control");
        return cc != null && cc.isObject() ? cc : null;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Looks the prefix up at {@code now}; a hit refreshes the entry's expiry to now + TTL. */
    Decision decide(Plan plan, Instant now) {
        if (!plan.cacheable()) {
            return new Decision(plan, false);
        }
        boolean[] hit = {false};
        expiries.computeIfPresent(plan.key(), (k, expiry) -> {
            if (expiry.isAfter(now)) {
                hit[0] = true;
                Instant refreshed = now.plus(plan.ttl());
                return refreshed.isAfter(expiry) ? refreshed : expiry;
            }
            return expiry;
        });
        return new Decision(plan, hit[0]);
    }

    /** Creates the entry a missed, cacheable request writes; called just before its answer is written. */
    void commit(Decision decision, Instant now) {
        if (decision.hit() || !decision.plan().cacheable()) {
            return;
        }
        Instant expiry = now.plus(decision.plan().ttl());
        expiries.merge(decision.plan().key(), expiry, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Entries not yet expired at {@code now}. */
    int size(Instant now) {
        return (int) expiries.values().stream().filter(e -> e.isAfter(now)).count();
    }
}
