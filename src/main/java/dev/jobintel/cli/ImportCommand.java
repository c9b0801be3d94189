package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.source.jsonl.JsonlSource;
import dev.jobintel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Land postings from JSON Lines files (.jsonl or .jsonl.gz; format in the README) as pending.",
                "Lines that are not JSON or lack a title or URL are kept in the rejects table, never dropped.",
                "Then run 'jobintel enrich' to gate and classify them."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files to import.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + " is a directory: name its "
                        + "files (" + f.resolve("*.jsonl") + ")");
            }
            // Not only regular files: a pipe (/dev/stdin, <(zcat …)) is read the same way.
            if (!Files.exists(f)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "file not found: " + f);
            }
            if (!Files.isReadable(f)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot read " + f);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Context ctx = common.context();
        try (Database db = ctx.openDatabase()) {
            Runner runner = new Runner(ctx, db, bars.on());
            runner.prepare();
            long t0 = System.nanoTime();
            Runner.FetchResult r = runner.fetch(List.of(JsonlSource.files(files)));
            Summaries.fetch(out, r, System.nanoTime() - t0);
            out.println("Pending postings are classified by 'jobintel enrich' (or 'jobintel run').");
            // A file that could not be read to its end is a failed board: what it held so far is kept.
            return r.failedBoards() > 0 ? Main.BOARDS_FAILED : 0;
        }
    }
}
