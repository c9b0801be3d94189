package dev.jobintel.cli;

import dev.jobintel.config.ConfigLoader;
import dev.jobintel.pipeline.Context;
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
import java.util.concurrent.Callable;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Gate and classify pending postings: filtered ones get their reason, duplicates are merged "
                + "into the job already classified, each new job is classified once."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", description = "Decide at most N pending postings (default: all).")
    long limit;

    @Option(names = "--classifier", paramLabel = "NAME",
            description = "Classifier to use, overriding classifier.name (available: rules).")
    String classifier;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be zero or more");
        }
        if (classifier != null && !ConfigLoader.CLASSIFIERS.contains(classifier)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown classifier '" + classifier + "' (available: " + String.join(", ", ConfigLoader.CLASSIFIERS) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Context ctx = common.context();
        try (Database db = ctx.openDatabase()) {
            Runner runner = new Runner(ctx, db, common.progress());
            runner.prepare();
            long t0 = System.nanoTime();
            Enricher.Result r = runner.enrich(limit);
            Summaries.enrich(out, r, ctx.classifier().name(), System.nanoTime() - t0);
            StatusReport s = StatusReport.read(db);
            long pending = s.outcomes().get("pending").count();
            if (pending > 0) {
                out.printf("%s postings are still pending%s.%n", Summaries.n(pending),
                        limit > 0 ? " (--limit " + limit + ")" : "");
            }
            return 0;
        }
    }
}
