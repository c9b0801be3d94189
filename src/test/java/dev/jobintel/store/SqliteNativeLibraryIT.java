package dev.jobintel.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar keeps SQLite's native library beside itself instead of unpacking it into the
 * temporary directory at every start (where a killed process left its copy for good), and still
 * works where it cannot keep one.
 */
class SqliteNativeLibraryIT {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    private Path jar;
    private Path tmp;

    @BeforeEach
    void packagedJarInADirectoryOfItsOwn() throws IOException {
        jar = Files.copy(Path.of("target/jobintel.jar"), Files.createDirectories(dir.resolve("app")).resolve("jobintel.jar"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    /** Runs 'db migrate' on a new file with the JVM's temporary directory at {@link #tmp}; its output. */
    private String migrate(String db) throws IOException, InterruptedException {
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(JAVA, "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(),
                "db", "migrate", "--db", dir.resolve(db).toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private List<Path> kept() throws IOException {
        Path root = jar.resolveSibling("sqlite-native");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<String> unpackedInTmp() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("sqlitejdbc")).toList();
        }
    }

    @Test
    void theLibraryIsUnpackedOnceBesideTheJarAndNeverIntoTheTemporaryDirectory() throws Exception {
        migrate("a.db");
        List<Path> kept = kept();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getFileName().toString()).isEqualTo(System.mapLibraryName("sqlitejdbc"));
        long written = Files.getLastModifiedTime(kept.get(0)).toMillis();

        // A second process loads the kept copy as it is; neither left (or made) a copy in the temporary directory.
        Thread.sleep(20);
        migrate("b.db");
        assertThat(kept()).isEqualTo(kept);
        assertThat(Files.getLastModifiedTime(kept.get(0)).toMillis()).isEqualTo(written);
        assertThat(unpackedInTmp()).isEmpty();
    }

    @Test
    void whereNoCopyCanBeKeptTheDriverUnpacksItsOwnAsBeforeAndADamagedCopyIsWrittenAgain() throws Exception {
        // A file where the directory would go: nothing can be kept beside this jar.
        Files.writeString(jar.resolveSibling("sqlite-native"), "not a directory");
        assertThat(migrate("a.db")).doesNotContain("Exception");
        assertThat(unpackedInTmp()).as("the driver's copy, removed at exit").isEmpty();

        // A kept copy damaged on disk is written again, not loaded (the JVM warned about what it found in one).
        Files.delete(jar.resolveSibling("sqlite-native"));
        String clean = migrate("b.db");
        Path copy = kept().get(0);
        long size = Files.size(copy);
        Files.writeString(copy, "damaged");
        assertThat(migrate("c.db")).isEqualTo(clean.replace("b.db", "c.db"));
        assertThat(copy).hasSize(size);
    }
}
