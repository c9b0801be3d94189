package dev.jobintel.pipeline;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.Deferred;
import dev.jobintel.classify.RunStop;
import dev.jobintel.gate.Gate;
import dev.jobintel.gate.GateDecision;
import dev.jobintel.internal.Futures;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Database;
import dev.jobintel.store.EnrichedJobs;
import dev.jobintel.store.JobRecord;
import dev.jobintel.store.LlmBatches;
import dev.jobintel.store.Outcome;
import dev.jobintel.store.Outcomes;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.PendingWork;
import dev.jobintel.store.RawPostings;
import dev.jobintel.store.WriteResult;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gate, duplicate check, classification and store for pending postings, page by page in id
 * order (keyset pagination, so any number of rows), as {@link PendingWork} hands them to this
 * process (leased, where several workers share the database). Gating and classifying run on a pool; each
 * page's outcomes are written in one transaction by a writer thread while the next page is read
 * and decided.
 *
 * <p>Each distinct job is classified once: a posting whose job_hash already has a job, or is
 * being classified earlier in this run, is merged without a classifier call (incident 16).
 */
public final class Enricher {

    /**
     * What an enrichment run did.
     *
     * @param superseded postings whose decision was not written because a fetch landed new content
     *                   for them meanwhile (and that the last pass left pending)
     * @param waiting    postings the last pass left pending because the job they merge into was not
     *                   stored yet: another worker is classifying it, or its creator here failed
     * @param stop       why the run ended early with postings left pending (the API refused the key,
     *                   the budget ran out), or null when it went through
     */
    public record Result(long processed, long enriched, long merged, long filtered, long failed,
                         Map<String, Long> filteredByReason, Map<String, Long> failedByReason, long storeFailures,
                         long superseded, long waiting, RunStop stop) {
    }

    private final Database db;
    private final PendingWork work;
    private final Gate gate;
    private final LocationResolver resolver;
    private final Classifier classifier;
    private final Clock clock;
    private final int batchSize;
    private final int threads;
    private final int classifyThreads;
    private final Progress progress;
    private final AtomicReference<RunStop> stop = new AtomicReference<>();
    /** Asked to stop (a worker's SIGTERM): what is in flight finishes, the rest stays pending. */
    private volatile boolean stopRequested;
    private int passes = 3;

    /**
     * @param threads     CPU threads for gating (and for a local classifier); 0 = one per core
     * @param concurrency classifications in flight when the classifier is remote
     */
    public Enricher(Database db, PendingWork work, Gate gate, LocationResolver resolver, Classifier classifier,
                    Clock clock, int batchSize, int threads, int concurrency, Progress progress) {
        this.db = db;
        this.work = work;
        this.gate = gate;
        this.resolver = resolver;
        this.classifier = classifier;
        this.clock = clock;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.classifyThreads = classifier.remote() ? Math.max(1, concurrency) : this.threads;
        // Pages are claimed ahead of the one being classified (two queue for the writer): with a
        // model taking seconds a posting, a worker sharing the database with others would lease
        // thousands of postings the others then wait on. A few rounds of its requests a page keeps
        // its own requests flowing and leaves the rest to them.
        this.batchSize = classifier.remote() && db.dialect().severalWriters()
                ? Math.min(batchSize, Math.max(16, 4 * classifyThreads)) : batchSize;
        this.progress = progress;
    }

    /**
     * How many passes over the pending postings: after the first, a posting merged into a job
     * whose classification failed is decided again (default 3).
     */
    public Enricher passes(int n) {
        this.passes = n;
        return this;
    }

