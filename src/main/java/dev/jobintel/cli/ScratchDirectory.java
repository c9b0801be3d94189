package dev.jobintel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A temporary directory a benchmark fills with hundreds of megabytes, removed when the benchmark
 * ends however it ends: at close, or, when Ctrl-C or SIGTERM stops the JVM first (a finally block
 * does not run then), by a shutdown hook. (The tests keep one open for a whole JVM, the hook
 * removing it at the end.)
 */
public final class ScratchDirectory implements AutoCloseable {

    private final Path path;
    private final Thread hook;

    private ScratchDirectory(Path path) {
        this.path = path;
        this.hook = new Thread(this::deleteQuietly, "jobintel-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook removes it
        }
        delete(path);
    }

    private void deleteQuietly() {
        // The benchmark runs on while the JVM stops and may make a file after the first pass: a second
        // pass, a moment later, takes what it made.
        for (int pass = 0; pass < 2; pass++) {
            try {
                delete(path);
            } catch (IOException | UncheckedIOException e) {
                // The JVM is stopping: what cannot be removed now stays in the temporary directory.
            }
            if (pass == 0) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
