package dev.jobintel.pipeline;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.Classifier;
import dev.jobintel.gate.Gate;
import dev.jobintel.gate.GateDecision;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.posting.location.ResolvedLocation;
import dev.jobintel.store.Database;
import dev.jobintel.store.EnrichedJobs;
import dev.jobintel.store.JobRecord;
import dev.jobintel.store.Outcome;
import dev.jobintel.store.Outcomes;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.RawPostings;
import dev.jobintel.store.WriteResult;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gate, duplicate check, classification and store for pending postings, page by page in id
 * order (keyset pagination, so any number of rows). Each page's outcomes are written in one
 * transaction while the next page is being classified.
 *
 * <p>Each distinct job is classified once: a posting whose job_hash already has a job, or is
 * being classified earlier in this run, is merged without a classifier call (incident 16).
 */
public final class Enricher {

    /** What an enrichment run did. */
    public record Result(long processed, long enriched, long merged, long filtered, long failed,
                         Map<String, Long> filteredByReason, Map<String, Long> failedByReason, long storeFailures) {
    }

    private final Database db;
    private final Gate gate;
    private final LocationResolver resolver;
    private final Classifier classifier;
    private final Clock clock;
    private final int batchSize;
    private final int threads;
    private final Progress progress;

    public Enricher(Context ctx, Database db, int batchSize, int threads, Progress progress) {
        this(db, ctx.gate(), ctx.resolver(), ctx.classifier(), ctx.clock(), batchSize, threads, progress);
    }

    public Enricher(Database db, Gate gate, LocationResolver resolver, Classifier classifier, Clock clock,
                    int batchSize, int threads, Progress progress) {
        this.db = db;
        this.gate = gate;
        this.resolver = resolver;
        this.classifier = classifier;
        this.clock = clock;
        this.batchSize = batchSize;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.progress = progress;
    }

    /** Enriches pending postings; {@code limit} 0 means all of them. */
    public Result run(long limit) {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jobintel-classify");
            t.setDaemon(true);
            return t;
        });
        try {
            // A merged posting whose job's creator failed stays pending; the next pass classifies it.
            for (int pass = 0; pass < 3; pass++) {
                long before = tally.processed;
                int deferred = pass(pool, limit, tally);
                if (deferred == 0 || tally.processed == before || (limit > 0 && tally.processed >= limit)) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(tally.processed, tally.enriched, tally.merged, tally.filtered, tally.failed,
                new TreeMap<>(tally.filteredBy), new TreeMap<>(tally.failedBy), tally.storeFailures);
    }

    private static final class Tally {
        long processed;
        long enriched;
        long merged;
        long filtered;
        long failed;
        long storeFailures;
        final Map<String, Long> filteredBy = new LinkedHashMap<>();
        final Map<String, Long> failedBy = new LinkedHashMap<>();
    }

    private int pass(ExecutorService pool, long limit, Tally tally) {
        Set<String> claimed = new HashSet<>();
        Outcomes outcomes = new Outcomes(db);
        long afterId = 0;
        int deferred = 0;
        Future<WriteResult> pendingWrite = null;
        while (limit == 0 || tally.processed < limit) {
            int pageSize = limit == 0 ? batchSize : (int) Math.min(batchSize, limit - tally.processed);
            long from = afterId;
            List<PendingPosting> page = db.read(c -> RawPostings.pendingAfter(c, from, pageSize));
            if (page.isEmpty()) {
                break;
            }
            afterId = page.get(page.size() - 1).id();
            List<Outcome> decided = decide(page, claimed, pool, tally);
            tally.processed += page.size();
            if (pendingWrite != null) {
                deferred += collect(pendingWrite, tally);
            }
            long now = clock.millis();
            pendingWrite = pool.submit(() -> outcomes.write(decided, now));
            progress.advance(page.size());
        }
        if (pendingWrite != null) {
            deferred += collect(pendingWrite, tally);
        }
        return deferred;
    }

    private int collect(Future<WriteResult> write, Tally tally) {
        WriteResult r = await(write);
        tally.enriched += r.enriched();
        tally.merged += r.merged();
        tally.filtered += r.filtered();
        tally.failed += r.failed();
        tally.storeFailures += r.storeFailures().size();
        if (!r.storeFailures().isEmpty()) {
            tally.failedBy.merge("store_error", (long) r.storeFailures().size(), Long::sum);
        }
        tally.processed -= r.deferred().size();
        return r.deferred().size();
    }

    private List<Outcome> decide(List<PendingPosting> page, Set<String> claimed, ExecutorService pool, Tally tally) {
        Outcome[] out = new Outcome[page.size()];
        ResolvedLocation[] where = new ResolvedLocation[page.size()];
        List<Integer> passed = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            PendingPosting p = page.get(i);
            where[i] = resolver.resolve(p.posting().locationText(), p.posting().hints(), p.posting().url());
            GateDecision d = gate.decide(p.posting(), where[i], p.closedAt() != null);
            if (d.passed()) {
                passed.add(i);
            } else {
                out[i] = new Outcome.Filtered(p.id(), d.reason().code(), d.detail());
                tally.filteredBy.merge(d.reason().code(), 1L, Long::sum);
            }
        }
        List<String> hashes = passed.stream().map(i -> page.get(i).jobHash()).distinct().toList();
        Map<String, Long> existing = hashes.isEmpty() ? Map.of() : db.read(c -> EnrichedJobs.idsByHash(c, hashes));
        Map<Integer, Future<Outcome>> work = new LinkedHashMap<>();
        for (int i : passed) {
            PendingPosting p = page.get(i);
            if (existing.containsKey(p.jobHash()) || !claimed.add(p.jobHash())) {
                out[i] = new Outcome.Merged(p.id(), p.jobHash(), p.firstSeen(), p.lastSeen());
            } else {
                ResolvedLocation w = where[i];
                work.put(i, pool.submit(() -> classify(p, w)));
            }
        }
        for (Map.Entry<Integer, Future<Outcome>> e : work.entrySet()) {
            Outcome o = await(e.getValue());
            if (o instanceof Outcome.Failed f) {
                // Let a later posting of the same job try again.
                claimed.remove(page.get(e.getKey()).jobHash());
                tally.failedBy.merge(f.reason(), 1L, Long::sum);
            }
            out[e.getKey()] = o;
        }
        return List.of(out);
    }

    private Outcome classify(PendingPosting p, ResolvedLocation where) {
        try {
            Classification k = classifier.classify(p.posting(), where);
            String city = where.city() == null ? null : where.city().code();
            JobRecord job = new JobRecord(p.jobHash(), p.posting().company(), p.posting().title(),
                    p.place(), city, where.country(), where.remoteScope(), k);
            return new Outcome.Enriched(p.id(), job, p.firstSeen(), p.lastSeen());
        } catch (ClassificationFailure e) {
            return new Outcome.Failed(p.id(), e.reason(), e.getMessage(), e.retryable(), e.rawOutput());
        } catch (RuntimeException e) {
            // A classifier bug must not lose the posting: record it, keep going.
            return new Outcome.Failed(p.id(), "classifier_error", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    false, null);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
