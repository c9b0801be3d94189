package dev.jobintel.cli;

import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.Ledger;
import dev.jobintel.testing.JobintelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident 4, and the promise itself: jobintel is killed with SIGKILL at 22 points across fetch
 * and enrich — real adapters replaying recorded boards, the claude classifier against a local
 * Messages server — then run again to completion. Every time the final database matches an
 * uninterrupted run (same outcomes, same jobs, nothing lost, nothing twice, no orphan job), and
 * the model calls paid in all exceed the uninterrupted run's by at most the calls in flight at
 * the kill.
 */
class CrashIT {

    private static final String COMPANIES = "arcadia,helios,greenleaf,hays,harveynash,NovaGrid,Oakridge,marlowfinch,"
            + "quantia,kestrel,lumenlabs,northwind";

    @TempDir
    Path dir;

    /** What a kill point waits for before the kill. */
    private record Trigger(String label, String sql, long atLeast) {
    }

    private Path config;
    private Path recording;

    @Test
    void killedAtAnyPointTheRerunReachesTheSameDatabaseAsAnUninterruptedRun() throws Exception {
        recording = dir.resolve("rec");
        JobintelProcess.Result demo = JobintelProcess.run(dir, Map.of(), "demo", "--recording", recording.toString());
        assertThat(demo.exit()).as(demo.err()).isZero();
        String sources = Files.readString(recording.resolve("jobintel.yaml"));
        config = dir.resolve("crash.yaml");
        Files.writeString(config, sources.substring(sources.indexOf("sources:")) + """
                classifier:
                  name: claude
                  claude: {concurrency: 16, requests_per_minute: 100000, output_tokens_per_minute: 100000000}
                pipeline: {batch_size: 25}
                http: {politeness_delay_ms: 0}
                """);

        Path base = dir.resolve("base.db");
        long baselineCalls;
        Map<String, String> expected;
        try (MessagesSimulator sim = simulator()) {
            JobintelProcess.Result r = run(sim, base).await(120);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            baselineCalls = sim.messageCalls();
            expected = snapshot(base);
        }
        long raw = count(base, "SELECT count(*) FROM raw_postings");
        assertThat(raw).isGreaterThan(100);
        assertThat(baselineCalls).isGreaterThan(50);

        List<Trigger> triggers = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            triggers.add(new Trigger("fetch, " + k * 9 + "% landed", "SELECT count(*) FROM raw_postings", raw * k * 9 / 100));
        }
        for (int k = 1; k <= 12; k++) {
            triggers.add(new Trigger("enrich, " + k * 8 + "% of the calls recorded", "SELECT count(*) FROM llm_calls",
                    Math.max(1, baselineCalls * k * 8 / 100)));
        }
        // Two kill points at a time (each with its own database and server): the machine has two cores.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            Path db = dir.resolve("crash-" + i + ".db");
            done.add(pool.submit(() -> {
                killAndRerun(t, db, baselineCalls, expected);
                return null;
            }));
        }
        int killed = 0;
        try {
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                killed++;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(killed).isGreaterThanOrEqualTo(20);
    }

    /** One kill point: run until the trigger, SIGKILL, rerun to completion, compare with the uninterrupted run. */
    private void killAndRerun(Trigger t, Path db, long baselineCalls, Map<String, String> expected) throws Exception {
        try (MessagesSimulator sim = simulator()) {
            JobintelProcess p = run(sim, db);
            assertThat(awaitTrigger(p, db, t)).as("%s: the run ended before the trigger", t.label()).isTrue();
            p.kill();
            // Requests written to the socket before the kill still reach the server: they were in flight.
            settle(sim);
            long lost = sim.messageCalls() - count(db, "SELECT count(*) FROM llm_calls");
            JobintelProcess.Result rerun = run(sim, db).await(120);
            assertThat(rerun.exit()).as(t.label() + ": " + rerun.out() + rerun.err()).isZero();
            assertThat(differences(expected, snapshot(db))).as(t.label()).isEmpty();
            try (Database d = Database.open("jdbc:sqlite:" + db, null, null)) {
                assertThat(d.read(Ledger::check)).as(t.label()).isEmpty();
            }
            assertThat((long) sim.messageCalls()).as(t.label() + ": calls paid").isLessThanOrEqualTo(baselineCalls + lost);
        }
    }

    /** What differs between two snapshots, key by key (a readable failure instead of two huge maps). */
    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(expected.get(k), actual.get(k))) {
                out.add(k + ": expected " + expected.get(k) + ", got " + actual.get(k));
            }
        }
        return out.size() > 10 ? out.subList(0, 10) : out;
    }

    private static MessagesSimulator simulator() {
        return MessagesSimulator.start(new RulesResponder()).latency(Duration.ofMillis(10));
    }

    private JobintelProcess run(MessagesSimulator sim, Path db) throws Exception {
        return JobintelProcess.start(dir, Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl()),
                "run", "--config", config.toString(), "--replay", recording.toString(),
                "--sources", "greenhouse,lever,ashby,workable,smartrecruiters", "--companies", COMPANIES,
                "--db", "jdbc:sqlite:" + db, "--no-progress");
    }

    /** Waits until the server has received and answered everything that was sent before the kill. */
    private static void settle(MessagesSimulator sim) throws InterruptedException {
        int last = -1;
        while (sim.messageCalls() != last || sim.inFlight() > 0) {
            last = sim.messageCalls();
            Thread.sleep(150);
        }
    }

    /** Polls the database the process writes until the trigger holds; false if the process ended first. */
    private static boolean awaitTrigger(JobintelProcess p, Path db, Trigger t) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.alive()) {
                return false;
            }
            if (Files.exists(db)) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                     Statement s = c.createStatement(); ResultSet rs = s.executeQuery(t.sql())) {
                    if (rs.next() && rs.getLong(1) >= t.atLeast()) {
                        return true;
                    }
                } catch (SQLException notYet) {
                    // the schema is not there yet, or the file is being created
                }
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static long count(Path db, String sql) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * The database's meaning, independent of row ids and timestamps: every posting's outcome
     * (a posting linked to a job, as its creator or merged, points to the job by hash — which of
     * two simultaneous sightings creates the job depends on thread timing), every job's
     * classification and posting count with its skills, and the rejects.
     */
    private static Map<String, String> snapshot(Path db) {
        try (Database d = Database.open("jdbc:sqlite:" + db, null, null)) {
            return d.read(c -> {
                Map<String, String> out = new TreeMap<>();
                for (String[] row : Jdbc.query(c, "SELECT r.source || ':' || r.source_job_id, "
                                + "CASE WHEN r.outcome IN ('enriched', 'merged') THEN 'job ' || j.job_hash ELSE r.outcome "
                                + "|| ' ' || coalesce(r.outcome_reason, '') END "
                                + "FROM raw_postings r LEFT JOIN enriched_jobs j ON j.id = r.job_id",
                        rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                    out.put("posting " + row[0], row[1]);
                }
                for (String[] row : Jdbc.query(c, "SELECT job_hash, family || '/' || subfamily || '/' || seniority || '/' "
                                + "|| track || '/' || arrangement || '/' || position_type || '/' || coalesce(salary_min, '') "
                                + "|| '-' || coalesce(salary_max, '') || coalesce(salary_currency, '') || '/' || equity "
                                + "|| '/' || coalesce(years_min, '') || '/' || summary || '/' || classifier || '/' "
                                + "|| coalesce(model, '') || '/' || prompt_version || '/' || defaulted || '/' || raw_count "
                                + "|| '/' || coalesce((SELECT group_concat(skill, ',') FROM (SELECT skill FROM job_skills s "
                                + "WHERE s.job_id = enriched_jobs.id ORDER BY skill)), '') FROM enriched_jobs",
                        rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                    out.put("job " + row[0], row[1]);
                }
                out.put("rejects", String.valueOf(Jdbc.count(c, "SELECT count(*) FROM rejects")));
                return out;
            });
        }
    }
}
