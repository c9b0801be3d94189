package dev.jobintel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.classify.claude.sim.SimRequest;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model breaks on purpose: a seeded mix of explicit nulls, malformed JSON, 429, 529, 500,
 * 400 and hanging requests on well over 30% of calls. After `enrich` then `retry`, run as a user
 * runs them, nothing is pending, every failure is one a retry cannot fix, and the ledger's
 * invariants hold.
 */
class FaultInjectionIT {

    private static final long SEED = 20261129L;

    @TempDir
    Path dir;

    private final RulesResponder model = new RulesResponder();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private MessagesSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    /** The posting's own text: the first user message, also in a re-ask. */
    private static String posting(SimRequest r) {
        JsonNode content = r.body().get("messages").get(0).get("content");
        return content.isTextual() ? content.asText() : content.get(0).get("text").asText();
    }

    /** 0–99, fixed per posting for a given seed. */
    private static int kind(String posting) {
        return (int) Math.floorMod(posting.hashCode() * 31L + SEED, 100L);
    }

    private Answer answer(SimRequest r) {
        String text = posting(r);
        boolean reAsk = r.body().get("messages").size() > 1;
        int attempt = reAsk ? 0 : attempts.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
        int kind = kind(text);
        Answer a = fault(kind, attempt, reAsk, text);
        answers.incrementAndGet();
        if (a != null) {
            faults.incrementAndGet();
            return a;
        }
        return Answer.tool(model.classify(text));
    }

    /** The fault for this posting and attempt, or null for a clean answer. */
    private Answer fault(int kind, int attempt, boolean reAsk, String text) {
        if (kind < 55) {
            return null;
        }
        if (kind < 60) {
            // Explicit nulls every time: re-asked once, then failed(invalid_output).
            return Answer.tool(model.classify(text).putNull("family").putNull("subfamily"));
        }
        if (kind < 65) {
            return reAsk ? null : Answer.text("{\"family\": \"data\", \"subfamily\": ");
        }
        if (kind < 70) {
            return reAsk ? null : Answer.tool(model.classify(text).put("family", (String) null));
        }
        if (kind < 76) {
            return attempt <= 2 ? Answer.error(429, "rate_limit_error", "rate limited", Map.of("retry-after", "0")) : null;
        }
        if (kind < 82) {
            return attempt <= 2 ? Answer.error(529, "overloaded_error", "Overloaded") : null;
        }
        if (kind < 88) {
            return attempt <= 2 ? Answer.error(500, "api_error", "Internal server error") : null;
        }
        if (kind < 93) {
            return Answer.error(400, "invalid_request_error", "messages.0.content: invalid");
        }
        return attempt == 1 ? Answer.hang() : null;
    }

    /** The database the test runs on; {@link FaultInjectionOnPostgresIT} runs it on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    @Test
    void afterEnrichThenRetryNothingIsPendingAndEveryFailureIsFinal() throws Exception {
        sim = MessagesSimulator.start(this::answer);
        Path file = Fixtures.jsonlFile(dir.resolve("postings.jsonl"), Fixtures.distinctJobs(0, 300));
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, """
                classifier:
                  name: claude
                  claude: {max_attempts: 2, timeout_seconds: 1, concurrency: 8, requests_per_minute: 100000,
                           output_tokens_per_minute: 100000000}
                """);
        String db = databaseUrl();
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl());

        assertThat(JobintelProcess.run(dir, env, "import", file.toString(), "--db", db).exit()).isZero();
        JobintelProcess.Result enrich = JobintelProcess.run(dir, env, "enrich", "--config", cfg.toString(), "--db", db,
                "--no-progress");
        assertThat(enrich.exit()).as(enrich.err()).isZero();
        long retryableAfterEnrich = count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed' AND retryable = 1");
        assertThat(retryableAfterEnrich).isPositive();

        JobintelProcess.Result retry = JobintelProcess.run(dir, env, "retry", "--config", cfg.toString(), "--db", db,
                "--no-progress");
        assertThat(retry.exit()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("Re-queued " + retryableAfterEnrich + " postings");

        assertThat((double) faults.get() / answers.get()).as("share of faulty answers").isGreaterThanOrEqualTo(0.30);
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed' AND retryable <> 0")).isZero();
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed'"))
                .isEqualTo(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed' "
                        + "AND outcome_reason IN ('invalid_output', 'bad_request')"));
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isGreaterThan(200);
        JobintelProcess.Result check = JobintelProcess.run(dir, env, "status", "--check", "--db", db);
        assertThat(check.exit()).as(check.out()).isZero();
        // Every request is in the cost ledger, answered or not.
        assertThat(count(db, "SELECT count(*) FROM llm_calls")).isEqualTo(sim.messageCalls());
    }

    private static long count(String url, String sql) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.count(c, sql));
        }
    }
}
