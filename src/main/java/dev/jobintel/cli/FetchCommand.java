package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch the configured job boards into raw_postings (as pending) without classifying.",
                "Every board fetch is recorded in fetch_runs; a failing board never stops the others, and a board "
                        + "that keeps failing is backed off (see 'jobintel status').",
                "A complete fetch of a board closes the postings that left it (closed_at); a failed or empty one "
                        + "closes nothing."})
final class FetchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Mixin
    FetchOptions fetch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Context ctx = common.context();
        FetchOptions.Selection selection = fetch.configured(spec.commandLine(), ctx);
        if (selection.sources().isEmpty()) {
            selection.factory().close();
            throw new CommandLine.ParameterException(spec.commandLine(), "no boards to fetch: configure sources in "
                    + ctx.loaded().origin() + " (see jobintel.example.yaml)"
                    + (fetch.narrowed() ? ", or widen --sources/--companies" : ""));
        }
        try (SourceFactory factory = selection.factory(); Database db = ctx.openDatabase()) {
            Runner runner = new Runner(ctx, db, bars.on());
            runner.prepare();
            long t0 = System.nanoTime();
            Runner.FetchResult r = runner.fetch(selection.sources(), fetch.boardsNamed(), factory.replaying());
            Summaries.fetch(out, r, System.nanoTime() - t0);
            out.println("Pending postings are classified by 'jobintel enrich' (or 'jobintel run').");
            return r.failedBoards() > 0 ? Main.BOARDS_FAILED : 0;
        }
    }
}
