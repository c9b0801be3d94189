package dev.jobintel.cli;

import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.config.ConfigLoader;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.pipeline.BatchEnricher;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.EnrichPlan;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Gate and classify pending postings: filtered ones get their reason, duplicates are merged "
                + "into the job already classified, each new job is classified once.",
                "With the claude classifier every request is recorded in the cost ledger; ANTHROPIC_API_KEY must be set."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", description = "Decide at most N pending postings (default: all).")
    long limit;

    @Option(names = "--classifier", paramLabel = "NAME",
            description = "Classifier to use, overriding classifier.name: rules (offline) or claude.")
    String classifier;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Claude requests in flight, overriding classifier.claude.concurrency.")
    Integer concurrency;

    @Option(names = "--budget-usd", paramLabel = "USD",
            description = "Stop before this run's Claude spending could exceed USD; the rest stays pending.")
    Double budgetUsd;

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
        if (limit < 0) {
            throw new CommandLine.ParameterException(cl, "--limit must be zero or more");
        }
        if (classifier != null && !ConfigLoader.CLASSIFIERS.contains(classifier)) {
            throw new CommandLine.ParameterException(cl, "unknown classifier '" + classifier + "' (available: "
                    + String.join(", ", ConfigLoader.CLASSIFIERS.stream().sorted().toList()) + ")");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
            throw new CommandLine.ParameterException(cl, "--concurrency must be between 1 and 256");
        }
        if (budgetUsd != null && !(budgetUsd > 0)) {
            throw new CommandLine.ParameterException(cl, "--budget-usd must be above 0");
        }
        if (batch && limit > 0) {
            throw new CommandLine.ParameterException(cl, "--batch sends every pending posting that needs the model; "
                    + "it cannot be combined with --limit");
        }
        Context ctx = common.context(this::overrides);
        boolean claude = ctx.classifierName().equals(ClaudeClassifier.NAME);
        if (batch && !claude) {
            throw new CommandLine.ParameterException(cl, "--batch needs the claude classifier (--classifier claude)");
        }
        if (!claude && (concurrency != null || budgetUsd != null)) {
            throw new CommandLine.ParameterException(cl, "--concurrency and --budget-usd apply to the claude classifier; "
                    + "the rules classifier is offline and free");
        }
        PrintWriter out = cl.getOut();
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, common.progress())) {
            runner.prepare();
            if (dryRun) {
                return plan(out, ctx, db, runner.classifier());
            }
            long t0 = System.nanoTime();
            Enricher.Result r;
            if (batch) {
                ClaudeClassifier k = (ClaudeClassifier) runner.classifier();
                var cfg = ctx.config().classifier().claude();
                PrintWriter err = cl.getErr();
                BatchEnricher.Result b = new BatchEnricher(db, ctx.gate(), ctx.resolver(), k, k.api(),
                        runner.budget(), ctx.clock(), ctx.config().pipeline().batchSize(),
                        ctx.config().pipeline().threads(), cfg.batchMaxRequests(), Duration.ofSeconds(cfg.batchPollSeconds()),
                        line -> {
                            err.println(line);
                            err.flush();
                        }).run();
                r = b.decided();
                out.printf("Message batches: %d submitted, %d collected, %s requests sent, %s returned to pending "
                        + "(errored, expired or canceled)%n", b.batchesSubmitted(), b.batchesCollected(),
                        Summaries.n(b.requestsSent()), Summaries.n(b.returnedToPending()));
            } else {
                r = runner.enrich(limit);
            }
            Summaries.enrich(out, r, ctx.classifierName(), System.nanoTime() - t0);
            Summaries.claude(out, runner.classifier(), db);
            StatusReport s = StatusReport.read(db);
            long pending = s.outcomes().get("pending").count();
            if (pending > 0) {
                out.printf("%s postings are still pending%s.%n", Summaries.n(pending),
                        limit > 0 ? " (--limit " + limit + ")" : "");
            }
            out.flush();
            if (r.stop() != null) {
                Summaries.stopped(cl.getErr(), r.stop());
                return Main.RUN_STOPPED;
            }
            return 0;
        }
    }

    private JobintelConfig overrides(JobintelConfig c) {
        JobintelConfig.Classifier k = c.classifier();
        if (classifier != null) {
            k = k.named(classifier);
        }
        return c.withClassifier(k.with(k.claude().with(concurrency, budgetUsd)));
    }

    private int plan(PrintWriter out, Context ctx, Database db, Classifier classifier) {
        EnrichPlan.Plan p = EnrichPlan.plan(db, ctx.gate(), ctx.resolver(), classifier,
                ctx.config().pipeline().batchSize(), limit);
        out.printf("Dry run: nothing is sent and nothing is written.%n");
        out.printf("%s pending postings%s: %s would be filtered%s, %s merged into jobs already classified or "
                        + "classified earlier in the run%n", Summaries.n(p.pending()), limit > 0 ? " (--limit " + limit + ")" : "",
                Summaries.n(p.filtered()), p.filteredBy().isEmpty() ? "" : " " + p.filteredBy(), Summaries.n(p.merged()));
        if (!(classifier instanceof ClaudeClassifier claude)) {
            out.printf("The %s classifier runs offline: no requests, no cost.%n", classifier.name());
            return 0;
        }
        out.printf("Claude %s (prompt %s): %s postings need a request; %s would reuse an earlier answer; %s would be "
                        + "decided by the rules pre-filter%n", claude.model(), claude.promptVersion(), Summaries.n(p.requests()),
                Summaries.n(p.reused()), Summaries.n(p.prefiltered()));
        if (p.requests() > 0) {
            out.printf(Locale.ROOT, "Estimated tokens (about 4 characters per token): %s input, %s cache write, %s cache "
                            + "read, %s output%n", Summaries.n(p.usage().input()), Summaries.n(p.usage().cacheWrite()),
                    Summaries.n(p.usage().cacheRead()), Summaries.n(p.usage().output()));
            out.printf("Estimated cost: %s (%s per request); with --batch about %s%n", Summaries.usd(p.costUsd()),
                    Summaries.usd(p.costUsd() / p.requests()), Summaries.usd(p.batchCostUsd()));
        }
        return 0;
    }
}
