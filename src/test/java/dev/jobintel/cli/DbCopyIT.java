package dev.jobintel.cli;

import dev.jobintel.store.Database;
import dev.jobintel.store.DatabaseCopy;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobintel db copy}: a team's SQLite file moved to PostgreSQL (and back) holds every row it
 * held — outcomes, jobs, first and last seen, closed postings, rejects, fetch runs — so that the
 * copy answers as the original did and nothing is decided again.
 */
class DbCopyIT {

    @TempDir
    Path dir;

    @Test
    void aDatabaseCopiedToPostgresAndBackHoldsEveryRowAndDecidesNothingAgain() throws Exception {
        String sqlite = Fixtures.sqliteUrl(dir);
        assertThat(jobintel("run", "--db", sqlite, "--no-progress").exit()).isZero();
        // History an export and import would lose: a posting its board no longer lists.
        try (Database db = Database.open(sqlite, null)) {
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET closed_at = last_seen WHERE id = 3"));
        }
        String postgres = Postgres.freshDatabaseUrl();
        CliIT.Result copy = jobintel("db", "copy", "--db", sqlite, "--to", postgres, "--no-progress");
        assertThat(copy.exit()).as(copy.out() + copy.err()).isZero();
        assertThat(copy.out()).contains("The ledger adds up in the copy: 1,510 raw postings, 1,308 jobs.");
        assertThat(rows(sqlite)).hasSizeGreaterThan(10_000);
        assertThat(rows(postgres)).isEqualTo(rows(sqlite));
        assertThat(report(postgres, "employers")).isEqualTo(report(sqlite, "employers"));

        // And back, into a new file.
        String back = "jdbc:sqlite:" + dir.resolve("back.db");
        assertThat(jobintel("db", "copy", "--db", postgres, "--to", back, "--no-progress").exit()).isZero();
        assertThat(rows(back)).isEqualTo(rows(sqlite));

        // The copy goes on where the original was: nothing to decide again, and new rows get new ids.
        CliIT.Result again = jobintel("run", "--db", postgres, "--no-progress");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing new");
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, "{\"source\":\"import\",\"id\":\"x1\",\"url\":\"https://example.com/x1\",\"company\":\"Acme\","
                + "\"title\":\"Data Engineer\"}\n");
        assertThat(jobintel("import", "--db", postgres, one.toString(), "--no-progress").exit()).isZero();
        assertThat(jobintel("status", "--db", postgres, "--check").exit()).isZero();
    }

    @Test
    void aWorkersLeaseInTheSourceIsNoOnesInTheCopy() throws Exception {
        String sqlite = Fixtures.sqliteUrl(dir);
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, "{\"source\":\"import\",\"id\":\"x1\",\"url\":\"https://example.com/x1\",\"company\":\"Acme\","
                + "\"title\":\"Data Engineer\"}\n");
        assertThat(jobintel("import", "--db", sqlite, one.toString(), "--no-progress").exit()).isZero();
        // A worker of the source holds the pending posting, for an hour yet.
        long hour = System.currentTimeMillis() + 3_600_000;
        try (Database db = Database.open(sqlite, null)) {
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_owner = 'host:1:a', lease_until = ?", hour));
        }
        String copy = "jdbc:sqlite:" + dir.resolve("copy.db");
        assertThat(jobintel("db", "copy", "--db", sqlite, "--to", copy, "--no-progress").exit()).isZero();

        // That worker never sees the copy: a worker started on it decides the posting now, not in an hour.
        try (Database db = Database.open(copy, null)) {
            assertThat((long) db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")))
                    .isZero();
        }
        try (Database db = Database.open(sqlite, null)) {
            assertThat((long) db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")))
                    .as("the source keeps its worker's lease").isEqualTo(1);
        }
    }

    @Test
    void longDescriptionsAreCopiedInBatchesASmallHeapHolds() throws Exception {
        // 120 postings of a megabyte each: in one batch of rows they would need more than the 96 MB heap.
        String sqlite = Fixtures.sqliteUrl(dir);
        Path big = dir.resolve("big.jsonl");
        String megabyte = "Build data pipelines in Python and SQL for our analytics platform. ".repeat(15_000);
        try (var out = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 120; i++) {
                out.write("{\"source\":\"import\",\"id\":\"b" + i + "\",\"url\":\"https://example.com/b" + i
                        + "\",\"company\":\"Acme\",\"title\":\"Data Engineer " + i + "\",\"description\":\""
                        + megabyte + "\"}\n");
            }
        }
        assertThat(jobintel("import", "--db", sqlite, big.toString(), "--no-progress").exit()).isZero();
        String copy = "jdbc:sqlite:" + dir.resolve("copy.db");

        JobintelProcess.Result result = JobintelProcess.start(
                JobintelProcess.builder("96m", dir, Map.of(), "db", "copy", "--db", sqlite, "--to", copy, "--no-progress"))
                .await(120);

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(rows(copy)).isEqualTo(rows(sqlite));
    }

    @Test
    void aTargetHoldingPostingsIsRefusedAndLeftAsItWas() {
        String sqlite = Fixtures.sqliteUrl(dir);
        assertThat(jobintel("run", "--db", sqlite, "--no-progress").exit()).isZero();
        String other = "jdbc:sqlite:" + dir.resolve("other.db");
        assertThat(jobintel("db", "copy", "--db", sqlite, "--to", other, "--no-progress").exit()).isZero();
        List<String> before = rows(other);
        CliIT.Result twice = jobintel("db", "copy", "--db", sqlite, "--to", other, "--no-progress");
        assertThat(twice.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(twice.err()).contains("already holds data").contains("copy into a new, empty database");
        assertThat(rows(other)).isEqualTo(before);

        CliIT.Result itself = jobintel("db", "copy", "--db", sqlite, "--to", dir.resolve("jobintel.db").toString());
        assertThat(itself.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(itself.err()).contains("--to names the database being copied");
    }

    @Test
    void aSourceThatBrokeTheSchemasRulesIsNamedAsTheCauseWithTheCommandsThatFindAndRepairIt() throws Exception {
        String sqlite = Fixtures.sqliteUrl(dir);
        Path two = dir.resolve("two.jsonl");
        Files.writeString(two, """
                {"source":"import","id":"x1","url":"https://example.com/x1","company":"Acme","title":"Data Engineer","description":"%s"}
                {"source":"import","id":"x2","url":"https://example.com/x2","company":"Acme","title":"Backend Engineer","description":"%s"}
                """.formatted(Fixtures.DESCRIPTION, Fixtures.DESCRIPTION));
        assertThat(jobintel("import", "--db", sqlite, two.toString(), "--no-progress").exit()).isZero();
        assertThat(jobintel("enrich", "--db", sqlite, "--no-progress").out()).contains("2 enriched");
        // A job deleted by hand with foreign keys off (SQLite's default for a plain connection):
        // its postings and skills point to nothing.
        try (var c = java.sql.DriverManager.getConnection(sqlite); var st = c.createStatement()) {
            st.execute("DELETE FROM enriched_jobs WHERE id = (SELECT min(id) FROM enriched_jobs)");
        }
        String target = "jdbc:sqlite:" + dir.resolve("copy.db");
        CliIT.Result copy = jobintel("db", "copy", "--db", sqlite, "--to", target, "--no-progress");
        assertThat(copy.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(copy.err()).contains("the source's rows break a rule of the schema")
                .contains("'jobintel db check'").contains("'jobintel backfill'").doesNotContain("\tat ");
        assertThat(rows(target)).noneMatch(row -> row.startsWith("raw_postings|"));

        assertThat(jobintel("backfill", "--db", sqlite, "--no-progress").exit()).isZero();
        CliIT.Result repaired = jobintel("db", "copy", "--db", sqlite, "--to", target, "--no-progress");
        assertThat(repaired.exit()).as(repaired.out() + repaired.err()).isZero();
        assertThat(rows(target)).isEqualTo(rows(sqlite));
    }

    @Test
    void everyTableOfTheSchemaIsCopiedOnBothEngines() {
        // A later migration's table must be added to the copy, in its foreign keys' order.
        for (String url : List.of(Fixtures.sqliteUrl(dir), Postgres.freshDatabaseUrl())) {
            try (Database db = Database.open(url, null)) {
                db.migrate();
                List<String> tables = db.read(c -> {
                    List<String> names = new ArrayList<>();
                    try (var rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                        while (rs.next()) {
                            String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                            if (!name.equals("flyway_schema_history") && !name.startsWith("sqlite_")) {
                                names.add(name);
                            }
                        }
                    }
                    return names;
                });
                assertThat(tables).as(url).containsExactlyInAnyOrderElementsOf(DatabaseCopy.TABLES);
            }
        }
    }

    /** Every row of every table as text, numbers alike whatever the engine's type, sorted in Java. */
    private static List<String> rows(String url) {
        try (Database db = Database.open(url, null)) {
            return db.read(c -> {
                List<String> out = new ArrayList<>();
                for (String table : DatabaseCopy.TABLES) {
                    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder sb = new StringBuilder(table);
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                sb.append('|').append(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT))
                                        .append('=').append(v instanceof Integer || v instanceof Long
                                                ? Long.toString(((Number) v).longValue()) : String.valueOf(v));
                            }
                            out.add(sb.toString());
                        }
                    }
                }
                return out.stream().sorted().toList();
            });
        }
    }

    private static String report(String url, String question) {
        CliIT.Result r = jobintel("report", question, "--format", "csv", "--limit", "1000", "--db", url);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().lines().sorted().toList().toString();
    }
}
