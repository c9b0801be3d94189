package dev.jobintel.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.jsonl.JsonlRecord;
import dev.jobintel.source.jsonl.JsonlSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Postings, sources and contexts for tests: real classes, fed with data made here. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DESCRIPTION = "We build payment systems for merchants across Europe with Java, Kafka and "
            + "PostgreSQL. You have 5+ years of experience building distributed systems and care about reliability.";

    private Fixtures() {
    }

    public static Posting posting(String id, String company, String title, String location) {
        return posting("greenhouse", id, company, title, location, DESCRIPTION);
    }

    public static Posting posting(String source, String id, String company, String title, String location,
                                  String description) {
        return new Posting(source, id, "https://jobs.example.com/" + source + "/" + id, company, title, location,
                description, Instant.parse("2026-11-01T09:00:00Z"), Hints.NONE);
    }

    /** Job number {@code i} of a market of distinct jobs: each its own employer, title and classification. */
    public static Posting distinctJob(int i) {
        return posting("greenhouse", "g" + i, "Company " + i, "Senior Data Engineer " + i, "Berlin, Germany",
                DESCRIPTION + " Team " + i + ".");
    }

    /** Distinct jobs number {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Posting> distinctJobs(int from, int to) {
        List<Posting> out = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(distinctJob(i));
        }
        return out;
    }

    /** Writes the postings as a JSON Lines file in the import format; returns the file. */
    public static Path jsonlFile(Path file, List<Posting> postings) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (Posting p : postings) {
            lines.add(JsonlRecord.toJson(JSON, p).toString());
        }
        return java.nio.file.Files.write(file, lines);
    }

    /** The postings as a JSON Lines source: they go through the real importer. */
    public static JobSource jsonl(String board, List<Posting> postings) {
        String text = postings.stream().map(p -> JsonlRecord.toJson(JSON, p).toString()).collect(Collectors.joining("\n"));
        return jsonlText(board, text);
    }

    public static JobSource jsonlText(String board, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new JsonlSource("import", List.of(new JsonlSource.Input(board, () -> new ByteArrayInputStream(bytes))));
    }

    /** The URL of a SQLite file in {@code dir}. */
    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("jobintel.db");
    }

    /** Defaults, with the database in {@code dir} and the given batch size. */
    public static Context context(Path dir, Clock clock, int batchSize) {
        return context(sqliteUrl(dir), clock, batchSize);
    }

    /**
     * The Claude classifier against {@code baseUrl} (a local simulator) with short timeouts, the
     * given concurrency and attempts, no budget, and a fake key in the environment.
     */
    public static ClaudeConfig claude(String baseUrl, int concurrency, int maxAttempts, int timeoutSeconds) {
        return new ClaudeConfig("claude-haiku-4-5", baseUrl, 1024, 4096, 6000, timeoutSeconds, maxAttempts, concurrency,
                1_000_000, 1_000_000_000, 1_000_000_000, "5m", null, 1, 10_000);
    }

    public static Context claudeContext(Path dir, Clock clock, ClaudeConfig claude) {
        return claudeContext(sqliteUrl(dir), clock, claude);
    }

    public static Context claudeContext(String databaseUrl, Clock clock, ClaudeConfig claude) {
        JobintelConfig c = JobintelConfig.DEFAULTS.withDatabaseUrl(databaseUrl)
                .withPipeline(new JobintelConfig.Pipeline(100, 2));
        c = c.withClassifier(c.classifier().named("claude").with(claude));
        return Context.load(new LoadedConfig(c, null, Path.of(".")), clock, java.util.Map.of("ANTHROPIC_API_KEY",
                "sk-test-not-a-real-key"));
    }

    public static Context context(String url, Clock clock, int batchSize) {
        JobintelConfig c = JobintelConfig.DEFAULTS.withDatabaseUrl(url)
                .withPipeline(new JobintelConfig.Pipeline(batchSize, 2));
        return Context.load(new LoadedConfig(c, null, Path.of(".")), clock);
    }
}
