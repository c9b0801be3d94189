package dev.jobintel.pipeline;

import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.cost.PriceTable;
import dev.jobintel.classify.cost.TokenUsage;
import dev.jobintel.gate.Gate;
import dev.jobintel.gate.GateDecision;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Database;
import dev.jobintel.store.EnrichedJobs;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.LlmBatches;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.RawPostings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code enrich} would do, without doing it (enrich --dry-run): the same gate and duplicate
 * decisions, the same reuse of earlier answers, and for the postings that need a request an
 * estimate of tokens and cost. Nothing is written and nothing is sent.
 *
 * <p>Token counts are estimates (about four characters per token); the output per answer is the
 * average of the answers already in the cost ledger for this model, or {@value #DEFAULT_OUTPUT}.
 */
public final class EnrichPlan {

    static final long DEFAULT_OUTPUT = 350;

    /**
     * @param requests     postings that would be sent to the model (at least one request each)
     * @param usage        estimated tokens, with the prompt cache written once and read after
     * @param costUsd      estimated cost at standard prices
     * @param batchCostUsd the same through the Message Batches API (half price)
     */
    public record Plan(long pending, Map<String, Long> filteredBy, long merged, long prefiltered, long reused,
                       long requests, TokenUsage usage, double costUsd, double batchCostUsd) {
        public long filtered() {
            return filteredBy.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Where the postings to plan for come from, a keyset page at a time. */
    @FunctionalInterface
    public interface Pages {
        List<PendingPosting> after(java.sql.Connection c, long afterId, int limit);
    }

    /** The pending postings, as enrich reads them. */
    public static final Pages PENDING = RawPostings::pendingAfter;

    /** The postings of {@code more} and the pending ones, in one order of ids: what a retry decides. */
    public static Pages pendingAnd(Pages more) {
        return union(more, PENDING);
    }

    /**
     * The postings of both, in one order of ids, each once: the first {@code limit} ids of their
     * union are among the first {@code limit} of each, so no posting between pages is missed.
     */
    public static Pages union(Pages a, Pages b) {
        return (c, afterId, limit) -> firstOfBoth(a.after(c, afterId, limit), b.after(c, afterId, limit), limit);
    }

    /**
     * The first {@code limit} ids of two pages that each hold the first {@code limit} ids of their
     * stream after one id, in order, each once ({@code a}'s copy where both have it).
     */
    static List<PendingPosting> firstOfBoth(List<PendingPosting> a, List<PendingPosting> b, int limit) {
        java.util.TreeMap<Long, PendingPosting> both = new java.util.TreeMap<>();
        a.forEach(p -> both.put(p.id(), p));
        b.forEach(p -> both.putIfAbsent(p.id(), p));
        List<PendingPosting> inOrder = new ArrayList<>(both.values());
        return inOrder.size() > limit ? inOrder.subList(0, limit) : inOrder;
    }

    private EnrichPlan() {
    }

    public static Plan plan(Database db, Gate gate, LocationResolver resolver, Classifier classifier, int pageSize,
                            long limit) {
        return plan(db, gate, resolver, classifier, pageSize, limit, PENDING);
    }

    /** What deciding the postings {@code pages} yields would take, as if they were pending. */
    public static Plan plan(Database db, Gate gate, LocationResolver resolver, Classifier classifier, int pageSize,
                            long limit, Pages pages) {
        return plan(db, gate, resolver, classifier, pageSize, limit, pages, Set.of());
    }

    /**
     * As {@link #plan(Database, Gate, LocationResolver, Classifier, int, long, Pages)}, with the jobs
     * of {@code jobsGone} (hashes) taken as removed by then: a posting of one is classified, not merged.
     */
    public static Plan plan(Database db, Gate gate, LocationResolver resolver, Classifier classifier, int pageSize,
                            long limit, Pages pages, Set<String> jobsGone) {
        Map<String, Long> filteredBy = new TreeMap<>();
        Set<String> claimed = new HashSet<>();
        // A posting of a job an open message batch is making waits for that job and is merged into it,
        // as Enricher decides: it is no request to pay for.
        Set<String> inBatches = db.read(LlmBatches::heldJobs);
        Set<String> contents = new HashSet<>();
        long pending = 0;
        long merged = 0;
        long prefiltered = 0;
        long reused = 0;
        long requests = 0;
        long messageTokens = 0;
        long afterId = 0;
        ClaudeClassifier claude = classifier instanceof ClaudeClassifier c ? c : null;
        while (limit == 0 || pending < limit) {
            int size = limit == 0 ? pageSize : (int) Math.min(pageSize, limit - pending);
            long from = afterId;
            List<PendingPosting> page = db.read(c -> pages.after(c, from, size));
            if (page.isEmpty()) {
                break;
            }
            afterId = page.get(page.size() - 1).id();
            pending += page.size();
            List<String> hashes = new ArrayList<>();
            List<Prepared> passed = new ArrayList<>();
            List<PendingPosting> passedPostings = new ArrayList<>();
            for (PendingPosting p : page) {
                Prepared prepared = Prepared.of(p.posting(), resolver);
                GateDecision d = gate.decide(prepared, p.closedBeforeClassified());
                if (!d.passed()) {
                    filteredBy.merge(d.reason().code(), 1L, Long::sum);
                } else {
                    hashes.add(p.jobHash());
                    passed.add(prepared);
                    passedPostings.add(p);
                }
            }
            Map<String, Long> existing = hashes.isEmpty() ? Map.of() : db.read(c -> EnrichedJobs.idsByHash(c, hashes));
            for (int i = 0; i < passed.size(); i++) {
                PendingPosting p = passedPostings.get(i);
                if ((existing.containsKey(p.jobHash()) && !jobsGone.contains(p.jobHash())) || inBatches.contains(p.jobHash())
                        || !claimed.add(p.jobHash())) {
                    merged++;
                    continue;
                }
                if (claude == null) {
                    continue;
                }
                ClaudeClassifier.Estimate e = claude.estimate(passed.get(i));
                switch (e.need()) {
                    case PREFILTERED -> prefiltered++;
                    case REUSED -> reused++;
                    case REQUEST -> {
                        if (contents.add(e.contentKey())) {
                            requests++;
                            messageTokens += e.messageTokens();
                        } else {
                            reused++;
                        }
                    }
                }
            }
        }
        if (claude == null || requests == 0) {
            return new Plan(pending, filteredBy, merged, prefiltered, reused, requests, TokenUsage.ZERO, 0, 0);
        }
        long prefix = claude.prefixTokens();
        boolean cached = prefix >= ClaudeClassifier.minimumCacheable(claude.model());
        long output = averageOutput(db, claude.model()) * requests;
        TokenUsage usage = cached
                ? new TokenUsage(messageTokens, output, prefix, prefix * (requests - 1))
                : new TokenUsage(messageTokens + prefix * requests, output, 0, 0);
        double cost = PriceTable.cost(claude.price(), usage, false, claude.hourCache());
        double batch = PriceTable.cost(claude.price(), usage, true, claude.hourCache());
        return new Plan(pending, filteredBy, merged, prefiltered, reused, requests, usage, cost, batch);
    }

    private static long averageOutput(Database db, String model) {
        Double avg = db.read(c -> Jdbc.one(c, "SELECT avg(output_tokens) FROM llm_calls WHERE model = ? AND outcome = 'valid'",
                rs -> {
                    double v = rs.getDouble(1);
                    return rs.wasNull() ? null : v;
                }, model));
        return avg == null ? DEFAULT_OUTPUT : Math.round(avg);
    }
}
