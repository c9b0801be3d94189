package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static dev.jobintel.classify.claude.sim.MessagesSimulator.JSON;
import static dev.jobintel.classify.claude.sim.SimReply.error;
import static dev.jobintel.classify.claude.sim.SimReply.json;

/**
 * The simulator's Message Batches endpoints ({@code /v1/messages/batches...}) and the batches it holds.
 *
 * <p>Each request of a batch is answered by the same responder, without latency, once the batch has been
 * {@code in_progress} for {@link MessagesSimulator#batchProcessing(Duration)} (measured on the simulator's
 * clock; the answers are computed when a client first observes the batch after that). {@code hang()} makes a
 * request {@code expired}, an error makes it {@code errored}, a raw 200 body that is a JSON object is the
 * {@code succeeded} result's message as it is (fields missing or not), any other raw body makes it
 * {@code errored} with {@code api_error} (a batch result line cannot carry a malformed body),
 * {@code delayed(d, a)} is {@code a}.
 * Batch usage has {@code service_tier: "batch"} and the same cache accounting (entries are written at once).
 * A cancel while in progress keeps the share of requests already "processed" (in submission order,
 * proportional to the elapsed processing time), and cancels the rest; the batch is {@code canceling} for
 * at most 50 ms (never beyond its normal end), then {@code ended}.
 */
final class SimBatches {

    private static final Duration CANCEL_GRACE = Duration.ofMillis(50);
    private static final Pattern CUSTOM_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    /** Result files are served as the real API serves them; the SDK reads lines whatever the type. */
    static final String RESULTS_CONTENT_TYPE = "application/binary";

    private final String baseUrl;
    private final Supplier<Instant> clock;
    private final Supplier<Duration> processing;
    private final Function<JsonNode, ObjectNode> answer;

    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final AtomicLong batchIds = new AtomicLong();

    /**
     * @param baseUrl    the simulator's, for each batch's {@code results_url}
     * @param clock      now on the simulator's clock (read on every use: the simulator's clock can be replaced)
     * @param processing how long a new batch stays {@code in_progress} (likewise read for each new batch)
     * @param answer     the {@code result} of one batch request, from its {@code params}
     */
    SimBatches(String baseUrl, Supplier<Instant> clock, Supplier<Duration> processing,
               Function<JsonNode, ObjectNode> answer) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.processing = processing;
        this.answer = answer;
    }

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

    SimReply create(JsonNode body) {
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
        Instant now = clock.get();
        Batch batch = new Batch("msgbatch_sim_" + batchIds.incrementAndGet(), List.copyOf(items), now,
                processing.get());
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

    private SimReply batchNotFound(String id) {
        return error(404, "not_found_error", "message_batch_id: no Message Batch with id '" + id + "'", Map.of(), null);
    }

    /**
     * Answers a request about batch {@code id}: {@code then} sees the batch brought up to now,
     * under its lock (a batch's lock may be held while taking the map's, never the other way).
     */
    private SimReply onBatch(String id, BiFunction<Batch, Instant, SimReply> then) {
        Batch batch = batch(id);
        if (batch == null) {
            return batchNotFound(id);
        }
        synchronized (batch) {
            Instant now = clock.get();
            refresh(batch, now);
            return then.apply(batch, now);
        }
    }

    SimReply retrieve(String id) {
        return onBatch(id, (batch, now) -> json(200, batchJson(batch), Map.of()));
    }

    SimReply cancel(String id) {
        return onBatch(id, (batch, now) -> {
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
        });
    }

    SimReply delete(String id) {
        return onBatch(id, (batch, now) -> {
            if (!batch.status.equals("ended")) {
                return error(400, "invalid_request_error", "Message Batch " + id + " is still processing; cancel it "
                        + "and wait for it to end before deleting it.", Map.of(), null);
            }
            synchronized (batches) {
                batches.remove(id);
            }
            return json(200, JSON.createObjectNode().put("id", id).put("type", "message_batch_deleted"), Map.of());
        });
    }

    SimReply results(String id) {
        return onBatch(id, (batch, now) -> {
            if (!batch.status.equals("ended")) {
                // The real API has no results before the batch ends (results_url is null until then); the
                // status code it uses for this is not documented. The simulator answers 400.
                return error(400, "invalid_request_error", "Message Batch " + id + " has not finished processing "
                        + "(processing_status: " + batch.status + "); results are available once it has ended.",
                        Map.of(), null);
            }
            StringBuilder out = new StringBuilder();
            try {
                for (ObjectNode line : batch.lines) {
                    out.append(JSON.writeValueAsString(line)).append('\n');
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return new SimReply(200, RESULTS_CONTENT_TYPE, Map.of(), out.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    SimReply list(String query) {
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
        Instant now = clock.get();
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
            ObjectNode result = i < answered ? answer.apply(item.params())
                    : JSON.createObjectNode().put("type", "canceled");
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
