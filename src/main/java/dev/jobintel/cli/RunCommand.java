package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.report.MarketSummary;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.source.jsonl.JsonlSource;
import dev.jobintel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job: fetch or import postings, gate them, classify each distinct job once, store, "
                + "and print the ledger and the market at a glance.",
                "With no sources configured it replays the bundled demo snapshot (recorded in the six APIs' formats) "
                        + "through the real adapters, offline, with the rules classifier (or the one --classifier "
                        + "names).",
                "Running it again is safe: postings seen before only get their last_seen moved."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Mixin
    FetchOptions fetch;

    @Mixin
    ClassifierOptions classifying;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Context ctx = classifying.context(common, spec.commandLine());
        List<String> files = ctx.config().importing().files();
        FetchOptions.Selection selection;
        List<JobSource> sources = new ArrayList<>();
        String what;
        if (ctx.config().sources().isEmpty() && files.isEmpty()) {
            selection = fetch.demo(spec.commandLine());
            what = "the bundled demo snapshot, replayed through the six source adapters ("
                    + (ctx.loaded().isDefaults() ? "no jobintel.yaml, so no sources configured"
                    : "no sources configured in " + ctx.loaded().origin()) + ")";
        } else {
            if (ctx.config().sources().isEmpty() && (fetch.record != null || fetch.replay != null)) {
                // Files are read, not fetched: there would be nothing to record or replay, and the option would do nothing.
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), (fetch.record != null ? "--record"
                        : "--replay") + " needs sources configured: " + ctx.loaded().origin() + " has only import files");
            }
            selection = fetch.configured(spec.commandLine(), ctx);
            // --sources and --companies name boards: the import files are left out, and not counted below.
            List<Path> paths = fetch.narrowed() ? List.of() : files.stream().map(f -> ctx.loaded().resolve(f)).toList();
            if (!paths.isEmpty()) {
                sources.add(JsonlSource.files(paths));
            }
            what = selection.sources().size() + " source" + (selection.sources().size() == 1 ? "" : "s")
                    + (paths.isEmpty() ? "" : " and " + paths.size() + " import file" + (paths.size() == 1 ? "" : "s"))
                    + " from " + ctx.loaded().origin();
        }
        sources.addAll(0, selection.sources());
        if (sources.isEmpty()) {
            selection.factory().close();
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "nothing to fetch: --sources/--companies leave no configured board");
        }
        try (SourceFactory factory = selection.factory(); Database db = ctx.openDatabase()) {
            out.printf("jobintel run: %s%nDatabase: %s, classifier: %s%n%n", what, db.url(), ctx.classifierName());
            out.flush();
            Runner runner = new Runner(ctx, db, bars.on());
            runner.prepare();
            long t0 = System.nanoTime();
            Runner.FetchResult fetched = runner.fetch(sources, fetch.boardsNamed(), factory.replaying());
            long t1 = System.nanoTime();
            Summaries.fetch(out, fetched, t1 - t0);
            out.flush();
            Enricher.Result enriched;
            try (runner) {
                enriched = runner.enrich(0);
                Summaries.enrich(out, enriched, ctx.classifierName(), System.nanoTime() - t1);
                Summaries.claude(out, runner.classifier(), db);
            }
            out.println();
            StatusReport status = StatusReport.read(db);
            Summaries.ledger(out, status);
            out.println();
            db.read(c -> {
                Summaries.market(out, MarketSummary.byFamily(c), MarketSummary.byCity(c, 10), MarketSummary.topSkills(c, 12));
                return null;
            });
            out.println();
            Summaries.invariants(out, status);
            out.println("See 'jobintel status' for the ledger per source at any time, 'jobintel report' for the market "
                    + "(demand, skills, pay, trends), 'jobintel serve' for both in a browser.");
            if (enriched.stop() != null) {
                Summaries.stopped(spec.commandLine().getErr(), enriched.stop());
                return Main.RUN_STOPPED;
            }
            if (!status.consistent()) {
                return Main.INVARIANT_BROKEN;
            }
            // A scheduled run says, as fetch does, that some boards failed (status names them).
            return fetched.failedBoards() > 0 ? Main.BOARDS_FAILED : 0;
        }
    }
}
