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
}
