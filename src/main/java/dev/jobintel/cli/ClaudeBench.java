package dev.jobintel.cli;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.ClaudeStats;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.report.TextTable;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.source.demo.DemoSnapshot;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "claude", mixinStandardHelpOptions = true,
        description = {"Classifies the bundled demo snapshot with the claude classifier against a local server that "
                + "speaks the Messages API with a fixed latency and bills tokens as the real one does (prompt cache "
                + "included), and measures side by side: the server's own capacity through the bare SDK, jobintel's "
                + "throughput at --concurrency, and what prompt caching saves, computed from the cost ledger."})
final class ClaudeBench implements Callable<Integer> {

    static final double TARGET_SHARE_OF_IDEAL = 0.85;
    static final double TARGET_BILLED_SHARE = 0.40;

    @Mixin
    ConfigOption common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "32", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "500", description = "The server's latency per request (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        OptionRanges.between(cl, "--concurrency", concurrency, 1, 256);
        OptionRanges.between(cl, "--latency-ms", latencyMs, 1, 60_000);
        PrintWriter out = cl.getOut();
        double ideal = concurrency / (latencyMs / 1000.0);
        out.printf(Locale.ROOT, "jobintel bench claude: the demo snapshot, classifier claude, %d in flight, a local "
                + "Messages server answering in %d ms (ideal %.0f requests/s)%n", concurrency, latencyMs, ideal);
        out.flush();
        // The server answers in the taxonomy and places the configuration names, as the run classifies under
        // them: answers in the bundled taxonomy's codes all fail under one's own.
        LoadedConfig loaded = common.loadConfig();
        RulesResponder responder = new RulesResponder(Context.taxonomy(loaded),
                new LocationResolver(Context.gazetteer(loaded)));
        try (ScratchDirectory scratch = ScratchDirectory.create("jobintel-claude-bench");
             MessagesSimulator sim = MessagesSimulator.start(responder).latency(Duration.ofMillis(latencyMs))) {
            Path work = scratch.path();
            double floor = bareSdk(sim.baseUrl(), concurrency * 8);

            String url = "jdbc:sqlite:" + work.resolve("bench.db");
            ClaudeConfig claude = new ClaudeConfig(ClaudeConfig.DEFAULT_MODEL, sim.baseUrl(), null, null, null, 30, null,
                    concurrency, null, null, null, null, null, null, null).withLimits(1_000_000, 1_000_000_000, 1_000_000_000);
            LoadedConfig base = ConfigOption.withDatabase(loaded, url);
            JobintelConfig cfg = base.config().withClassifier(base.config().classifier().named(ClaudeClassifier.NAME)
                    .with(claude));
            Context ctx = Context.load(new LoadedConfig(cfg, base.doc(), base.baseDir()), Clock.systemUTC(),
                    Map.of("ANTHROPIC_API_KEY", "sk-bench-local-server"));
            DemoSnapshot snapshot = DemoSnapshot.bundled();
            try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, bars.on());
                 SourceFactory factory = SourceFactory.create(JobintelConfig.DEFAULTS.withSources(snapshot.sources()), null,
                         snapshot).withAdzunaCredentials("demo", "demo")) {
                runner.prepare();
                runner.fetch(factory.sources(Set.of(), Set.of()));
                long t0 = System.nanoTime();
                Enricher.Result r = runner.enrich(0);
                double secs = (System.nanoTime() - t0) / 1e9;
                ClaudeStats.Snapshot s = ((ClaudeClassifier) runner.classifier()).stats();
                double rate = s.requests() / secs;

                long[] t = db.read(c -> Jdbc.one(c, "SELECT count(*), sum(input_tokens), sum(cache_read_tokens), "
                        + "sum(cache_write_tokens) FROM llm_calls WHERE outcome = 'valid'", rs -> new long[] {rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4)}));
                double billed = t[1] + 0.1 * t[2] + 1.25 * t[3];
                double uncached = t[1] + t[2] + t[3];
                double share = billed / uncached;

                TextTable table = new TextTable("measurement", "requests", "seconds", "requests/s", "vs ideal", "target", "");
                table.row("bare SDK, same server (floor)", concurrency * 8, fmt(concurrency * 8 / floor), fmt0(floor),
                        fmt(floor / ideal), "", "");
                table.row("enrich --concurrency " + concurrency, s.requests(), fmt(secs), fmt0(rate), fmt(rate / ideal),
                        fmt(TARGET_SHARE_OF_IDEAL), rate / ideal >= TARGET_SHARE_OF_IDEAL ? "meets" : "MISSES");
                out.print(table.render("  "));
                out.printf(Locale.ROOT, "%n  decided %,d postings: %,d enriched (%,d by the model, %,d by the rules "
                                + "pre-filter, %,d reused), %,d merged, %,d filtered, %,d failed%n", r.processed(), r.enriched(),
                        s.classified(), s.prefiltered(), s.reused(), r.merged(), r.filtered(), r.failed());
                out.printf(Locale.ROOT, "%n  prompt caching, from the cost ledger (%,d valid answers):%n", t[0]);
                out.printf(Locale.ROOT, "    billed input per classified job = (input + 0.1 × cache read + 1.25 × cache "
                        + "write) / jobs = (%,d + 0.1 × %,d + 1.25 × %,d) / %,d = %,.0f tokens%n", t[1], t[2], t[3], t[0],
                        billed / t[0]);
                out.printf(Locale.ROOT, "    the same requests without caching = (input + cache read + cache write) / "
                        + "jobs = %,.0f tokens%n", uncached / t[0]);
                out.printf(Locale.ROOT, "    billed share %.1f%%, target at most %.0f%%: %s%n", 100 * share,
                        100 * TARGET_BILLED_SHARE, share <= TARGET_BILLED_SHARE ? "meets" : "MISSES");
                out.printf(Locale.ROOT, "    cost at %s prices: %s in all, %s per classified job%n",
                        ClaudeConfig.DEFAULT_MODEL, Summaries.usd(s.costUsd()),
                        Summaries.usd(s.classified() == 0 ? 0 : s.costUsd() / s.classified()));
            }
            return 0;
        }
    }

    /** Requests per second the server sustains for the bare SDK with the same concurrency and a tiny request. */
    private double bareSdk(String baseUrl, int requests) throws Exception {
        AnthropicClient client = AnthropicOkHttpClient.builder().apiKey("sk-bench-local-server").baseUrl(baseUrl)
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            MessageCreateParams p = MessageCreateParams.builder().model(ClaudeConfig.DEFAULT_MODEL).maxTokens(256)
                    .addUserMessage("Title: Data Engineer\nDescription:\nWe build pipelines.\n</posting>").build();
            // One unmeasured round opens the connections and loads the SDK's classes.
            List<Future<?>> warm = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                warm.add(pool.submit(() -> client.messages().create(p)));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            long t0 = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                all.add(pool.submit(() -> client.messages().create(p)));
            }
            for (Future<?> f : all) {
                f.get();
            }
            return requests / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
            client.close();
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }
}
