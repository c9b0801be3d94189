package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.EnrichPlan;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.store.Database;
import dev.jobintel.store.Requeue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Put failed postings back to pending and enrich them: by default every failure a retry may "
                + "fix (rate limits, overload, server errors, timeouts); with --reason, the postings failed or filtered "
                + "with those reasons (invalid_output after changing the model or prompt; agency after changing "
                + "gate.agency.allow).",
                "'jobintel status --explain' lists the failures by reason with examples."})
final class RetryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Mixin
    ClassifierOptions classifying;

    @Option(names = "--reason", paramLabel = "REASON", split = ",",
            description = "Retry the postings failed or filtered with these reasons (default: every retryable failure).")
    List<String> reasons;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only postings from this source.")
    String source;

    @Option(names = "--dry-run", description = "Show how many would be retried, why, and what it would cost; change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        // "--reason ," splits into no reasons at all: not every retryable failure, which leaving it out means.
        if (reasons != null && (reasons.isEmpty() || reasons.stream().anyMatch(String::isBlank))) {
            throw new CommandLine.ParameterException(cl, "--reason takes reasons such as rate_limited or agency, "
                    + "got an empty one ('jobintel status --explain' lists the reasons recorded)");
        }
        if (source != null && source.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--source takes a source such as greenhouse, got an empty one");
        }
        Context ctx = classifying.context(common, cl, dryRun);
        // A dry run writes nothing, an empty database where a mistyped --db points included.
        if (dryRun && CommonOptions.noDatabaseYet(ctx.config().database().url(), cl.getErr())) {
            return Main.DATABASE_ERROR;
        }
        PrintWriter out = cl.getOut();
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, bars.on())) {
            runner.prepare(dryRun);
            Requeue.Failed selection = new Requeue.Failed(reasons == null ? List.of()
                    : reasons.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList(),
                    source == null ? null : db.read(c -> Requeue.spellings(c, source)), null);
            Map<String, Long> byReason = db.read(c -> Requeue.count(c, selection));
            long total = byReason.values().stream().mapToLong(Long::longValue).sum();
            String what = selection.reasons().isEmpty() ? "retryable failed postings" : "postings failed or filtered as "
                    + String.join(" or ", selection.reasons());
            if (total == 0) {
                out.printf("No %s%s to retry.%n", what, source == null ? "" : " from " + source);
                // A misspelt reason or source finds nothing: say which ones the ledger holds.
                java.util.Set<String> reasonsRecorded = new java.util.TreeSet<>();
                java.util.Set<String> sourcesRecorded = new java.util.TreeSet<>();
                for (dev.jobintel.store.Ledger.Line l : db.read(dev.jobintel.store.Ledger::lines)) {
                    sourcesRecorded.add(l.source().toLowerCase(Locale.ROOT));
                    if ((l.outcome().equals("failed") || l.outcome().equals("filtered")) && l.reason() != null) {
                        reasonsRecorded.add(l.reason());
                    }
                }
                if (!selection.reasons().isEmpty()) {
                    out.printf("Reasons recorded for failed or filtered postings: %s%n",
                            reasonsRecorded.isEmpty() ? "none" : String.join(", ", reasonsRecorded));
                }
                if (selection.sources() != null && selection.sources().isEmpty()) {
                    out.printf("No posting comes from %s; the sources in the ledger: %s%n", source.strip().toLowerCase(Locale.ROOT),
                            sourcesRecorded.isEmpty() ? "none" : String.join(", ", sourcesRecorded));
                }
                // A retry that was stopped (Ctrl-C, SIGTERM) left what it re-queued pending: run again, it finds
                // nothing to re-queue and enriches nothing, so say what does decide them.
                long pending = db.read(dev.jobintel.store.RawPostings::countPendingOutsideBatches);
                if (pending > 0) {
                    out.printf("%s pending (re-queued by a retry that was stopped, or not decided yet): 'jobintel "
                            + "enrich' decides them; retry enriches only when it re-queues some.%n",
                            pending == 1 ? "1 posting is" : Summaries.n(pending) + " postings are");
                }
                return 0;
            }
            out.printf("%s %s%s: %s%n", Summaries.n(total), what, source == null ? "" : " from " + source,
                    Summaries.listed(byReason));
            if (dryRun) {
                Summaries.plan(out, EnrichPlan.plan(db, ctx.gate(), ctx.resolver(), runner.classifier(),
                        ctx.config().pipeline().batchSize(), 0,
                        // A retry enriches what is pending already as well as what it re-queues.
                        EnrichPlan.pendingAnd((c, after, size) -> Requeue.failedPage(c, selection, after, size))),
                        runner.classifier(), 0);
                return 0;
            }
            long requeued = Requeue.failed(db, selection, ctx.clock().millis());
            out.printf("Re-queued %s postings; enriching.%n", Summaries.n(requeued));
            out.flush();
            long t0 = System.nanoTime();
            Enricher.Result r = runner.enrich(0);
            return Summaries.enriched(cl, ctx, runner, db, r, System.nanoTime() - t0, 0);
        }
    }
}
