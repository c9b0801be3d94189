package dev.jobintel.cli;

import dev.jobintel.source.demo.DemoGenerator;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.StoreException;
import dev.jobintel.testing.JobintelProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command stopped as Ctrl-C or a service manager stops it: it says what that means, and it is true. */
class InterruptIT {

    @TempDir
    Path dir;

    private static final int POSTINGS = 60_000;

    private long landed(String url) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings"));
        } catch (StoreException schemaNotYetCreated) {
            return 0;
        }
    }

    @Test
    void anInterruptedImportSaysWhatItKeptAndRunningItAgainGoesOn() throws Exception {
        Path file = dir.resolve("postings.jsonl");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DemoGenerator.writeBulk(w, POSTINGS, 1_000, 7);
        }
        Path dbFile = dir.resolve("jobs.db");
        String url = "jdbc:sqlite:" + dbFile;
        JobintelProcess importing = JobintelProcess.start(dir, Map.of(), "import", file.toString(), "--db", dbFile.toString(),
                "--no-progress");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (importing.alive() && System.nanoTime() < deadline
                && (!Files.exists(dbFile) || !Files.exists(dir.resolve("jobs.db-wal")) || landed(url) == 0)) {
            Thread.sleep(50);
        }
        JobintelProcess.Result stopped = importing.terminate(30);
        long kept = landed(url);
        // Stopped part way (stopped as soon as the first batch landed): it says so, and what it wrote stays.
        assertThat(kept).as("stopped part way").isPositive().isLessThan(POSTINGS);
        assertThat(stopped.exit()).isNotZero();
        assertThat(stopped.err()).contains("jobintel import: interrupted").contains("run it again to go on");
        assertThat(JobintelProcess.run(dir, Map.of(), "status", "--check", "--db", dbFile.toString()).exit()).isZero();
        // Its fetch run is not shown as one that ended, whose counts would say the file held what was landed.
        String explained = JobintelProcess.run(dir, Map.of(), "status", "--explain", "--db", dbFile.toString()).out();
        assertThat(explained).contains("1 board fetch not finished (still running, or stopped by Ctrl-C or a crash)");
        // The file's fetch run counts what it landed, as 'status --explain' shows it: not 0 seen and 0 new
        // beside the postings it saw first.
        try (Database db = Database.open(url, null, null)) {
            assertThat((long) db.read(c -> Jdbc.count(c, "SELECT new_count FROM fetch_runs"))).as("new_count").isEqualTo(kept);
            assertThat((long) db.read(c -> Jdbc.count(c, "SELECT seen - rejected FROM fetch_runs"))).as("seen").isEqualTo(kept);
        }

        JobintelProcess.Result again = JobintelProcess.run(dir, Map.of(), "import", file.toString(), "--db",
                dbFile.toString(), "--no-progress");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("interrupted");
        assertThat(landed(url)).isEqualTo(POSTINGS);
        // The next command that writes closed the stopped run as partial.
        explained = JobintelProcess.run(dir, Map.of(), "status", "--explain", "--db", dbFile.toString()).out();
        assertThat(explained).doesNotContain("not finished");
        try (Database db = Database.open(url, null, null)) {
            java.util.List<String> statuses = db.read(c -> Jdbc.query(c, "SELECT status FROM fetch_runs ORDER BY id",
                    rs -> rs.getString(1)));
            assertThat(statuses).containsExactly("partial", "ok");
        }
    }

    @Test
    void anInterruptedBenchmarkRemovesTheHundredsOfMegabytesItWrote() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        JobintelProcess bench = JobintelProcess.start(dir, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "bench", "pipeline", "--postings", "200000", "--no-progress");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (bench.alive() && System.nanoTime() < deadline && !landing(tmp)) {
            Thread.sleep(50);
        }
        assertThat(landing(tmp)).as("stopped while it lands into its scratch database").isTrue();
        JobintelProcess.Result stopped = bench.terminate(30);
        assertThat(stopped.err()).contains("jobintel bench: interrupted");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith("jobintel-bench"));
        }
    }

    /** Whether the benchmark's scratch directory holds its database yet. */
    private static boolean landing(Path tmp) throws java.io.IOException {
        try (var dirs = Files.list(tmp)) {
            return dirs.anyMatch(d -> Files.exists(d.resolve("bench.db")));
        }
    }
}
