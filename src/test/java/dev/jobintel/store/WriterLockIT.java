package dev.jobintel.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterLockIT {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    @SuppressWarnings("try") // the first writer is closed inside the block on purpose: that is what frees the file
    void aSecondWriterOfASqliteFileIsToldWhoHoldsItUntilTheFirstCloses() {
        String url = "jdbc:sqlite:" + dir.resolve("j.db");
        try (Database first = Database.open(url, null, null); Database second = Database.open(url, null, null)) {
            first.claimWriter(NOW);
            first.claimWriter(NOW); // a second claim by the holder is no claim at all
            assertThatThrownBy(() -> second.claimWriter(NOW))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("j.db is being written by another jobintel process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ", since 2026-11-20T08:00:00Z")
                    .hasMessageContaining("PostgreSQL");
            first.close();
            second.claimWriter(NOW);
        }
    }

    @Test
    void aSymbolicLinkToTheFileMeetsTheSameLock() throws Exception {
        Path file = dir.resolve("j.db");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.db"), file.getFileName());
        try (Database first = Database.open("jdbc:sqlite:" + file, null, null);
             Database second = Database.open("jdbc:sqlite:" + link, null, null)) {
            first.claimWriter(NOW);
            assertThatThrownBy(() -> second.claimWriter(NOW)).isInstanceOf(DatabaseBusyException.class);
        }
    }
}
