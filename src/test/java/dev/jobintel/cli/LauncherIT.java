package dev.jobintel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    /** What a start of the launcher printed, each stream on its own. */
    private record Printed(String out, String err) {
    }

    private Printed start(Path launcher) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder("bash", launcher.toString(), "--version").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Printed printed = new Printed(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(p.exitValue()).as(printed.toString()).isZero();
        return printed;
    }

    @Test
    void theFirstStartAfterABuildWritesAClassDataArchiveAndAnArchiveThatDoesNotFitChangesNothing() throws Exception {
        // A checkout of its own: the launcher and the packaged jar, no sources (so nothing to rebuild).
        Path target = Files.createDirectories(dir.resolve("checkout/target"));
        Path launcher = Files.copy(LAUNCHER, dir.resolve("checkout/jobintel"));
        Path jar = Files.copy(Path.of("target/jobintel.jar"), target.resolve("jobintel.jar"));
        Path archive = target.resolve("jobintel.jsa");

        Printed first = start(launcher);
        assertThat(first.out()).startsWith("jobintel ");
        assertThat(first.err()).contains("writing a class-data archive");
        assertThat(archive).isNotEmptyFile();

        // Written once per build: the next start only maps it, and says nothing about it.
        Printed second = start(launcher);
        assertThat(second).isEqualTo(new Printed(first.out(), ""));

        // One that does not fit is ignored without a word on either stream, where the JVM's warning would be
        // read as part of a command's output: a jar put in place with its time kept (cp -p from another build)
        // is older than the archive, which the JVM finds was made from a different one...
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() - 3_600_000));
        assertThat(start(launcher)).isEqualTo(new Printed(first.out(), ""));
        // ...and a damaged file.
        Files.writeString(archive, "not a class-data archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(start(launcher)).isEqualTo(new Printed(first.out(), ""));
    }
}
