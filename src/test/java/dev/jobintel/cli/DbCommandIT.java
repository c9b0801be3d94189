package dev.jobintel.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/** db check and db export, on the demo run. */
class DbCommandIT {

    @TempDir
    Path dir;

    private String demo() {
        String db = Fixtures.sqliteUrl(dir);
        assertThat(jobintel("run", "--db", db, "--no-progress").exit()).isZero();
        return db;
    }

    private static List<String> column(String url, String sql) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.query(c, sql, rs -> rs.getString(1))).stream().sorted().toList();
        }
    }

    @Test
    void checkTellsASoundDatabaseFromABrokenLedgerAndFromADamagedSchema() throws Exception {
        String db = demo();
        CliIT.Result sound = jobintel("db", "check", "--db", db);
        assertThat(sound.exit()).isZero();
        assertThat(sound.out()).contains("Database: sound").contains("Ledger: every invariant holds.");

        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE enriched_jobs SET raw_count = raw_count + 5 WHERE id = (SELECT min(id) FROM enriched_jobs)");
        }
        CliIT.Result ledger = jobintel("db", "check", "--db", db);
        assertThat(ledger.exit()).as(ledger.out()).isEqualTo(Main.INVARIANT_BROKEN);
        assertThat(ledger.out()).contains("Database: sound").contains("Ledger: invariants BROKEN")
                .contains("every enriched job's raw_count equals the postings linked to it: 1 rows");

        // Someone edited an applied migration's record: this version cannot trust the schema.
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        }
        CliIT.Result damaged = jobintel("db", "check", "--db", db);
        assertThat(damaged.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(damaged.out()).contains("Database: DAMAGED").contains("migration 2")
                .contains("restore the database from a copy").doesNotContain("run repair");
    }

    @Test
    void aDamagedSchemaThatIsAlsoBehindIsNotGivenFlywaysRemedies() throws Exception {
        String db = demo();
        // An older version's database (its last upgrade not applied yet) whose applied migration was edited.
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history)");
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        }
        for (String[] command : List.of(new String[] {"db", "check"}, new String[] {"db", "migrate"},
                new String[] {"status"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db));
            CliIT.Result r = jobintel(args.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isEqualTo(Main.DATABASE_ERROR);
            assertThat(r.err()).as(args.toString()).contains("checksum mismatch for migration version 2")
                    .contains("restore the database from a copy").doesNotContain("run repair")
                    .doesNotContain("red-gate.com");
        }
    }

    @Test
    void aMigrationsRecordRemovedFromTheHistoryIsNamedWithoutFlywaysOptions() throws Exception {
        String db = demo();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '5'");
        }
        for (String[] command : List.of(new String[] {"db", "check"}, new String[] {"db", "migrate"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db));
            CliIT.Result r = jobintel(args.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isEqualTo(Main.DATABASE_ERROR);
            // Flyway's command-line options are no jobintel user's remedy: -outOfOrder would run migration 5 again.
            assertThat(r.out() + r.err()).as(args.toString()).contains("migration 5")
                    .contains("schema history").contains("restore the database from a copy")
                    .doesNotContain("outOfOrder").doesNotContain("ignoreMigrationPatterns").doesNotContain("red-gate.com");
        }
    }

    @Test
    void aSchemaALaterVersionWroteIsNamedNotUsedBlindly() throws Exception {
        String db = demo();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', "
                    + "'V99__future.sql', 1, 'later', 1, 1)");
        }
        for (String[] command : List.of(new String[] {"db", "check"}, new String[] {"status"}, new String[] {"run"},
                new String[] {"db", "migrate"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db));
            CliIT.Result r = jobintel(args.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isEqualTo(Main.DATABASE_ERROR);
            assertThat(r.err()).contains("has schema version 99, newer than this jobintel knows (");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAtOnceNotWaitedOn() throws Exception {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "shopping list: milk, eggs, a better job tracker\n".repeat(200));
        String url = "jdbc:sqlite:" + notes;
        for (String[] args : List.of(new String[] {"status", "--db", url}, new String[] {"db", "check", "--db", url},
                new String[] {"run", "--db", url, "--no-progress"})) {
            long t0 = System.nanoTime();
            CliIT.Result r = jobintel(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.DATABASE_ERROR);
            assertThat(r.err()).contains("notes.db is not a jobintel database SQLite can open").doesNotContain("\tat ");
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(5);
        }
        assertThat(Files.readString(notes)).as("the file is left as it was").startsWith("shopping list");
    }

    @Test
    void aDirectoryGivenAsTheDatabaseIsNamedAtOnceNotWaitedOn() {
        for (String[] args : List.of(new String[] {"status", "--db", dir.toString()},
                new String[] {"report", "--db", dir.toString()}, new String[] {"run", "--db", dir.toString(), "--no-progress"})) {
            long t0 = System.nanoTime();
            CliIT.Result r = jobintel(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.DATABASE_ERROR);
            assertThat(r.err()).contains(dir + " is a directory, not a SQLite database file").doesNotContain("\tat ");
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(5);
        }
    }

    @Test
    void pagesDamagedOnDiskAreReportedAsDamageNotAsAFailedRead() throws Exception {
        String db = demo();
        Path file = Database.sqliteFile(db);
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        // A disk that lost a stretch of the file: the engine's own check stops part way on it.
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[16 * 8192]);
        }
        CliIT.Result r = jobintel("db", "check", "--db", db);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(r.out()).contains("Database: DAMAGED").contains("pragma_integrity_check: ").contains("malformed");
        assertThat(r.err()).doesNotContain("read failed");
    }

    @Test
    void aRowDeletedBehindTheForeignKeysIsDamageTheEngineFinds() throws Exception {
        String db = demo();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM enriched_jobs WHERE id = (SELECT min(id) FROM enriched_jobs)");
        }
        CliIT.Result r = jobintel("db", "check", "--db", db);
        assertThat(r.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(r.out()).contains("Database: DAMAGED").contains("pragma_foreign_key_check: table=raw_postings")
                .contains("every enriched or merged posting points to an existing enriched job");
    }

    @Test
    void jobsExportAsCsvWithEveryColumnInItsPlaceAndAsJsonLines() throws Exception {
        String db = demo();
        long jobs = column(db, "SELECT id FROM enriched_jobs").size();
        // An hourly rate stated to the tenth of a cent: an export gives the amount as stored, not a report's share.
        try (Database d = Database.open(db, null, null)) {
            d.inTransaction(c -> Jdbc.update(c, "UPDATE enriched_jobs SET salary_min = 18.125, salary_max = 20.005, "
                    + "salary_currency = 'EUR', salary_period = 'hour' WHERE id = (SELECT min(id) FROM enriched_jobs)"));
        }
        CliIT.Result csv = jobintel("db", "export", "jobs", "--format", "csv", "--db", db);
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.err()).contains("Exported " + Summaries.n(jobs) + " jobs.");
        int rows = 0;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                // A job with no remote scope still has its family in the family column.
                assertThat(row.get("family")).isIn("software_engineering", "data", "product", "design", "delivery",
                        "out_of_scope");
                assertThat(row.get("job_hash")).hasSize(32);
                if (rows == 0) {
                    assertThat(List.of(row.get("salary_min"), row.get("salary_max"))).containsExactly("18.125", "20.005");
                }
                rows++;
            }
        }
        assertThat(rows).isEqualTo(jobs);

        Path out = dir.resolve("jobs.jsonl");
        assertThat(jobintel("db", "export", "jobs", "--out", out.toString(), "--db", db).exit()).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize((int) jobs);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("skills").isArray()).isTrue();

        // A file named .csv is written as CSV without --format (it was JSON Lines in a .csv file), gzipped for .gz.
        Path csvFile = dir.resolve("jobs.csv.gz");
        assertThat(jobintel("db", "export", "jobs", "--out", csvFile.toString(), "--db", db).exit()).isZero();
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(csvFile));
             MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            assertThat(it.readAll()).hasSize((int) jobs).allSatisfy(row -> assertThat(row.get("job_hash")).hasSize(32));
        }
        // A format the name contradicts is a usage error, before anything is written.
        Path contradicted = dir.resolve("other.csv");
        CliIT.Result mixed = jobintel("db", "export", "jobs", "--format", "jsonl", "--out", contradicted.toString(), "--db", db);
        assertThat(mixed.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(mixed.err()).contains("--format is jsonl");
        assertThat(contradicted).doesNotExist();

        // Where the file cannot go is a usage error naming the path, before the database is read.
        CliIT.Result noDir = jobintel("db", "export", "jobs", "--out", dir.resolve("no/such/jobs.jsonl").toString(),
                "--db", db);
        assertThat(noDir.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(noDir.err()).contains("there is no directory " + dir.resolve("no/such"));
        CliIT.Result aDir = jobintel("db", "export", "jobs", "--out", dir.toString(), "--db", db);
        assertThat(aDir.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(aDir.err()).contains("is a directory");
    }

    @Test
    void anExportNeverReplacesTheDatabaseAndFollowsALinkToTheFileItNames() throws Exception {
        String db = demo();
        Path file = java.nio.file.Path.of(db.substring("jdbc:sqlite:".length()));
        long size = java.nio.file.Files.size(file);
        for (Path out : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            CliIT.Result r = jobintel("db", "export", "jobs", "--out", out.toString(), "--db", db);
            assertThat(r.exit()).as(out.toString()).isEqualTo(Main.CONFIG_ERROR);
            assertThat(r.err()).contains("SQLite database");
        }
        assertThat(java.nio.file.Files.size(file)).isEqualTo(size);
        assertThat(jobintel("status", "--check", "--db", db).exit()).isZero();

        Path real = dir.resolve("real.jsonl");
        java.nio.file.Files.writeString(real, "old\n");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.jsonl"), real);
        assertThat(jobintel("db", "export", "jobs", "--out", link.toString(), "--db", db).exit()).isZero();
        assertThat(java.nio.file.Files.isSymbolicLink(link)).isTrue();
        assertThat(java.nio.file.Files.readAllLines(real)).hasSize(column(db, "SELECT id FROM enriched_jobs").size());
        // A link to a file not there yet: the file is made, the link kept.
        Path later = dir.resolve("later.jsonl");
        Path dangling = java.nio.file.Files.createSymbolicLink(dir.resolve("dangling.jsonl"), later);
        assertThat(jobintel("db", "export", "jobs", "--out", dangling.toString(), "--db", db).exit()).isZero();
        assertThat(java.nio.file.Files.isSymbolicLink(dangling)).isTrue();
        assertThat(java.nio.file.Files.exists(later)).isTrue();
    }

    @Test
    void anEmptyDatabaseExportsTheCsvHeader() {
        String db = Fixtures.sqliteUrl(dir);
        assertThat(jobintel("db", "migrate", "--db", db).exit()).isZero();
        CliIT.Result csv = jobintel("db", "export", "jobs", "--format", "csv", "--db", db);
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().strip()).startsWith("id,job_hash,company,title,").endsWith(",skills").doesNotContain("\n");
    }

    @Test
    void aReportOnANewlyMigratedDatabaseKnowsItsCitiesAndFamiliesAndCountsNoJobs() {
        String db = Fixtures.sqliteUrl(dir);
        assertThat(jobintel("db", "migrate", "--db", db).exit()).isZero();
        CliIT.Result r = jobintel("report", "cities", "--city", "London", "--family", "data", "--db", db, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"jobs\" : 0");
    }

    @Test
    void anExportToAnOutputThatFailsSaysSoInsteadOfExported() {
        String db = demo();
        // Standard output on a full disk: every write fails, and PrintWriter only remembers it.
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }));
        cl.setErr(new java.io.PrintWriter(err, true));
        int exit = cl.execute("db", "export", "postings", "--db", db);
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("could not all be written").doesNotContain("Exported");
    }

    @Test
    void anExportWhoseReaderLeavesStopsQuietlyAsAPipelineExpects() throws Exception {
        String db = demo();
        Path err = dir.resolve("export-err.txt");
        // `jobintel db export postings | head -1`: the reader takes one line and closes the pipe.
        Process export = JobintelProcess.builder(dir, Map.of(), "db", "export", "postings", "--db", db)
                .redirectError(err.toFile()).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(export.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).startsWith("{");
        }
        assertThat(export.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // No error for a reader that had what it wanted, and no "Exported" for rows no one read.
        assertThat(Files.readString(err)).isEmpty();
        assertThat(export.exitValue()).isEqualTo(141);
    }

    @Test
    void theSameDatabaseExportsTheSameFileAndARepeatedIdIsOneRejectWhateverTheRun() throws Exception {
        // Each run is its own JVM, and a posting's extra hints sit in a map whose order changes from one JVM
        // to the next: a line written as the map iterates was another line in every run.
        StringBuilder extra = new StringBuilder();
        for (String key : new String[] {"requisition_id", "Career Site Categories", "team", "Visa sponsorship", "level",
                "cost_center", "Industry", "function"}) {
            extra.append(extra.length() == 0 ? "" : ",").append('"').append(key).append("\":\"").append(key).append(" value\"");
        }
        Path file = dir.resolve("repeated.jsonl");
        Files.writeString(file, """
                {"source":"import","id":"r1","url":"https://example.com/r1","company":"Acme","title":"Data Engineer","description":"%s","hints":{"extra":{%s}}}
                {"source":"import","id":"r1","url":"https://example.com/r1","company":"Acme","title":"Backend Engineer","description":"%s","hints":{"extra":{%s}}}
                """.formatted(Fixtures.DESCRIPTION, extra, Fixtures.DESCRIPTION, extra));
        String db = Fixtures.sqliteUrl(dir);
        for (int run = 0; run < 3; run++) {
            assertThat(JobintelProcess.run(dir, Map.of(), "import", file.toString(), "--db", db, "--no-progress").exit())
                    .isZero();
        }
        assertThat(column(db, "SELECT reason || ' seen ' || times_seen FROM rejects")).containsExactly("repeated_id seen 3");

        JobintelProcess.Result first = JobintelProcess.run(dir, Map.of(), "db", "export", "postings", "--db", db);
        JobintelProcess.Result second = JobintelProcess.run(dir, Map.of(), "db", "export", "postings", "--db", db);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("requisition_id").isEqualTo(second.out());
    }

    @Test
    void anExportNamedGzInCapitalsIsGzipAndImportsBack() throws Exception {
        // "ALL.JSONL.GZ" was taken for JSON Lines by its name but written as plain text, which import (reading
        // any ".gz" name as gzip, in any case) then failed whole: "Input is not in the .gz format".
        String db = Fixtures.sqliteUrl(dir);
        Path in = Fixtures.jsonlFile(dir.resolve("in.jsonl"), Fixtures.distinctJobs(0, 5));
        assertThat(jobintel("import", in.toString(), "--db", db, "--no-progress").exit()).isZero();
        Path all = dir.resolve("ALL.JSONL.GZ");
        CliIT.Result exported = jobintel("db", "export", "postings", "--out", all.toString(), "--db", db);
        assertThat(exported.exit()).as(exported.err()).isZero();
        try (var gz = new java.util.zip.GZIPInputStream(Files.newInputStream(all))) {
            assertThat(new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(5);
        }
        String other = "jdbc:sqlite:" + dir.resolve("other.db");
        CliIT.Result imported = jobintel("import", all.toString(), "--db", other, "--no-progress");
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        String postings = "SELECT source || ':' || source_job_id || ' ' || content_hash FROM raw_postings";
        assertThat(column(other, postings)).hasSize(5).isEqualTo(column(db, postings));
    }

    @Test
    void anExportToStandardOutputInThePosixLocaleKeepsEveryCharacter() throws Exception {
        String db = demo();
        Path file = dir.resolve("postings.jsonl");
        assertThat(jobintel("db", "export", "postings", "--out", file.toString(), "--db", db).exit()).isZero();
        // `jobintel db export postings > all.jsonl` from cron or a container, where no locale is set: the JVM's
        // charset for standard output is then ASCII, and "Zürich" must not arrive as "Z?rich".
        JobintelProcess.Result piped = JobintelProcess.run(dir, Map.of("LC_ALL", "C", "LANG", "C"),
                "db", "export", "postings", "--db", db, "--no-progress");
        assertThat(piped.exit()).as(piped.err()).isZero();
        String exported = Files.readString(file);
        assertThat(exported).contains("Zürich");
        assertThat(piped.out()).contains("Zürich").doesNotContain("Z?rich");
        ObjectMapper json = new ObjectMapper();
        List<Object> fromFile = new java.util.ArrayList<>();
        List<Object> fromPipe = new java.util.ArrayList<>();
        for (String line : exported.split("\n")) {
            fromFile.add(json.readTree(line));
        }
        for (String line : piped.out().split("\n")) {
            fromPipe.add(json.readTree(line));
        }
        assertThat(fromPipe).isEqualTo(fromFile);
    }

    @Test
    void postingsExportedFromSqliteImportIntoPostgresAndBecomeTheSameJobs() {
        String sqlite = demo();
        Path all = dir.resolve("all.jsonl.gz");
        CliIT.Result exported = jobintel("db", "export", "postings", "--out", all.toString(), "--db", sqlite);
        assertThat(exported.exit()).as(exported.err()).isZero();

        String postgres = Postgres.freshDatabaseUrl();
        assertThat(jobintel("import", all.toString(), "--db", postgres, "--no-progress").exit()).isZero();
        assertThat(jobintel("enrich", "--db", postgres, "--no-progress").exit()).isZero();
        String postings = "SELECT source || ':' || source_job_id || ' ' || outcome FROM raw_postings";
        assertThat(column(postgres, postings)).isEqualTo(column(sqlite, postings));
        assertThat(column(postgres, "SELECT job_hash FROM enriched_jobs"))
                .isEqualTo(column(sqlite, "SELECT job_hash FROM enriched_jobs"));
    }
}
