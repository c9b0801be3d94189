package dev.jobintel.cli;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.pipeline.BatchEnricher;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.EnrichPlan;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Gate and classify pending postings: filtered ones get their reason, duplicates are merged "
                + "into the job already classified, each new job is classified once.",
                "With the claude classifier every request is recorded in the cost ledger; ANTHROPIC_API_KEY must be set."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--limit", paramLabel = "N", description = "Decide at most N pending postings (default: all).")
    Long limit;

    @Mixin
    ClassifierOptions classifying;

    @Option(names = "--dry-run", description = "Show what would be sent and what it would cost; send and write nothing.")
    boolean dryRun;

    @Option(names = "--batch", description = "Classify through the Message Batches API (half price, slower); "
            + "resumes batches an earlier run left open.")
    boolean batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (limit != null && limit < 1) {
            // Said by a user 0 would mean none; read as "all", as inside, it could spend money.
            throw new CommandLine.ParameterException(cl,
                    "--limit must be 1 or more (leave it out to decide every pending posting)");
        }
        long max = limit == null ? 0 : limit; // 0: every pending posting
        if (batch && limit != null) {
            throw new CommandLine.ParameterException(cl, "--batch sends every pending posting that needs the model; "
                    + "it cannot be combined with --limit");
        }
        Context ctx = classifying.context(common, cl, dryRun);
        if (batch && !ctx.classifierName().equals(ClaudeClassifier.NAME)) {
            throw new CommandLine.ParameterException(cl, "--batch needs the claude classifier (--classifier claude)");
        }
        // A dry run writes nothing, an empty database where a mistyped --db points included.
        if (dryRun && CommonOptions.noDatabaseYet(ctx.config().database().url(), cl.getErr())) {
            return Main.DATABASE_ERROR;
        }
        PrintWriter out = cl.getOut();
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, bars.on())) {
            runner.prepare(dryRun);
            if (dryRun) {
                Summaries.plan(out, EnrichPlan.plan(db, ctx.gate(), ctx.resolver(), runner.classifier(),
                        ctx.config().pipeline().batchSize(), max), runner.classifier(), max);
                return 0;
            }
            long t0 = System.nanoTime();
            Enricher.Result r;
            if (batch) {
                ClaudeClassifier k = (ClaudeClassifier) runner.classifier();
                var cfg = ctx.config().classifier().claude();
                PrintWriter err = cl.getErr();
                BatchEnricher.Result b = new BatchEnricher(db, runner.pendingWork(), ctx.gate(), ctx.resolver(), k, k.api(),
                        runner.budget(), ctx.clock(), ctx.config().pipeline().batchSize(),
                        ctx.config().pipeline().threads(), cfg.batchMaxRequests(), Duration.ofSeconds(cfg.batchPollSeconds()),
                        line -> {
                            err.println(line);
                            err.flush();
                        }).run();
                r = b.decided();
                out.printf("Message batches: %d submitted, %d collected, %s sent, %s returned to pending "
                        + "(errored, expired, canceled, or missing from the results)%n", b.batchesSubmitted(), b.batchesCollected(),
                        Summaries.count(b.requestsSent(), "request"), Summaries.n(b.returnedToPending()));
            } else {
                r = runner.enrich(max);
            }
            return Summaries.enriched(cl, ctx, runner, db, r, System.nanoTime() - t0, max);
        }
    }
}
