package dev.jobintel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.report.TextTable;
import dev.jobintel.source.demo.DemoGenerator;
import dev.jobintel.source.jsonl.JsonlSource;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Generates postings, then measures side by side in one run a parse-only baseline and "
                + "import → gate → rules → store into a fresh SQLite file, then 'jobintel status' on it."})
final class BenchCommand implements Callable<Integer> {

    static final double TARGET_POSTINGS_PER_SECOND = 10_000;
    static final double TARGET_STATUS_SECONDS = 1.0;

    @Mixin
    ConfigOption common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--postings", paramLabel = "N", defaultValue = "100000",
            description = "Postings to generate (default: ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--description-chars", paramLabel = "N", defaultValue = "3000",
            description = "Approximate description length (default: ${DEFAULT-VALUE}).")
    int descriptionChars;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the generated file and database (default: a temporary directory, removed after).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        // Upper bounds a benchmark's generated data fits in, under the heap the targets assume.
        OptionRanges.between(cl, "--postings", postings, 1, 1_000_000);
        OptionRanges.between(cl, "--description-chars", descriptionChars, 1, 20_000);
        if (dir != null) {
            OutputPaths.directory(cl, "--dir", dir);
        }
        PrintWriter out = cl.getOut();
        ScratchDirectory scratch = dir == null ? ScratchDirectory.create("jobintel-bench") : null;
        Path work = scratch != null ? scratch.path() : dir;
        try {
            out.printf(Locale.ROOT, "jobintel bench: %,d postings of ~%,d characters; JVM max heap %,d MB; %d cores%n",
                    postings, descriptionChars, maxHeapMb(),
                    Runtime.getRuntime().availableProcessors());
            Path file = work.resolve("postings.jsonl");
            long t0 = System.nanoTime();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DemoGenerator.writeBulk(w, postings, descriptionChars, 42);
            }
            long genNanos = System.nanoTime() - t0;
            out.printf(Locale.ROOT, "  generated %,d MB in %.1f s (not part of any measurement)%n%n",
                    Files.size(file) >> 20, genNanos / 1e9);
            out.flush();

            double parseSecs = parseOnly(file);

            Path dbFile = work.resolve("bench.db");
            Files.deleteIfExists(dbFile);
            String url = "jdbc:sqlite:" + dbFile;
            Context ctx = Context.load(ConfigOption.withDatabase(common.loadConfig(), url), java.time.Clock.systemUTC());
            long landNanos;
            long enrichNanos;
            long landCpu;
            long enrichCpu;
            long totalNanos;
            long t1 = System.nanoTime();
            Enricher.Result enriched;
            try (Database db = ctx.openDatabase()) {
                Runner runner = new Runner(ctx, db, bars.on());
                runner.prepare();
                long tLand = System.nanoTime();
                long cLand = cpuNanos();
                runner.fetch(List.of(JsonlSource.files(List.of(file))));
                landNanos = System.nanoTime() - tLand;
                landCpu = cpuNanos() - cLand;
                long tEnrich = System.nanoTime();
                long cEnrich = cpuNanos();
                enriched = runner.enrich(0);
                enrichNanos = System.nanoTime() - tEnrich;
                enrichCpu = cpuNanos() - cEnrich;
                totalNanos = System.nanoTime() - t1;
                // The benchmark's own check that nothing was lost; not pipeline work, so not timed.
                StatusReport s = StatusReport.read(db);
                if (!s.consistent() || s.outcomes().get("pending").count() != 0) {
                    out.println("  the ledger does not add up after the run: " + s.violations());
                    return Main.INVARIANT_BROKEN;
                }
            }
            double totalSecs = totalNanos / 1e9;
            double statusSecs = statusProcess(url);

            double rate = postings / totalSecs;
            TextTable t = new TextTable("measurement", "seconds", "postings/s", "vs parse-only", "cores busy", "target", "");
            t.row("parse JSON only (baseline)", fmt(parseSecs), fmt0(postings / parseSecs), "1.00", "", "", "");
            t.row("import → land (SQLite)", fmt(landNanos / 1e9), fmt0(postings / (landNanos / 1e9)),
                    fmt2(parseSecs / (landNanos / 1e9)), fmt2((double) landCpu / landNanos), "", "");
            t.row("gate → rules → store", fmt(enrichNanos / 1e9), fmt0(postings / (enrichNanos / 1e9)),
                    fmt2(parseSecs / (enrichNanos / 1e9)), fmt2((double) enrichCpu / enrichNanos), "", "");
            t.row("end to end (incl. migrate)", fmt(totalSecs), fmt0(rate), fmt2(parseSecs / totalSecs), "",
                    fmt0(TARGET_POSTINGS_PER_SECOND), verdict(rate / TARGET_POSTINGS_PER_SECOND));
            t.row("jobintel status (process)", fmt(statusSecs), "", "", "", fmt(TARGET_STATUS_SECONDS) + " s",
                    statusSecs < 0 ? "not measured (run from the jar)" : verdict(TARGET_STATUS_SECONDS / statusSecs));
            out.print(t.render("  "));
            out.printf(Locale.ROOT, "%n  outcomes: %,d enriched, %,d merged, %,d filtered, %,d failed%n",
                    enriched.enriched(), enriched.merged(), enriched.filtered(), enriched.failed());
            out.printf(Locale.ROOT, "  ratio to target (≥ 1.00 meets it): throughput %.2f, status %s%n",
                    rate / TARGET_POSTINGS_PER_SECOND,
                    statusSecs < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", TARGET_STATUS_SECONDS / statusSecs));
            return 0;
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /**
     * The heap cap this JVM was given (-Xmx), in MB; else what the JVM reports. The parallel
     * collector reports less than -Xmx (one survivor space is not counted).
     */
    static long maxHeapMb() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-Xmx(\\d+)([kKmMgG]?)").matcher(arg);
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                mb = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> v >> 10;
                    case "m" -> v;
                    case "g" -> v << 10;
                    default -> v >> 20;
                };
            }
        }
        return mb;
    }

    /** CPU time of this process (all threads), in nanoseconds. */
    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String verdict(double ratio) {
        return String.format(Locale.ROOT, "%.2f× %s", ratio, ratio >= 1 ? "meets" : "MISSES");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Reading and parsing every line with Jackson, nothing else: the floor any import stands on. */
    private static double parseOnly(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long t = System.nanoTime();
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                n += mapper.readTree(line).size();
            }
        }
        if (n < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** Runs 'jobintel status' as a user would, in a fresh JVM with the same heap cap; -1 outside a jar. */
    private static double statusProcess(String url) throws IOException, InterruptedException {
        long t = System.nanoTime();
        int exit = jobintelProcess(maxHeapMb(), "status", "--db", url);
        if (exit == Integer.MIN_VALUE) {
            return -1;
        }
        return exit == 0 ? (System.nanoTime() - t) / 1e9 : Double.NaN;
    }

    /**
     * Runs jobintel in a fresh JVM with the given heap; returns its exit code, or Integer.MIN_VALUE
     * when not running from the jar (a development build).
     */
    static int jobintelProcess(long heapMb, String... args) throws IOException, InterruptedException {
        String jar = BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        if (!jar.endsWith(".jar")) {
            return Integer.MIN_VALUE;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java));
        // The JVM options the launcher gave this process, so the child runs as a user's would.
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:") && !arg.contains("FlightRecord")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx" + heapMb + "m", "-jar", jar));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -2;
        }
        return p.exitValue();
    }

}
