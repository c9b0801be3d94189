package dev.jobintel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.report.TextTable;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.source.demo.BulkBoards;
import dev.jobintel.source.http.Recording;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Writes many boards in the real APIs' formats to a recording, then measures side by side a "
                + "read-and-parse baseline and a replayed fetch through the real adapters into a fresh SQLite file; "
                + "then fetches one board of about 16 MB in a separate JVM with a 48 MB heap, which only a streaming parser fits."})
final class FetchBench implements Callable<Integer> {

    static final double TARGET_POSTINGS_PER_SECOND = 5_000;
    static final int SMALL_HEAP_MB = 48;

    @Mixin
    ConfigOption common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--boards", paramLabel = "N", defaultValue = "200", description = "Boards (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(names = "--postings", paramLabel = "N", defaultValue = "100000", description = "Postings in all (default: ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--big-board-mb", paramLabel = "MB", defaultValue = "15", description = "Size of the single big board (default: ${DEFAULT-VALUE}).")
    int bigBoardMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        OptionRanges.between(cl, "--boards", boards, 1, 100_000);
        OptionRanges.between(cl, "--big-board-mb", bigBoardMb, 1, 200);
        if (postings < boards) {
            throw new CommandLine.ParameterException(cl, "--postings must be at least --boards (" + boards
                    + "): every board holds one or more, got " + postings);
        }
        PrintWriter out = cl.getOut();
        try (ScratchDirectory scratch = ScratchDirectory.create("jobintel-fetch-bench")) {
            Path work = scratch.path();
            int perBoard = Math.max(1, postings / boards);
            out.printf(Locale.ROOT, "jobintel bench fetch: %,d boards × %,d postings (~3,000 characters), replayed; "
                    + "JVM max heap %,d MB%n", boards, perBoard, BenchCommand.maxHeapMb());
            Path rec = work.resolve("recording");
            long t0 = System.nanoTime();
            SourcesConfig sources = BulkBoards.write(rec, boards, perBoard, 3_000, 7);
            out.printf(Locale.ROOT, "  wrote the recording (%,d MB) in %.1f s (not measured)%n%n", size(rec) >> 20,
                    (System.nanoTime() - t0) / 1e9);
            out.flush();

            double baseline = readAndParse(rec);
            long total = (long) perBoard * boards;

            String url = "jdbc:sqlite:" + work.resolve("bench.db");
            Context ctx = Context.load(ConfigOption.withDatabase(common.loadConfig(), url), java.time.Clock.systemUTC());
            double fetchSecs;
            long landed;
            try (Database db = ctx.openDatabase();
                 SourceFactory factory = SourceFactory.create(ctx.config().withSources(sources), null, rec)) {
                Runner runner = new Runner(ctx, db, bars.on());
                runner.prepare();
                long t1 = System.nanoTime();
                Runner.FetchResult r = runner.fetch(factory.sources(Set.of(), Set.of()));
                fetchSecs = (System.nanoTime() - t1) / 1e9;
                landed = r.total().seen();
                if (r.failedBoards() > 0) {
                    out.println("  some boards failed: " + r.boards().stream().filter(b -> b.error() != null).toList());
                }
            }

            // One big board, fetched by the real command in a JVM too small to hold its tree.
            Path big = work.resolve("big");
            String body = BulkBoards.greenhouseBody(bigBoardMb << 20, 3_000, 11);
            new Recording(big).write(URI.create("https://boards-api.greenhouse.io/v1/boards/big/jobs?content=true"), 200,
                    "application/json", body.getBytes(StandardCharsets.UTF_8));
            Path cfg = work.resolve("big.yaml");
            Files.writeString(cfg, "sources:\n  greenhouse:\n    boards: [{slug: big, name: Big Employer}]\n");
            long t2 = System.nanoTime();
            int exit = BenchCommand.jobintelProcess(SMALL_HEAP_MB, "fetch", "--config", cfg.toString(), "--replay",
                    big.toString(), "--db", "jdbc:sqlite:" + work.resolve("big.db"), "--no-progress");
            double bigSecs = (System.nanoTime() - t2) / 1e9;

            double rate = landed / fetchSecs;
            TextTable t = new TextTable("measurement", "seconds", "postings/s", "vs baseline", "target", "");
            t.row("read + parse the recording (baseline)", fmt(baseline), fmt0(total / baseline), "1.00", "", "");
            t.row("replayed fetch → adapters → SQLite", fmt(fetchSecs), fmt0(rate), fmt(baseline / fetchSecs),
                    fmt0(TARGET_POSTINGS_PER_SECOND), String.format(Locale.ROOT, "%.2f× %s",
                            rate / TARGET_POSTINGS_PER_SECOND, rate >= TARGET_POSTINGS_PER_SECOND ? "meets" : "MISSES"));
            t.row(String.format(Locale.ROOT, "one %.1f MB board, %d MB heap",
                            body.getBytes(StandardCharsets.UTF_8).length / 1048576.0, SMALL_HEAP_MB),
                    fmt(bigSecs), "", "", "fits", exit == Integer.MIN_VALUE ? "not measured (run from the jar)"
                            : exit == 0 ? "fits (streamed)" : "FAILED (exit " + exit + ")");
            out.print(t.render("  "));
            out.printf(Locale.ROOT, "%n  landed %,d of %,d postings%n", landed, total);
            return 0;
        }
    }

    /** Reads every recorded body and parses it to a tree: the floor any fetch stands on. */
    private static double readAndParse(Path rec) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long t = System.nanoTime();
        long nodes = 0;
        try (Stream<Path> files = Files.walk(rec)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".body")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    nodes += mapper.readTree(in).size();
                }
            }
        }
        if (nodes < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

}
