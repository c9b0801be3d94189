package dev.jobintel.cli;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.internal.Throwables;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.store.Database;
import dev.jobintel.store.Dialect;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Enrich pending postings as they arrive, until stopped (Ctrl-C or SIGTERM): one of several "
                + "workers sharing a PostgreSQL database.",
                "Each worker leases the postings it decides, so no posting is classified twice; a stopped worker "
                        + "gives its undecided postings back, and a killed one's return to the pool when its lease "
                        + "runs out (pipeline.lease_seconds, 2 minutes by default). A SQLite file takes one writing "
                        + "process: run 'jobintel enrich' there instead."})
final class WorkerCommand implements Callable<Integer> {

    /** Postings claimed per round: how often a line is printed. */
    static final int ROUND = 1_000;
    /** The longest wait between looks while the database cannot be reached. */
    private static final int MAX_OUTAGE_WAIT_SECONDS = 60;
    /** How long stopping waits for the round in progress before leaving it to the leases. */
    private static final long STOP_GRACE_SECONDS = 60;

    @Mixin
    CommonOptions common;

    @Mixin
    ClassifierOptions classifying;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds between looks for new pending postings when there are none (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Spec
    CommandSpec spec;

    private final AtomicBoolean stopping = new AtomicBoolean();
    /** The runner of the loop, for the stop hook to end its round early. */
    private volatile Runner running;
    private final Object sleep = new Object();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (pollSeconds < 1) {
            throw new CommandLine.ParameterException(cl, "--poll must be at least 1 second");
        }
        Context ctx = classifying.context(common, cl);
        String url = ctx.config().database().url();
        if (!Dialect.forUrl(url).severalWriters()) {
            throw new CommandLine.ParameterException(cl, "jobintel worker shares a PostgreSQL database with other "
                    + "workers; a SQLite file takes one writing process, so run 'jobintel enrich' (or 'jobintel run') "
                    + "on a schedule instead");
        }
        PrintWriter out = cl.getOut();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(finished), "jobintel-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            runner.pendingWork().handBackOnlyOnClose();
            runner.waitOutDatabaseOutages(m -> {
                out.printf("%s  %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), m);
                out.flush();
            });
            running = runner;
            out.printf("jobintel worker %s: %s classifier; looking for pending postings every %d s when idle. "
                    + "Ctrl-C or SIGTERM stops it.%n", runner.pendingWork().owner(), ctx.classifierName(), pollSeconds);
            out.flush();
            return loop(cl, ctx, runner, db);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it was waiting for this.
            }
        }
    }

    private int loop(CommandLine cl, Context ctx, Runner runner, Database db) {
        PrintWriter out = cl.getOut();
        long decided = 0;
        boolean idleSaid = false;
        int outageWait = 0;
        int apiOutageWait = 0;
        while (!stopping.get()) {
            long t0 = System.nanoTime();
            Enricher.Result r;
            try {
                r = runner.enrich(ROUND);
            } catch (RuntimeException e) {
                if (!Database.isUnreachable(e)) {
                    throw e;
                }
                // A server restart or a network blip: the undecided postings stay pending (and
                // leased to this worker, which takes them up again); wait and look again.
                outageWait = longer(outageWait);
                out.printf("%s  The database cannot be reached (%s); trying again in %d s.%n",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS), rootMessage(e), outageWait);
                out.flush();
                pause(outageWait);
                continue;
            }
            if (outageWait > 0) {
                out.printf("%s  The database is reachable again.%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
                outageWait = 0;
                idleSaid = false;
            }
            decided += r.processed();
            if (r.processed() > 0) {
                out.print(Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  ");
                Summaries.enrich(out, r, ctx.classifierName(), System.nanoTime() - t0);
                out.flush();
                idleSaid = false;
            }
            if (r.stop() != null && runner.classifier() instanceof ClaudeClassifier claude && claude.resumeAfterOutage()) {
                // The API cannot be reached: as with the database, wait it out; the postings of this
                // round stay pending and leased to this worker, which takes them up again.
                apiOutageWait = longer(apiOutageWait);
                out.printf("%s  %s; trying again in %d s.%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        r.stop().getMessage(), apiOutageWait);
                out.flush();
                pause(apiOutageWait);
                continue;
            }
            if (apiOutageWait > 0 && r.stop() == null && r.processed() > 0) {
                out.printf("%s  The Claude API answers again.%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
                apiOutageWait = 0;
            }
            if (r.stop() != null) {
                Summaries.claude(out, runner.classifier(), db);
                Summaries.stopped(cl.getErr(), r.stop());
                return Main.RUN_STOPPED;
            }
            if (r.processed() == 0 && !stopping.get()) {
                if (!idleSaid) {
                    out.printf("%s  Nothing to decide%s; waiting.%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                            whyIdle(runner, db));
                    out.flush();
                    idleSaid = true;
                }
                pause(pollSeconds);
            }
        }
        out.printf("Stopped. This worker decided %s.%n", Summaries.count(decided, "posting"));
        try {
            Summaries.claude(out, runner.classifier(), db);
        } catch (RuntimeException e) {
            out.printf("(the cost ledger could not be read: %s)%n", rootMessage(e));
        }
        out.flush();
        return 0;
    }

    /**
     * Why there is nothing to decide though postings are pending, as " (…)", or "". Best effort: a
     * database gone in this instant is the next round's to report, not a reason for the worker to end.
     */
    private static String whyIdle(Runner runner, Database db) {
        try {
            long held = runner.pendingWork().leasedByOthers();
            long batched = db.read(dev.jobintel.store.Ledger::pendingInBatches);
            List<String> why = new ArrayList<>();
            if (held > 0) {
                why.add(Summaries.n(held) + " pending postings are leased by other workers");
            }
            if (batched > 0) {
                why.add(Summaries.n(batched) + " wait in open message batches");
            }
            return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
        } catch (RuntimeException e) {
            if (!Database.isUnreachable(e)) {
                throw e;
            }
            return "";
        }
    }

    /**
     * The next pause of an outage: the poll interval first, then twice the last, up to a minute; a
     * poll of more than a minute (a quiet board) does not leave an outage that long unlooked at.
     */
    private int longer(int lastWait) {
        return lastWait == 0 ? Math.min(MAX_OUTAGE_WAIT_SECONDS, pollSeconds)
                : Math.min(MAX_OUTAGE_WAIT_SECONDS, lastWait * 2);
    }

    /** The root cause's first line: a driver's message can run to several. */
    private static String rootMessage(Throwable e) {
        return Throwables.rootMessage(e).lines().findFirst().orElse("");
    }

    private void pause(int seconds) {
        synchronized (sleep) {
            if (stopping.get()) {
                return;
            }
            try {
                sleep.wait(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    /**
     * On SIGTERM or Ctrl-C: finish the round in progress, give back the undecided postings and
     * print the summary. A round that takes longer is left to its leases, which run out.
     */
    private void stop(CountDownLatch finished) {
        stopping.set(true);
        Runner runner = running;
        if (runner != null) {
            // The round ends with the requests in flight, not after the rest of its thousand postings.
            runner.requestStop();
        }
        synchronized (sleep) {
            sleep.notifyAll();
        }
        try {
            finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
