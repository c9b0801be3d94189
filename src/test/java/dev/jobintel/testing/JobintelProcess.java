package dev.jobintel.testing;

import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.cli.ScratchDirectory;

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

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String MAIN = "dev.jobintel.cli.Main";
    /** Short-lived test processes: the quick-starting JIT tier and the serial collector. */
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

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
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx" + maxHeap));
        cmd.addAll(ClassData.OPTIONS);
        cmd.add(MAIN);
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

    /**
     * How every process finds jobintel's classes. Under Maven's integration tests the class path
     * holds the packaged jar, as a user runs it; then one training run (the demo snapshot through
     * fetch, gate, the claude classifier against a local server, and the summary) writes a
     * class-data archive of that jar, and every later process maps its classes from the archive
     * instead of loading and verifying them again: a few tenths of a second off each of the
     * hundreds of processes the suite starts. Anything else (classes in a directory, as an IDE
     * runs them; a training run that fails) starts from the plain class path, as before. The
     * archive changes how fast classes load, never which: the JVM checks it against the jar and
     * quietly ignores one that does not match.
     */
    private static final class ClassData {
        static final List<String> OPTIONS = options();

        private static List<String> options() {
            Path jar = packagedJar();
            List<String> plain = new ArrayList<>(FLAGS);
            plain.addAll(List.of("-Xshare:auto", "-cp", jar == null ? System.getProperty("java.class.path") : jar.toString()));
            if (jar == null) {
                return List.copyOf(plain);
            }
            try {
                // Open for as long as this JVM runs: the processes use the archive to the end.
                Path dir = ScratchDirectory.create("jobintel-classes").path();
                Path archive = dir.resolve("jobintel.jsa");
                String failure = train(jar, dir, archive);
                if (failure != null) {
                    System.err.println("JobintelProcess: no class-data archive (" + failure + "); processes load classes from " + jar);
                    return List.copyOf(plain);
                }
                List<String> mapped = new ArrayList<>(FLAGS);
                // Silent: a warning about the archive on standard output would be read as the command's.
                mapped.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-cp", jar.toString()));
                return List.copyOf(mapped);
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                System.err.println("JobintelProcess: no class-data archive (" + e + ")");
                return List.copyOf(plain);
            }
        }

        /** The jar jobintel's own classes come from here, or null when they come from a directory. */
        private static Path packagedJar() {
            try {
                Path p = Path.of(Class.forName(MAIN).getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
            } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
                return null;
            }
        }

        /** Runs the training process that writes {@code archive}; null when it did, else what went wrong. */
        private static String train(Path jar, Path dir, Path archive) throws IOException, InterruptedException {
            Path config = Files.writeString(dir.resolve("train.yaml"), "classifier:\n  name: claude\n"
                    + "  claude: {requests_per_minute: 100000, output_tokens_per_minute: 100000000}\n");
            try (MessagesSimulator sim = MessagesSimulator.start(new RulesResponder())) {
                List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx256m"));
                cmd.addAll(FLAGS);
                cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off", "-cp", jar.toString(), MAIN,
                        "run", "--config", config.toString(), "--companies", "arcadia,hays", "--db",
                        dir.resolve("train.db").toString(), "--no-progress"));
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("train.txt").toFile());
                pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.startsWith("JOBINTEL_"));
                pb.environment().putAll(Map.of("ANTHROPIC_API_KEY", "sk-train", "ANTHROPIC_BASE_URL", sim.baseUrl()));
                Process p = pb.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "the training run took over two minutes";
                }
                if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                    return "the training run exited " + p.exitValue() + ": "
                            + Files.readString(dir.resolve("train.txt"), StandardCharsets.UTF_8);
                }
                return null;
            }
        }
    }
}
