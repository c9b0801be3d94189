package dev.jobintel.cli;

import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.internal.Futures;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.Ledger;
import dev.jobintel.testing.JobintelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
                pipeline: {batch_size: 25, lease_seconds: 1}
                http: {politeness_delay_ms: 0}
                """);

        String base = newDatabase("base");
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
        for (int i = 0; i < triggers.size(); i += stride()) {
            Trigger t = triggers.get(i);
            String db = newDatabase("crash-" + i);
            done.add(pool.submit(() -> {
                killAndRerun(t, db, baselineCalls, expected);
                return null;
            }));
        }
        int killed = 0;
        try {
            for (java.util.concurrent.Future<?> f : done) {
                Futures.await(f, "a kill point"); // a failed assertion is rethrown as it was
                killed++;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(killed).isGreaterThanOrEqualTo(20 / stride());
    }

    /** Every how many of the 22 kill points to use: all of them here. */
    protected int stride() {
        return 1;
    }

    /** A new, empty database for one run; {@link CrashOnPostgresIT} makes them on PostgreSQL. */
    protected String newDatabase(String name) {
        return "jdbc:sqlite:" + dir.resolve(name + ".db");
    }

    /**
     * Between the kill and the rerun. Where workers lease postings (PostgreSQL), the killed
     * process's leases must run out first, as they do for a worker restarted after a crash.
     */
    protected void afterKill() throws InterruptedException {
    }

    /** One kill point: run until the trigger, SIGKILL, rerun to completion, compare with the uninterrupted run. */
    private void killAndRerun(Trigger t, String db, long baselineCalls, Map<String, String> expected) throws Exception {
        try (MessagesSimulator sim = simulator()) {
            JobintelProcess p = run(sim, db);
            assertThat(awaitTrigger(p, db, t)).as("%s: the trigger was not reached", t.label()).isNull();
            p.kill();
            // Requests written to the socket before the kill still reach the server: they were in flight.
            settle(sim);
            long lost = sim.messageCalls() - count(db, "SELECT count(*) FROM llm_calls");
            afterKill();
            JobintelProcess.Result rerun = run(sim, db).await(120);
            assertThat(rerun.exit()).as(t.label() + ": " + rerun.out() + rerun.err()).isZero();
            assertThat(differences(expected, snapshot(db))).as(t.label()).isEmpty();
            try (Database d = Database.open(db, null, null)) {
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

    private JobintelProcess run(MessagesSimulator sim, String db) throws Exception {
        return JobintelProcess.start(dir, Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", sim.baseUrl()),
                "run", "--config", config.toString(), "--replay", recording.toString(),
                "--sources", "greenhouse,lever,ashby,workable,smartrecruiters", "--companies", COMPANIES,
                "--db", db, "--no-progress");
    }

    /** Waits until the server has received and answered everything that was sent before the kill. */
    private static void settle(MessagesSimulator sim) throws InterruptedException {
        int last = -1;
        while (sim.messageCalls() != last || sim.inFlight() > 0) {
            last = sim.messageCalls();
            Thread.sleep(150);
        }
    }

    /**
     * Polls the database the process writes until the trigger holds: null then, else why not (the process
     * ended first, with its output; or a minute went by, with how far it got), so that a slow machine and a
     * broken run read differently.
     */
    private static String awaitTrigger(JobintelProcess p, String db, Trigger t) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long reached = 0;
        while (System.nanoTime() < deadline) {
            if (!p.alive()) {
                return "the run ended first, at " + reached + " of " + t.atLeast() + ": " + p.output();
            }
            try {
                reached = count(db, t.sql());
                if (reached >= t.atLeast()) {
                    return null;
                }
            } catch (IllegalStateException notYet) {
                // the schema is not there yet, or the file is being created
            }
            Thread.sleep(5);
        }
        return "still running after 60 s, at " + reached + " of " + t.atLeast();
    }

    /** The count the query gives; 0 for a SQLite file not created yet. */
    private static long count(String db, String sql) {
        Path file = Database.sqliteFile(db);
        if (file != null && !Files.exists(file)) {
            return 0; // connecting would create the file under the process that is about to
        }
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * The database's meaning, independent of row ids and timestamps: every posting's outcome
     * (a posting linked to a job, as its creator or merged, points to the job by hash — which of
     * two simultaneous sightings creates the job depends on thread timing), every job's
     * classification and posting count with its skills, and the rejects.
     */
    private static Map<String, String> snapshot(String db) {
        try (Database d = Database.open(db, null, null)) {
            return d.read(c -> {
                Map<String, String> out = new TreeMap<>();
                for (String[] row : Jdbc.query(c, "SELECT r.source, r.source_job_id, r.outcome, r.outcome_reason, j.job_hash "
                                + "FROM raw_postings r LEFT JOIN enriched_jobs j ON j.id = r.job_id",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})) {
                    boolean linked = row[2].equals("enriched") || row[2].equals("merged");
                    out.put("posting " + row[0] + ":" + row[1],
                            linked ? "job " + row[4] : row[2] + " " + (row[3] == null ? "" : row[3]));
                }
                Map<Long, List<String>> skills = new TreeMap<>();
                for (Object[] row : Jdbc.query(c, "SELECT job_id, skill FROM job_skills ORDER BY job_id, skill",
                        rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
                    skills.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
                }
                List<String> columns = List.of("family", "subfamily", "seniority", "track", "arrangement", "position_type",
                        "salary_min", "salary_max", "salary_currency", "equity", "years_min", "summary", "classifier",
                        "model", "prompt_version", "defaulted", "raw_count");
                for (String[] row : Jdbc.query(c, "SELECT id, job_hash, " + String.join(", ", columns) + " FROM enriched_jobs",
                        rs -> {
                            StringBuilder v = new StringBuilder();
                            for (int i = 3; i <= columns.size() + 2; i++) {
                                Object o = rs.getObject(i);
                                // Each engine returns numbers in its own types: compare their values.
                                v.append(o instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(o)).append('/');
                            }
                            v.append(String.join(",", skills.getOrDefault(rs.getLong(1), List.of())));
                            return new String[] {rs.getString(2), v.toString()};
                        })) {
                    out.put("job " + row[0], row[1]);
                }
                out.put("rejects", String.valueOf(Jdbc.count(c, "SELECT count(*) FROM rejects")));
                return out;
            });
        }
    }
}
