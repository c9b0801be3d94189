package dev.jobintel.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobintel.classify.cost.CallLog;
import dev.jobintel.classify.cost.LlmCall;
import dev.jobintel.internal.Futures;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * llm_calls, the cost ledger: each call is on disk before {@link #record} returns, so that what
 * was paid is on record even if the process dies before the posting's outcome is written — and
 * its answer is then reused instead of bought again.
 *
 * <p>Calls are written by one thread, all waiting calls in one transaction (group commit):
 * with dozens of requests in flight, one writer and one transaction per burst instead of dozens
 * of threads queueing for SQLite's write lock (whose busy handler sleeps in growing steps).
 */
public final class LlmCalls implements CallLog, AutoCloseable {

    static final String INSERT = "INSERT INTO llm_calls (raw_posting_id, content_key, model, answered_model, prompt_version, "
            + "attempt, batch_id, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, cost_usd, latency_ms, "
            + "outcome, http_status, request_id, error, answer, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String REUSE = "SELECT answer FROM llm_calls WHERE content_key = ? AND model = ? AND prompt_version = ? "
            + "AND outcome = 'valid' ORDER BY id DESC LIMIT 1";

    /** Totals over the ledger, for status and run summaries. */
    public record Totals(long calls, long answered, long failed, long inputTokens, long outputTokens,
                         long cacheWriteTokens, long cacheReadTokens, double costUsd, long jobsByModel) {

        /** Cache reads as a share (0–1) of all input tokens; in the JSON ledger, as the text shows it. */
        @JsonProperty("cacheHitRatio")
        public double cacheHitRatio() {
            long total = inputTokens + cacheWriteTokens + cacheReadTokens;
            return total == 0 ? 0 : (double) cacheReadTokens / total;
        }

        /** Dollars per job the model classified; in the JSON ledger, as the text shows it. */
        @JsonProperty("costPerJob")
        public double costPerJob() {
            return jobsByModel == 0 ? 0 : costUsd / jobsByModel;
        }
    }

    private static final int GROUP = 256;

    private record Waiting(LlmCall call, java.util.concurrent.CompletableFuture<Void> done) {
    }

    private final Database db;
    private final java.util.concurrent.BlockingQueue<Waiting> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean closed;
    private final boolean waitsOutOutages;
    private final java.util.function.Consumer<String> say;

    public LlmCalls(Database db) {
        this(db, false, m -> { });
    }

    /**
     * @param waitsOutOutages whether a database that cannot be reached is waited for (a worker,
     *                        which waits it out anyway) rather than failing the calls being recorded
     *                        (a one-off command, which then stops with a database error)
     * @param say             told when such a wait begins and ends: the calls waiting on it hold up
     *                        the worker's round, which would otherwise look hung
     */
    public LlmCalls(Database db, boolean waitsOutOutages, java.util.function.Consumer<String> say) {
        this.db = db;
        this.waitsOutOutages = waitsOutOutages;
        this.say = say;
    }

    /** Writes the call (with any others waiting) and returns once it is committed. */
    @Override
    public void record(LlmCall call) {
        Waiting w = new Waiting(call, new java.util.concurrent.CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cost ledger is closed");
            }
            if (writer == null) {
                writer = new Thread(this::writeLoop, "jobintel-cost-ledger");
                writer.setDaemon(true);
                writer.start();
            }
            queue.add(w);
        }
        Futures.await(w.done(), "recording a model call");
    }

    private void writeLoop() {
        List<Waiting> group = new ArrayList<>(GROUP);
        long pauseMillis = 0;
        while (true) {
            try {
                if (group.isEmpty()) {
                    Waiting first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closed) {
                            return;
                        }
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group, GROUP - 1);
                }
                db.inTransaction(c -> {
                    for (Waiting w : group) {
                        insert(c, w.call());
                    }
                    return null;
                });
                group.forEach(w -> w.done().complete(null));
                if (pauseMillis > 0) {
                    say.accept("The database is reachable again; the model calls that waited are in the cost ledger.");
                }
                group.clear();
                pauseMillis = 0;
            } catch (InterruptedException e) {
                group.forEach(w -> w.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                if (waitsOutOutages && Database.isUnreachable(e) && !closed) {
                    // These answers are paid for: they are written when the database is back (a
                    // restart), and the calls waiting on them wait too, rather than fail their postings.
                    if (pauseMillis == 0) {
                        String cause = dev.jobintel.internal.Throwables.rootMessage(e).lines().findFirst().orElse("");
                        say.accept("The database cannot be reached (" + cause + "); the answers paid for wait to be "
                                + "written to the cost ledger, looking again at least every 30 s.");
                    }
                    pauseMillis = Math.min(30_000, Math.max(500, pauseMillis * 2));
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException ie) {
                        group.forEach(w -> w.done().completeExceptionally(e));
                        return;
                    }
                    continue;
                }
                group.forEach(w -> w.done().completeExceptionally(e));
                group.clear();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        Thread t = writer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int insert(Connection c, LlmCall k) {
        return Jdbc.update(c, INSERT, k.postingId() == 0 ? null : k.postingId(), k.contentKey(), k.model(),
                k.answeredModel(), k.promptVersion(), k.attempt(), k.batchId(), k.usage().input(), k.usage().output(),
                k.usage().cacheWrite(), k.usage().cacheRead(), k.costUsd(), k.latencyMs(), k.outcome(), k.httpStatus(),
                k.requestId(), clip(k.error(), 2000), k.answer(), k.createdAt());
    }

    @Override
    public Optional<String> validAnswer(String contentKey, String model, String promptVersion) {
        return Optional.ofNullable(db.read(c -> Jdbc.one(c, REUSE, rs -> rs.getString(1), contentKey, model,
                promptVersion)));
    }

    public static Totals totals(Connection c) {
        Totals t = Jdbc.one(c, "SELECT count(*), "
                + "coalesce(sum(CASE WHEN answered_model IS NOT NULL THEN 1 ELSE 0 END), 0), "
                + "coalesce(sum(CASE WHEN answered_model IS NULL THEN 1 ELSE 0 END), 0), "
                + "coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), coalesce(sum(cache_write_tokens), 0), "
                + "coalesce(sum(cache_read_tokens), 0), coalesce(sum(cost_usd), 0) FROM llm_calls",
                rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getDouble(8), 0));
        long jobs = Jdbc.count(c, "SELECT count(*) FROM enriched_jobs WHERE model IS NOT NULL");
        return new Totals(t.calls(), t.answered(), t.failed(), t.inputTokens(), t.outputTokens(), t.cacheWriteTokens(),
                t.cacheReadTokens(), t.costUsd(), jobs);
    }

    /**
     * What one model and prompt version answered, call by call: how many answers were valid,
     * invalid, truncated or refused, and how many calls had no answer (by their outcome), so that a
     * prompt whose answers go bad is seen at once (incident 14), not found later.
     *
     * @param outcomes calls by outcome ("valid", "invalid", "timeout"…), most frequent first
     */
    public record PromptAnswers(String model, String promptVersion, long calls, Map<String, Long> outcomes) {

        /** The outcomes of calls the model answered; every other outcome is a call without an answer. */
        public static final List<String> ANSWERED = List.of("valid", "invalid", "truncated", "refused");

        public PromptAnswers {
            outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }

        @JsonProperty("answered")
        public long answered() {
            return ANSWERED.stream().mapToLong(o -> outcomes.getOrDefault(o, 0L)).sum();
        }

        /** Invalid answers as a share of the answers (0–1), null when there were none. */
        @JsonProperty("invalidShare")
        public Double invalidShare() {
            long answered = answered();
            return answered == 0 ? null : (double) outcomes.getOrDefault("invalid", 0L) / answered;
        }
    }

    /** Every model and prompt version in the ledger, the first used first. */
    public static List<PromptAnswers> byPrompt(Connection c) {
        Map<List<String>, Map<String, Long>> grouped = new LinkedHashMap<>();
        Jdbc.each(c, "SELECT model, prompt_version, outcome, count(*) FROM llm_calls GROUP BY model, prompt_version, "
                + "outcome ORDER BY min(id)", rs -> grouped.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)),
                        k -> new HashMap<>()).merge(rs.getString(3), rs.getLong(4), Long::sum));
        List<PromptAnswers> out = new ArrayList<>();
        grouped.forEach((key, counts) -> {
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.add(new PromptAnswers(key.get(0), key.get(1), counts.values().stream().mapToLong(Long::longValue).sum(),
                    sorted));
        });
        return out;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
