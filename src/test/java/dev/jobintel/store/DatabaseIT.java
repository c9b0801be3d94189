package dev.jobintel.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseIT {

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheNewestBundledMigration() throws IOException {
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/db/migration"));
             Stream<Path> java = Files.list(Path.of("src/main/java/db/migration"))) {
            int newest = Stream.concat(sql, java).map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.(sql|java)"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aPostingStoredWithANulInItsIdIsFoundUnderItsNewFormAfterTheUpgrade() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v7.db");
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .placeholders(new SqliteDialect().placeholders()).mixed(true).target("7").load().migrate();
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.prepareStatement(
                "INSERT INTO raw_postings (source, source_job_id, company, title, content_hash, job_hash, place, "
                        + "first_seen, last_seen) VALUES ('lever', ?, 'Acme', 'Data Engineer', 'c', 'j', 'p', 1, 1)")) {
            st.setString(1, "a\u0000b");
            st.executeUpdate();
        }
        try (Database db = Database.open(url, null, null)) {
            assertThat(db.migrateIfBehind()).as("every migration after 7").isEqualTo(Database.SCHEMA_VERSION - 7);
            // What a posting with that id now is, in memory and in every lookup.
            String id = new dev.jobintel.posting.Posting("lever", "a\u0000b", null, "Acme", "Data Engineer", null, "",
                    null, null).sourceJobId();
            long found = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE source = 'lever' "
                    + "AND source_job_id = ?", id));
            assertThat(found).isEqualTo(1);
        }
    }

    @Test
    void anotherProgramsDatabaseOrAHalfMadeUpgradeIsSaidInJobintelsWordsNotFlywaysAdvice() throws Exception {
        String foreign = "jdbc:sqlite:" + dir.resolve("foreign.db");
        try (var c = java.sql.DriverManager.getConnection(foreign); var st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INTEGER)");
        }
        try (Database db = Database.open(foreign, null, null)) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(db::migrate)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("holds tables jobintel did not make").hasMessageNotContaining("baseline");
        }
        String half = "jdbc:sqlite:" + dir.resolve("half.db");
        try (Database db = Database.open(half, null, null)) {
            db.migrate();
            db.inTransaction(c -> Jdbc.update(c, "UPDATE flyway_schema_history SET success = 0 WHERE version = '7'"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(db::migrate)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("a schema upgrade that failed part way").hasMessageNotContaining("repair");
        }
    }

    @Test
    void migratesAFreshFileThenSkipsFlywayWhileTheSchemaIsCurrent() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"), null, null)) {
            assertThat(db.schemaCurrent()).isFalse();
            assertThat(db.migrateIfBehind()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(db.schemaCurrent()).isTrue();
            assertThat(db.migrateIfBehind()).isZero();
            // A failed migration recorded in the history is Flyway's to judge, never skipped.
            db.inTransaction(c -> Jdbc.update(c, "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'"));
            assertThat(db.schemaCurrent()).isFalse();
        }
    }

    @Test
    void version7GivesTheRequestsOfABatchOpenAtTheUpgradeTheContentHashTheirPostingsHold() {
        String url = "jdbc:sqlite:" + dir.resolve("v6.db");
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration").placeholders(Dialect.forUrl(url).placeholders()).mixed(true)
                .target("6").load().migrate();
        try (Database db = Database.open(url, null, null)) {
            db.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO raw_postings (id, source, source_job_id, company, title, content_hash, job_hash, "
                        + "place, first_seen, last_seen) VALUES (1, 'lever', 'a', 'Acme', 'Data Engineer', 'hash-1', 'job-1', "
                        + "'ber', 0, 0)");
                Jdbc.update(c, "INSERT INTO llm_batches (id, model, prompt_version, status, request_count, created_at) "
                        + "VALUES (1, 'claude-haiku-4-5', 'v', 'in_progress', 1, 0)");
                return Jdbc.update(c, "INSERT INTO llm_batch_items (batch_id, raw_posting_id, custom_id, content_key) "
                        + "VALUES (1, 1, 'p1', 'key-of-an-older-formula')");
            });
            assertThat(db.migrateIfBehind()).isEqualTo(Database.SCHEMA_VERSION - 6);
            assertThat(db.read(c -> LlmBatches.items(c, 1)).get("p1").contentHash()).isEqualTo("hash-1");
        }
    }

    @Test
    void version11KeepsThePostingsOfABoardFetchedUnderAnotherSpellingOfItsSlugOnIt() {
        String url = "jdbc:sqlite:" + dir.resolve("v10.db");
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration").placeholders(Dialect.forUrl(url).placeholders()).mixed(true)
                .target("10").load().migrate();
        try (Database db = Database.open(url, null, null)) {
            // Fetched while the configuration spelled the board 'Acme'; it spells it 'acme' now.
            db.inTransaction(c -> Jdbc.update(c, "INSERT INTO raw_postings (id, source, source_job_id, company, title, "
                    + "content_hash, job_hash, place, first_seen, last_seen, board) VALUES (1, 'greenhouse', '7', 'Acme', "
                    + "'Data Engineer', 'c', 'j', 'lon', 0, 0, 'Acme')"));
            assertThat(db.migrateIfBehind()).isEqualTo(Database.SCHEMA_VERSION - 10);
            int closed = db.inTransaction(c -> RawPostings.closeAbsent(c, "greenhouse", "acme", 99, 1));
            assertThat(closed).as("absent from the board's complete fetch, whichever spelling it was fetched under")
                    .isEqualTo(1);
        }
    }

    @Test
    void aSecretThatAppearsInTheFilesPathIsMaskedWhenShownButTheFileIsTheOneOpened() throws IOException {
        dev.jobintel.internal.Secrets.register("pathword-0042");
        Path file = Files.createDirectories(dir.resolve("pathword-0042")).resolve("c.db");
        try (Database db = Database.open("jdbc:sqlite:" + file, null, null)) {
            db.claimWriter(java.time.Instant.parse("2026-11-29T00:00:00Z"));
            db.migrateIfBehind();
            assertThat(db.url()).doesNotContain("pathword-0042");
        }
        assertThat(file).exists();
        assertThat(dir.resolve("pathword-0042").resolve("c.db-writer.lock")).exists();
    }

    @Test
    void writersOnlyAppendToTheLogWhileABackgroundThreadCopiesItIntoTheFile() throws Exception {
        Path file = dir.resolve("b.db");
        try (Database db = Database.open("jdbc:sqlite:" + file, null, null)) {
            db.inTransaction(c -> Jdbc.update(c, "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            String body = "x".repeat(4_000);
            for (int batch = 0; batch < 10; batch++) {
                db.inTransaction(c -> {
                    for (int i = 0; i < 500; i++) {
                        Jdbc.update(c, "INSERT INTO filler (body) VALUES (?)", body);
                    }
                    return null;
                });
            }
            // 20 MB written is far below SQLite's own checkpoint threshold (256 MB of log), so
            // only the background checkpoints can have moved it into the database file.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(file) < 20_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file)).isGreaterThan(20_000_000L);
        }
    }
}
