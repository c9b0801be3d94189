package dev.jobintel.pipeline;

import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.source.JobSource;
import dev.jobintel.store.BoardHealth;
import dev.jobintel.store.Database;
import dev.jobintel.store.FetchRuns;
import dev.jobintel.store.LandCounts;
import dev.jobintel.store.LlmCalls;
import dev.jobintel.store.PendingWork;
import dev.jobintel.store.ReferenceData;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orchestrates the main job: fetch (or import) → land → gate → classify → store. Each step
 * reads what the previous one wrote, so a run interrupted anywhere is finished by the next.
 */
public final class Runner implements AutoCloseable {

    /** What fetching did, per board and in total. */
    public record FetchResult(String runId, List<Lander.BoardResult> boards) {
        public LandCounts total() {
            LandCounts t = LandCounts.ZERO;
            for (Lander.BoardResult b : boards) {
                t = t.plus(b.counts());
            }
            return t;
        }

        public int rejected() {
            return boards.stream().mapToInt(Lander.BoardResult::rejected).sum();
        }

        public long failedBoards() {
            return boards.stream().filter(b -> b.error() != null && !b.skipped()).count();
        }

        public int closed() {
            return boards.stream().mapToInt(Lander.BoardResult::closed).sum();
        }
    }

    private final Context ctx;
    private volatile Enricher enriching;
    private volatile boolean stopRequested;
    private final Database db;
    private final boolean showProgress;
    private Classifier classifier;
    private Budget budget;
    private LlmCalls calls;
    private boolean waitsOutOutages;
    private java.util.function.Consumer<String> outageNotice = m -> { };
    private PendingWork work;

    public Runner(Context ctx, Database db, boolean showProgress) {
        this.ctx = ctx;
        this.db = db;
        this.showProgress = showProgress;
    }

    /**
     * Makes this process the database's writer (one at a time on a SQLite file), migrates the
     * schema and loads the reference data the constraints check against.
     */
    /**
     * Readies the database; for a command that only reads it (a dry run), nothing: no writer's
     * lock and nothing written, so that it runs beside an import and on a file it may not write.
     * Only a schema an older jobintel left is brought up to date first, as every command does,
     * under the writer's lock.
     */
    public void prepare(boolean onlyReading) {
        if (onlyReading) {
            if (!db.schemaCurrent()) {
                db.claimWriter(ctx.clock().instant());
                db.migrateIfBehind();
            }
        } else {
            prepare();
        }
    }

    public void prepare() {
        db.claimWriter(ctx.clock().instant());
        db.migrateIfBehind();
        ReferenceData.sync(db, ctx.taxonomy(), ctx.gazetteer());
        if (!db.dialect().severalWriters()) {
            // This process is the only writer (claimWriter), so a fetch still marked running was cut short.
            FetchRuns.abandonStale(db, ctx.clock().millis());
        }
    }

    public FetchResult fetch(List<JobSource> sources) {
        return fetch(sources, false, false);
    }

    /**
     * Fetches {@code sources}; with {@code named}, boards the user named one by one (--companies), which are
     * fetched whatever their back-off: whoever names a board after fixing it wants to see it now. With
     * {@code replaying}, served from a recording (see {@link Lander#replaying}).
     */
    public FetchResult fetch(List<JobSource> sources, boolean named, boolean replaying) {
        String runId = UUID.randomUUID().toString();
        long now = ctx.clock().millis();
        List<Lander.BoardResult> boards = new ArrayList<>();
        boolean importing = !sources.isEmpty() && sources.stream()
                .allMatch(s -> s.name().equals(dev.jobintel.source.jsonl.JsonlSource.IMPORT));
        try (Progress progress = new Progress(System.err, showProgress, importing ? "import" : "fetch", "postings", 0);
             Lander lander = new Lander(db, new Identities(ctx.resolver()), runId, now,
                     ctx.config().pipeline().batchSize(), progress, new BoardHealth(db, ctx.config().health()))) {
            if (named) {
                lander.ignoreBackoff();
            }
            if (replaying) {
                lander.replaying();
            }
            for (JobSource s : sources) {
                s.fetch(lander);
            }
            boards.addAll(lander.finish());
        }
        return new FetchResult(runId, boards);
    }

    /**
     * For a worker, which waits out a database that goes away: the answers it has paid for wait to
     * be written rather than fail. Before the classifier is first asked for.
     */
    public synchronized void waitOutDatabaseOutages(java.util.function.Consumer<String> say) {
        waitsOutOutages = true;
        outageNotice = say;
    }

    /**
     * The configured classifier for this run: its model calls go to the cost ledger, and it
     * stops before the configured budget is exceeded. One per runner.
     */
    public synchronized Classifier classifier() {
        if (classifier == null) {
            calls = new LlmCalls(db, waitsOutOutages, outageNotice);
            classifier = ctx.classifier(calls, budget());
        }
        return classifier;
    }

    /** This run's spending limit, shared by everything that pays (direct requests and batches). */
    public synchronized Budget budget() {
        if (budget == null) {
            budget = new Budget(ctx.config().classifier().claude().budgetUsd());
        }
        return budget;
    }

    /**
     * The pending postings this process may decide, for the life of the runner: where workers
     * lease them, the leases are renewed until {@link #close} gives back the undecided ones.
     */
    public synchronized PendingWork pendingWork() {
        if (work == null) {
            work = PendingWork.of(db, java.time.Duration.ofSeconds(ctx.config().pipeline().leaseSeconds()));
        }
        return work;
    }

    public Enricher.Result enrich(long limit) {
        // What this run can take: not what other workers lease, nor what open message batches hold.
        long pending = db.read(dev.jobintel.store.RawPostings::countPendingOutsideBatches) - pendingWork().leasedByOthers();
        try (Progress progress = new Progress(System.err, showProgress, "enrich", "postings",
                limit > 0 ? Math.min(limit, pending) : pending)) {
            Enricher e = new Enricher(db, pendingWork(), ctx.gate(), ctx.resolver(), classifier(), ctx.clock(),
                    ctx.config().pipeline().batchSize(), ctx.config().pipeline().threads(), ctx.concurrency(), progress);
            enriching = e;
            if (stopRequested) {
                e.requestStop();
            }
            try {
                return e.run(limit);
            } finally {
                enriching = null;
            }
        }
    }

    /** Asks the enrich in progress, and any later one, to stop taking postings (see {@link Enricher#requestStop}). */
    public void requestStop() {
        stopRequested = true;
        Enricher e = enriching;
        if (e != null) {
            e.requestStop();
        }
    }

    @Override
    public synchronized void close() {
        if (classifier instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing an HTTP client cannot lose data; nothing to report.
            }
        }
        if (calls != null) {
            calls.close();
        }
        if (work != null) {
            work.close();
        }
    }
}
