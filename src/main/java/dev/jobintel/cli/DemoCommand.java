package dev.jobintel.cli;

import dev.jobintel.classify.eval.DemoLabels;
import dev.jobintel.internal.GzipName;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write out the bundled demo data, to try the other ways in: as a recording, as JSON Lines, or as "
                + "a labelled set.",
                "--recording DIR: the six APIs' responses as a recording, for 'jobintel fetch --replay DIR' with "
                        + "the boards listed in DIR/jobintel.yaml;",
                "--jsonl FILE: the same postings in the JSON Lines import format, for 'jobintel import FILE';",
                "--labels FILE: each distinct job with its known truth as labels, for 'jobintel eval --labels FILE' "
                        + "(the bundled set that '--labels demo' reads)."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--recording", paramLabel = "DIR", description = "Write the API responses as a recording directory.")
    Path recording;

    @Option(names = "--jsonl", paramLabel = "FILE", description = "Write the postings as JSON Lines.")
    Path jsonl;

    @Option(names = "--labels", paramLabel = "FILE", description = "Write the distinct jobs as a labelled set.")
    Path labels;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (recording == null && jsonl == null && labels == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --recording DIR, --jsonl FILE and/or --labels FILE");
        }
        CommandLine cl = spec.commandLine();
        if (recording != null) {
            OutputPaths.directory(cl, "--recording", recording);
            refuseToReplaceAConfig(cl, recording.resolve("jobintel.yaml"));
        }
        if (jsonl != null) {
            OutputPaths.file(cl, "--jsonl", jsonl);
        }
        if (labels != null) {
            OutputPaths.file(cl, "--labels", labels);
        }
        for (Path output : java.util.Arrays.asList(jsonl, labels)) {
            if (output != null && recording != null && OutputPaths.sameFile(output, recording.resolve("jobintel.yaml"))) {
                throw new CommandLine.ParameterException(cl, output + " is the configuration the recording writes");
            }
        }
        if (jsonl != null && labels != null && OutputPaths.sameFile(jsonl, labels)) {
            throw new CommandLine.ParameterException(cl, "--jsonl and --labels name one file (" + jsonl
                    + "): the labelled set would replace the postings");
        }
        var out = cl.getOut();
        if (recording != null) {
            DemoSnapshot snapshot = DemoSnapshot.bundled();
            Path config = recording.resolve("jobintel.yaml");
            write(cl, "--recording", recording, () -> {
                snapshot.export(recording);
                Files.writeString(config, DemoConfig.yaml(snapshot.sources()));
            });
            out.printf("Wrote %,d recorded responses to %s: boards per source %s (Adzuna's: countries searched)%n", snapshot.size(), recording,
                    Summaries.listed(snapshot.boardCounts()));
            out.printf("Try: ./jobintel fetch --config %s --replay %s%n", config, recording);
        }
        if (jsonl != null) {
            write(cl, "--jsonl", jsonl, () -> writeFile(jsonl, DemoDataset.jsonLines()));
            out.printf("Wrote %,d lines to %s%nTry: ./jobintel import %s%n", DemoDataset.postings().size(), jsonl, jsonl);
        }
        if (labels != null) {
            String text = DemoLabels.generate();
            write(cl, "--labels", labels, () -> writeFile(labels, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.printf("Wrote %,d labelled postings to %s%nTry: ./jobintel eval --labels %s%n", text.lines().count(), labels,
                    labels);
        }
        return 0;
    }

    /**
     * The recording's jobintel.yaml is a file the user did not name: given the directory they work
     * in, it would replace their own configuration. Only a demo's own earlier one is replaced.
     */
    private static void refuseToReplaceAConfig(CommandLine cl, Path config) throws IOException {
        if (Files.isRegularFile(config) && !Files.readString(config, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith(DemoConfig.HEADER)) {
            throw new CommandLine.ParameterException(cl, "--recording: " + config + " exists and is not one a demo "
                    + "wrote; give a new or empty directory, so that your configuration is not replaced");
        }
    }

    /**
     * Writes {@code bytes} to {@code file}, gzipped when its name ends in ".gz" (in any case): import and eval read
     * such a name as gzip, and a demo file so named in plain text failed whole there.
     */
    private static void writeFile(Path file, byte[] bytes) throws IOException {
        if (!GzipName.of(file)) {
            Files.write(file, bytes);
            return;
        }
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(bytes);
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    /** Runs {@code writing}; a path the checks passed that still cannot be written is said with its option. */
    private static void write(CommandLine cl, String option, Path path, Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, option + ": cannot write " + path + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
