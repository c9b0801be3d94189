package dev.jobintel.cli;

import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/** jobintel worker as an operator runs it: several processes on one PostgreSQL database, stopped with SIGTERM. */
class WorkerOnPostgresIT {

    @TempDir
    Path dir;

    private MessagesSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void twoWorkersClassifyWhatArrivesOnceEachAndStopCleanlyOnSigterm() throws Exception {
        RulesResponder model = new RulesResponder();
        sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText()))).latency(Duration.ofMillis(30));
        String db = Postgres.freshDatabaseUrl();
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl());
        assertThat(JobintelProcess.run(dir, env, "db", "migrate", "--db", db).exit()).isZero();
        List<JobintelProcess> workers = List.of(
                JobintelProcess.start(dir, env, "worker", "--db", db, "--classifier", "claude", "--poll", "1"),
                JobintelProcess.start(dir, env, "worker", "--db", db, "--classifier", "claude", "--poll", "1"));

        // Work arrives while they wait, in two deliveries.
        for (int part = 0; part < 2; part++) {
            Path file = Fixtures.jsonlFile(dir.resolve("part" + part + ".jsonl"),
                    Fixtures.distinctJobs(part * 150, (part + 1) * 150));
            assertThat(JobintelProcess.run(dir, env, "import", file.toString(), "--db", db).exit()).isZero();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(300);

        long decided = 0;
        for (JobintelProcess w : workers) {
            assertThat(w.alive()).as("a worker waits for more work").isTrue();
            JobintelProcess.Result r = w.terminate(30);
            assertThat(r.out()).contains("jobintel worker ").contains("Stopped. This worker decided");
            assertThat(r.err()).doesNotContain("Exception");
            Matcher m = Pattern.compile("This worker decided ([\\d,]+) postings").matcher(r.out());
            assertThat(m.find()).isTrue();
            decided += Long.parseLong(m.group(1).replace(",", ""));
        }
        assertThat(decided).isEqualTo(300);
        assertThat(sim.messageCalls()).as("one call per posting across both workers").isEqualTo(300);
        assertThat(count(db, "SELECT count(*) FROM llm_calls")).isEqualTo(300);
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")).isZero();
        assertThat(jobintel("status", "--db", db, "--check").exit()).isZero();
    }

    @Test
    void onASqliteFileTheWorkerSaysToUseEnrichInstead() {
        CliIT.Result r = jobintel("worker", "--db", Fixtures.sqliteUrl(dir));
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("a SQLite file takes one writing process").contains("jobintel enrich");
    }

    private static long count(String url, String sql) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.count(c, sql));
        }
    }
}
