package dev.jobintel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code jobintel} launcher script, run through bash as a user's shell runs it. */
class LauncherIT {

    @TempDir
    Path dir;

    private static final Path LAUNCHER = Path.of("jobintel").toAbsolutePath();

    private String run(Path launcher) throws IOException, InterruptedException {
        Path log = dir.resolve("launcher.log");
        Process p = new ProcessBuilder("bash", launcher.toString(), "--version").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aLinkToTheLauncherRunsTheCheckoutItPointsTo() throws IOException, InterruptedException {
        // ~/bin/jobintel -> checkout/jobintel: the launcher looked for the jar (and ran Maven) in ~/bin.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path absolute = Files.createSymbolicLink(bin.resolve("jobintel"), LAUNCHER);
        assertThat(run(absolute)).contains("jobintel ");

        // A relative link, and a link to that link.
        Path other = Files.createDirectories(dir.resolve("other"));
        Path relative = Files.createSymbolicLink(other.resolve("ji"), other.relativize(absolute));
        assertThat(run(relative)).contains("jobintel ");

        assertThat(bin.resolve("target")).doesNotExist();
        assertThat(other.resolve("target")).doesNotExist();
    }
}