    /** Enriches pending postings; {@code limit} 0 means all of them. */
    public Result run(long limit) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jobintel-gate");
            t.setDaemon(true);
            return t;
        });
        ExecutorService classifyPool = classifier.remote() ? Executors.newFixedThreadPool(classifyThreads, r -> {
            Thread t = new Thread(r, "jobintel-classify");
            t.setDaemon(true);
            return t;
        }) : pool;
        // A pending posting a hand-made change left in its job would be counted there twice (or refused a filter).
        db.inTransactionRetried(RawPostings::unlinkPending);
        Writer writer = new Writer(new Outcomes(db));
        long processed = 0;
        long superseded = 0;
        long waiting = 0;
        Map<String, Long> failedBy = new TreeMap<>();
        try {
            // A merged posting whose job's creator failed stays pending, as does one whose content
            // changed while it was decided: the next pass decides it again.
            for (int pass = 0; pass < passes; pass++) {
                long deferredBefore = writer.deferred;
                long supersededBefore = writer.superseded;
                long before = processed;
                processed += pass(pool, classifyPool, writer, limit == 0 ? 0 : limit - processed);
                writer.drain();
                superseded = writer.superseded - supersededBefore;
                waiting = writer.deferred - deferredBefore;
                long deferred = waiting + superseded;
                processed -= deferred;
                if (stop.get() != null || stopRequested || deferred == 0 || processed == before
                        || (limit > 0 && processed >= limit)) {
                    break;
                }
            }
        } finally {
            writer.stop();
            pool.shutdownNow();
            classifyPool.shutdownNow();
        }
        processed -= writer.unchanged;
        writer.failedBy.forEach((k, v) -> failedBy.merge(k, v, Long::sum));
        if (writer.storeFailures > 0) {
            failedBy.merge("store_error", writer.storeFailures, Long::sum);
        }
        return new Result(processed, writer.enriched, writer.merged, writer.filtered, writer.failed, writer.filteredBy,
                failedBy, writer.storeFailures, superseded, waiting, stop.get());
    }

    /** One pass over the pending postings; returns how many were decided. */
    private long pass(ExecutorService pool, ExecutorService classifyPool, Writer writer, long limit) {
        Set<String> claimed = new HashSet<>();
        Set<String> inBatches = db.read(LlmBatches::heldJobs);
        long afterId = 0;
        long decided = 0;
        while ((limit == 0 || decided < limit) && stop.get() == null && !stopRequested) {
            int pageSize = limit == 0 ? batchSize : (int) Math.min(batchSize, limit - decided);
            long from = afterId;
            List<PendingPosting> page = work.after(from, pageSize);
            if (page.isEmpty()) {
                break;
            }
            afterId = page.get(page.size() - 1).id();
            writer.submit(decide(page, claimed, inBatches, pool, classifyPool));
            decided += page.size();
        }
        return decided;
    }

    /**
     * Gates a page (in parallel), decides duplicates (in order), and starts classifying the rest
     * without waiting: the writer collects the classifications, so the next page is read and
     * gated while this one is classified and the one before is written.
     */
    private List<Future<Outcome>> decide(List<PendingPosting> page, Set<String> claimed, Set<String> inBatches,
                                         ExecutorService pool, ExecutorService classifyPool) {
        int n = page.size();
        Prepared[] prepared = new Prepared[n];
        GateDecision[] decisions = new GateDecision[n];
        List<Future<Void>> gating = start(pool, n, i -> {
            PendingPosting p = page.get(i);
            prepared[i] = Prepared.of(p.posting(), resolver);
            decisions[i] = gate.decide(prepared[i], p.closedBeforeClassified());
        });
        // Which hashes have a job already is read while the pool gates (for every posting of the
        // page: a few lookups more than needed, but the pool does not sit idle waiting for them).
        List<String> hashes = new ArrayList<>(n);
        for (PendingPosting p : page) {
            hashes.add(p.jobHash());
        }
        Map<String, Long> existing = db.read(c -> EnrichedJobs.idsByHash(c, hashes));
        Map<String, Long> firstElsewhere = work.firstElsewhere(hashes);
        for (Future<?> g : gating) {
            Futures.await(g, "gating a posting");
        }

        List<Future<Outcome>> out = new ArrayList<>(n);
        List<Integer> toClassify = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PendingPosting p = page.get(i);
            if (!decisions[i].passed()) {
                out.add(CompletableFuture.completedFuture(
                        new Outcome.Filtered(p.id(), p.contentHash(), decisions[i].reason().code(), decisions[i].detail())));
            } else if (existing.containsKey(p.jobHash()) || firstElsewhere.getOrDefault(p.jobHash(), Long.MAX_VALUE) < p.id()
                    || inBatches.contains(p.jobHash()) || !claimed.add(p.jobHash())) {
                // The job is this run's to create, a lower posting's this worker does not hold, or an
                // open message batch's: if it is not there when this is written, this one is deferred
                // and decided on a later pass or run, merged or classified.
                out.add(CompletableFuture.completedFuture(
                        new Outcome.Merged(p.id(), p.contentHash(), p.jobHash(), p.firstSeen(), p.lastSeen())));
            } else {
                out.add(null);
                toClassify.add(i);
            }
        }
        // A remote classifier waits on the network: one task per posting keeps `concurrency` in flight.
        // Progress counts a posting once it is decided: now for the gate's and the merges, later for the classified.
        progress.advance(n - toClassify.size());
        int chunks = classifier.remote() ? toClassify.size() : Math.min(toClassify.size(), threads * 2);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) toClassify.size() * c / chunks);
            int to = (int) ((long) toClassify.size() * (c + 1) / chunks);
            CompletableFuture<Outcome[]> chunk = CompletableFuture.supplyAsync(() -> {
                Outcome[] done = new Outcome[to - from];
                for (int k = from; k < to; k++) {
                    int i = toClassify.get(k);
                    done[k - from] = classify(page.get(i), prepared[i]);
                }
                progress.advance(to - from);
                return done;
            }, classifyPool);
            for (int k = from; k < to; k++) {
                int offset = k - from;
                out.set(toClassify.get(k), chunk.thenApply(done -> done[offset]));
            }
        }
        return out;
    }

    /** Starts {@code body} for 0..n-1 on the pool in a few chunks; the futures say when it is done. */
    private List<Future<Void>> start(ExecutorService pool, int n, java.util.function.IntConsumer body) {
        int chunks = Math.min(n, threads * 2);
        List<Future<Void>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
                return null;
            }));
        }
        return tasks;
    }

    /**
     * Stops taking postings: the requests in flight finish and are written; postings not yet sent
     * stay pending (and, for a worker, leased to it until it gives them back).
     */
    public void requestStop() {
        stopRequested = true;
    }

    private Outcome classify(PendingPosting p, Prepared prepared) {
        if (stopRequested) {
            return new Outcome.Unchanged(p.id(), p.contentHash(), "stopping");
        }
        try {
            return enriched(p, prepared, classifier.classify(prepared, p.id()));
        } catch (ClassificationFailure e) {
            return new Outcome.Failed(p.id(), p.contentHash(), e.reason(), e.getMessage(), e.retryable(), e.rawOutput());
        } catch (RunStop e) {
            stop.compareAndSet(null, e);
            return new Outcome.Unchanged(p.id(), p.contentHash(), e.getMessage());
        } catch (Deferred e) {
            return new Outcome.Unchanged(p.id(), p.contentHash(), e.getMessage());
        } catch (dev.jobintel.store.StoreException e) {
            if (Database.isUnreachable(e)) {
                // The database went away mid-classification (a restart): nothing is wrong with the
                // posting; it stays pending, as the write of its outcome would have left it anyway.
                return new Outcome.Unchanged(p.id(), p.contentHash(), "the database could not be reached: " + e.getMessage());
            }
            return new Outcome.Failed(p.id(), p.contentHash(), "store_error", e.getMessage(), true, null);
        } catch (RuntimeException e) {
            // A classifier bug must not lose the posting: record it, keep going.
            return new Outcome.Failed(p.id(), p.contentHash(), "classifier_error", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    false, null);
        }
    }

    /** The outcome that stores a posting's classification as the job of its hash. */
    static Outcome.Enriched enriched(PendingPosting p, Prepared prepared, Classification k) {
        String city = prepared.where().city() == null ? null : prepared.where().city().code();
        JobRecord job = new JobRecord(p.jobHash(), p.posting().company(), p.posting().title(), p.place(), city,
                prepared.where().country(), prepared.where().remoteScope(), k);
        return new Outcome.Enriched(p.id(), p.contentHash(), job, p.firstSeen(), p.lastSeen());
    }

    /**
     * Writes pages of outcomes, in order, one transaction each, on its own thread. Counts are
     * read only after {@link #drain()}.
     */
    private final class Writer {
        private final Outcomes outcomes;
        private final BlockingQueue<List<Future<Outcome>>> queue = new ArrayBlockingQueue<>(2);
        private final Map<String, Long> failedBy = new TreeMap<>();
        private final Map<String, Long> filteredBy = new TreeMap<>();
        private final Thread thread;
        private volatile Throwable failure;
        private final Object idle = new Object();
        private int inFlight;
        long enriched;
        long merged;
        long filtered;
        long failed;
        long storeFailures;
        long deferred;
        long superseded;
        long unchanged;

        Writer(Outcomes outcomes) {
            this.outcomes = outcomes;
            this.thread = new Thread(this::loop, "jobintel-writer");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        void submit(List<Future<Outcome>> batch) {
            rethrow();
            synchronized (idle) {
                inFlight++;
            }
            try {
                while (!queue.offer(batch, 200, TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing outcomes", e);
            }
        }

        private void loop() {
            try {
                while (true) {
                    List<Future<Outcome>> pending = queue.take();
                    try {
                        if (failure == null && !pending.isEmpty()) {
                            List<Outcome> batch = new ArrayList<>(pending.size());
                            for (Future<Outcome> f : pending) {
                                Outcome o = Futures.await(f, "classifying a posting");
                                if (o instanceof Outcome.Unchanged) {
                                    unchanged++;
                                }
                                batch.add(o);
                            }
                            WriteResult r = outcomes.write(batch, clock.millis());
                            countReasons(batch, r);
                            enriched += r.enriched();
                            merged += r.merged();
                            filtered += r.filtered();
                            failed += r.failed();
                            storeFailures += r.storeFailures().size();
                            deferred += r.deferred().size();
                            superseded += r.superseded().size();
                        }
                    } catch (Throwable e) {
                        failure = e;
                    } finally {
                        synchronized (idle) {
                            inFlight--;
                            idle.notifyAll();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Counts the written filters and failures by reason (not those the write found superseded). */
        private void countReasons(List<Outcome> batch, WriteResult r) {
            for (Outcome o : r.notSuperseded(batch)) {
                if (o instanceof Outcome.Failed f) {
                    failedBy.merge(f.reason(), 1L, Long::sum);
                } else if (o instanceof Outcome.Filtered f) {
                    filteredBy.merge(f.reason(), 1L, Long::sum);
                }
            }
        }

        /** Waits until every submitted batch is written; rethrows a write failure. */
        void drain() {
            synchronized (idle) {
                while (inFlight > 0 && failure == null) {
                    try {
                        idle.wait(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while writing outcomes", e);
                    }
                }
            }
            rethrow();
        }

        void stop() {
            thread.interrupt();
        }

        private void rethrow() {
            Throwable f = failure;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            if (f != null) {
                throw new IllegalStateException(f);
            }
        }
    }
}
