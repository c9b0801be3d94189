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
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
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
