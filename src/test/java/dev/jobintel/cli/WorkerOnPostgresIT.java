package dev.jobintel.cli;

import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.Postgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
        awaitNothingPending(db);
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
    void sigtermEndsAWorkersRoundWithTheRequestsInFlightAndGivesTheRestBack() throws Exception {
        // 200 postings, two at a time, half a second each: the round would take 50 s to finish.
        String db = pendingForASlowApi(200, 500);
        Map<String, String> env = claudeEnv();
        JobintelProcess worker = JobintelProcess.start(dir, env, "worker", "--db", db, "--classifier", "claude",
                "--concurrency", "2", "--poll", "1");
        awaitCalls(db, 4);
        JobintelProcess.Result end = worker.terminate(20);
        assertThat(end.out()).contains("Stopped. This worker decided");
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")).isZero();
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isPositive();
        assertThat(jobintel("status", "--db", db, "--check").exit()).isZero();
    }

    @Test
    void anEnrichStoppedByCtrlCGivesItsLeasesBackSoARerunGoesOn() throws Exception {
        String db = pendingForASlowApi(60, 300);
        Map<String, String> env = claudeEnv();
        JobintelProcess enrich = JobintelProcess.start(dir, env, "enrich", "--db", db, "--classifier", "claude",
                "--concurrency", "2", "--no-progress");
        awaitCalls(db, 2);
        assertThat(enrich.terminate(30).exit()).isEqualTo(143);
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")).isZero();
        // Run again at once, it decides the rest instead of finding them all leased to a dead process.
        JobintelProcess.Result again = JobintelProcess.run(dir, env, "enrich", "--db", db, "--classifier", "claude",
                "--concurrency", "8", "--no-progress");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
    }

    @Test
    void statusCountsAPostingInAnOpenBatchOnceThoughTheBatchRunStillLeasesIt() throws Exception {
        RulesResponder model = new RulesResponder();
        sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText()))).batchProcessing(Duration.ofSeconds(60));
        String db = Postgres.freshDatabaseUrl();
        Path file = Fixtures.jsonlFile(dir.resolve("jobs.jsonl"), Fixtures.distinctJobs(0, 30));
        assertThat(JobintelProcess.run(dir, claudeEnv(), "import", file.toString(), "--db", db).exit()).isZero();
        JobintelProcess batch = JobintelProcess.start(dir, claudeEnv(), "enrich", "--db", db, "--classifier", "claude",
                "--batch", "--no-progress");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(db, "SELECT count(*) FROM llm_batches WHERE status = 'in_progress'") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // While it polls, the batch run still holds the leases of the postings its batch holds.
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE batch_id IS NOT NULL AND lease_owner IS NOT NULL"))
                    .isEqualTo(30);
            CliIT.Result explain = jobintel("status", "--db", db, "--explain");
            assertThat(explain.out()).contains("30 pending (of which 30 in open message batches)")
                    .doesNotContain("leased by a worker (");
        } finally {
            batch.kill();
        }
    }

    /** A fresh database with {@code postings} pending, and a Messages server answering each in {@code latencyMs}. */
    private String pendingForASlowApi(int postings, int latencyMs) throws Exception {
        RulesResponder model = new RulesResponder();
        sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText()))).latency(Duration.ofMillis(latencyMs));
        String db = Postgres.freshDatabaseUrl();
        Path file = Fixtures.jsonlFile(dir.resolve("jobs.jsonl"), Fixtures.distinctJobs(0, postings));
        assertThat(JobintelProcess.run(dir, claudeEnv(), "import", file.toString(), "--db", db).exit()).isZero();
        return db;
    }

    private Map<String, String> claudeEnv() {
        return Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl());
    }

    private static void awaitCalls(String db, long calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(db, "SELECT count(*) FROM llm_calls") < calls && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(db, "SELECT count(*) FROM llm_calls")).isGreaterThanOrEqualTo(calls);
    }

    @Test
    void aWorkerWaitsOutADatabaseRestartAndThenDecidesWhatArrived() throws Exception {
        Path data = dir.resolve("pgdata");
        int port = freePort();
        EmbeddedPostgres pg = server(data, port);
        String db = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        JobintelProcess worker = null;
        try {
            assertThat(JobintelProcess.run(dir, Map.of(), "db", "migrate", "--db", db).exit()).isZero();
            worker = JobintelProcess.start(dir, Map.of(), "worker", "--db", db, "--poll", "1");
            awaitOutput(worker, "Nothing to decide");
            pg.close(); // the server goes down under the waiting worker
            awaitOutput(worker, "The database cannot be reached");
            assertThat(worker.alive()).isTrue();
            pg = server(data, port);
            Path file = Fixtures.jsonlFile(dir.resolve("after.jsonl"), Fixtures.distinctJobs(0, 40));
            assertThat(JobintelProcess.run(dir, Map.of(), "import", file.toString(), "--db", db).exit()).isZero();
            awaitOutput(worker, "Decided 40 pending postings");
            JobintelProcess.Result end = worker.terminate(30);
            worker = null;
            assertThat(end.out()).contains("The database is reachable again.").contains("This worker decided 40 postings");
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(40);
        } finally {
            if (worker != null) {
                worker.kill();
            }
            pg.close();
        }
    }

    @Test
    void aDatabaseGoneWhileAnswersArriveIsSaidAndTheirCallsAreWrittenWhenItIsBack() throws Exception {
        Path data = dir.resolve("pgdata");
        int pgPort = freePort();
        EmbeddedPostgres pg = server(data, pgPort);
        String db = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres";
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        RulesResponder model = new RulesResponder();
        // The answers are held until the database is down, so that they arrive (paid for) with nowhere to go.
        sim = MessagesSimulator.start(r -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.tool(model.classify(r.userText()));
        });
        JobintelProcess worker = null;
        try {
            Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl());
            Path cfg = dir.resolve("claude.yaml");
            java.nio.file.Files.writeString(cfg, "classifier:\n  name: claude\n");
            assertThat(JobintelProcess.run(dir, env, "db", "migrate", "--db", db).exit()).isZero();
            Path file = Fixtures.jsonlFile(dir.resolve("jobs.jsonl"), Fixtures.distinctJobs(0, 10));
            assertThat(JobintelProcess.run(dir, env, "import", file.toString(), "--db", db).exit()).isZero();
            worker = JobintelProcess.start(dir, env, "worker", "--db", db, "--config", cfg.toString(), "--poll", "1");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sim.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sim.inFlight()).as("requests in flight").isPositive();
            pg.close();
            answer.countDown();
            // The worker's round waits on the cost ledger: it says so rather than looking hung.
            awaitOutput(worker, "the answers paid for wait to be written");
            assertThat(worker.alive()).isTrue();
            pg = server(data, pgPort);
            awaitOutput(worker, "The database is reachable again; the model calls that waited are in the cost ledger.");
            awaitNothingPending(db);
            JobintelProcess.Result end = worker.terminate(30);
            worker = null;
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(10);
            assertThat(count(db, "SELECT count(*) FROM llm_calls"))
                    .as("every answer paid for is in the cost ledger: " + end.out()).isEqualTo(sim.messageCalls());
        } finally {
            answer.countDown();
            if (worker != null) {
                worker.kill();
            }
            pg.close();
        }
    }

    @Test
    void aWorkerWaitsOutAnApiThatCannotBeReachedAndFailsNothing() throws Exception {
        int port = freePort();
        String db = Postgres.freshDatabaseUrl();
        JobintelProcess worker = claudeWorker(db, port, 20, "1");
        try {
            awaitOutput(worker, "cannot reach the Claude API");
            assertThat(worker.alive()).as("an API outage is waited out, as a database's is").isTrue();
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
            RulesResponder model = new RulesResponder();
            sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText())), port);
            awaitOutput(worker, "The Claude API answers again.");
            awaitNothingPending(db);
            JobintelProcess.Result end = worker.terminate(30);
            worker = null;
            assertThat(end.out()).contains("This worker decided 20 postings");
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(20);
            assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
        } finally {
            if (worker != null) {
                worker.kill();
            }
        }
    }

    @Test
    void anOutageIsLookedAtAgainWithinAMinuteHoweverLongTheIdlePoll() throws Exception {
        // Little arrives, so it looks every ten minutes when idle; an outage is not waited out ten minutes at a time.
        JobintelProcess worker = claudeWorker(Postgres.freshDatabaseUrl(), freePort(), 5, "600");
        try {
            awaitOutput(worker, "trying again in");
            assertThat(worker.output()).contains("trying again in 60 s").doesNotContain("trying again in 600 s");
        } finally {
            worker.kill();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * A claude worker with {@code --poll poll} on {@code db}, holding {@code postings} distinct pending jobs, its
     * Messages API at {@code port} on this machine (nothing listens there until a test starts a server), one attempt a request.
     */
    private JobintelProcess claudeWorker(String db, int port, int postings, String poll) throws Exception {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", "http://127.0.0.1:" + port);
        Path cfg = dir.resolve("claude.yaml");
        java.nio.file.Files.writeString(cfg, "classifier:\n  name: claude\n  claude: {max_attempts: 1}\n");
        assertThat(JobintelProcess.run(dir, env, "db", "migrate", "--db", db).exit()).isZero();
        Path file = Fixtures.jsonlFile(dir.resolve("jobs.jsonl"), Fixtures.distinctJobs(0, postings));
        assertThat(JobintelProcess.run(dir, env, "import", file.toString(), "--db", db).exit()).isZero();
        return JobintelProcess.start(dir, env, "worker", "--db", db, "--config", cfg.toString(), "--poll", poll);
    }

    /** A server of this test's own, on a data directory that outlives it: stopped and started again, it keeps its rows. */
    private static EmbeddedPostgres server(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    /** Until no posting is pending, for up to a minute (the assertions after it say what a timeout left). */
    private static void awaitNothingPending(String db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(db, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static void awaitOutput(JobintelProcess p, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!p.output().contains(text)) {
            if (System.nanoTime() > deadline || !p.alive()) {
                throw new AssertionError("no '" + text + "' from the worker: " + p.output());
            }
            Thread.sleep(100);
        }
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
