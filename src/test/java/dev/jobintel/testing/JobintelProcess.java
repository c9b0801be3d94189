package dev.jobintel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * jobintel as a separate process, the way a user (or cron) runs it: its own JVM, its own
 * environment (secrets are passed here, never in files), killable at any moment.
 */
public final class JobintelProcess {

    /** How a finished process ended. */
    public record Result(int exit, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private JobintelProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code jobintel args…} with {@code env} added to a clean environment (no ANTHROPIC_* from the host). */
    public static JobintelProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        return start(builder(workDir, env, args));
    }

    /** Starts what {@code builder} made, its output kept in files of its working directory. */
    public static JobintelProcess start(ProcessBuilder pb) throws IOException {
        Path workDir = pb.directory().toPath();
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new JobintelProcess(pb.start(), out, err);
    }

    /** How {@code jobintel args…} is started, its output still to be redirected (a pipe by default). */
    public static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
        return builder("512m", workDir, env, args);
    }

    /** {@link #builder(Path, Map, String...)} with the JVM heap capped at {@code maxHeap} ("96m"). */
    public static ProcessBuilder builder(String maxHeap, Path workDir, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Short-lived test processes: the quick-starting JIT tier and the serial collector.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "dev.jobintel.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.startsWith("ADZUNA_")
                || k.startsWith("JOBINTEL_"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to the end (at most two minutes). */
    public static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(workDir, env, args).await(120);
    }

    public Result await(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("jobintel did not finish in " + seconds + " s: " + output());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** SIGTERM, as a service manager stops a process: shutdown hooks run. */
    public Result terminate(long seconds) throws IOException, InterruptedException {
        process.destroy();
        return await(seconds);
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }
}
