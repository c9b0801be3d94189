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

        JobintelProcess.Result again = JobintelProcess.run(dir, Map.of(), "import", file.toString(), "--db",
                dbFile.toString(), "--no-progress");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("interrupted");
        assertThat(landed(url)).isEqualTo(POSTINGS);
    }
}
