package dev.jobintel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/** What fetch says about a --replay it cannot use, before any board is asked. */
class FetchOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aReplayGivenAFileSaysItIsAFileNotThatNothingIsThere() throws IOException {
        Path config = Files.writeString(dir.resolve("jobintel.yaml"),
                "sources:\n  greenhouse:\n    boards: [{slug: acme, name: Acme}]\n");
        Path file = Files.writeString(dir.resolve("postings.jsonl"), "");
        String db = "jdbc:sqlite:" + dir.resolve("jobintel.db");

        CliIT.Result fetch = jobintel("fetch", "--config", config.toString(), "--replay", file.toString(), "--db", db);
        assertThat(fetch.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(fetch.err()).contains("--replay: " + file + " is a file, not a directory")
                .doesNotContain("no such directory");

        CliIT.Result missing = jobintel("fetch", "--config", config.toString(), "--replay",
                dir.resolve("nothing").toString(), "--db", db);
        assertThat(missing.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(missing.err()).contains("--replay: no such directory: " + dir.resolve("nothing"));
    }
}
