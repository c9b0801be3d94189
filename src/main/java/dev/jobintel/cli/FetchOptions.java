package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.source.demo.DemoSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How {@code fetch} and {@code run} choose and reach their sources. */
final class FetchOptions {

    @Option(names = "--sources", split = ",", paramLabel = "NAME",
            description = "Only these sources (comma-separated): greenhouse, lever, ashby, workable, smartrecruiters, adzuna.")
    List<String> sources;

    @Option(names = "--companies", split = ",", paramLabel = "SLUG",
            description = "Only these boards (comma-separated slugs or display names), fetched even when backed off "
                    + "after repeated failures.")
    List<String> companies;

    @Option(names = "--record", paramLabel = "DIR", description = "Save every response exactly as received in DIR.")
    Path record;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Serve the fetch from a recording in DIR instead of the network.")
    Path replay;

    /** The chosen sources and the factory that owns their HTTP resources (close it after the fetch). */
    record Selection(SourceFactory factory, List<JobSource> sources, boolean demo) {
    }

    boolean narrowed() {
        return sources != null || companies != null;
    }

    /** Whether boards are named one by one (--companies): those are fetched whatever their back-off. */
    boolean boardsNamed() {
        return companies != null;
    }

    /** The configured sources, narrowed by --sources and --companies. */
    Selection configured(CommandLine cl, Context ctx) {
        checkNamed(cl);
        if (record != null && replay != null && record.toAbsolutePath().normalize().equals(replay.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(cl, "--record and --replay cannot be the same directory");
        }
        if (replay != null && !Files.isDirectory(replay)) {
            // A file there is not "no such directory": say what it is, and what a recording is.
            throw new CommandLine.ParameterException(cl, Files.exists(replay)
                    ? "--replay: " + replay + " is a file, not a directory: give the directory 'fetch --record' "
                            + "(or 'demo --recording') wrote"
                    : "--replay: no such directory: " + replay);
        }
        checkRecord(cl);
        SourceFactory factory = SourceFactory.create(ctx.config(), record, replay);
        checkCompanies(cl, factory);
        return new Selection(factory, factory.sources(names(cl), boards()), false);
    }

    /** The bundled demo snapshot, replayed through the real adapters. */
    Selection demo(CommandLine cl) {
        checkNamed(cl);
        if (replay != null) {
            throw new CommandLine.ParameterException(cl, "--replay needs sources configured to know which boards to ask for");
        }
        checkRecord(cl);
        DemoSnapshot snapshot = DemoSnapshot.bundled();
        SourceFactory factory = SourceFactory.create(dev.jobintel.config.JobintelConfig.DEFAULTS.withSources(snapshot.sources()),
                record, snapshot).withAdzunaCredentials("demo", "demo");
        checkCompanies(cl, factory);
        return new Selection(factory, factory.sources(names(cl), boards()), true);
    }

    /**
     * The --record directory, created now: a directory that cannot be written is the user's to fix
     * before any board is asked, not a failure of every board that answered.
     */
    private void checkRecord(CommandLine cl) {
        if (record == null) {
            return;
        }
        OutputPaths.directory(cl, "--record", record);
    }

    /**
     * "--companies ," splits into no names at all, which would otherwise mean "not narrowed" and
     * fetch every board: a list given must name something, and every entry must be a name.
     */
    private void checkNamed(CommandLine cl) {
        named(cl, "--sources", sources);
        named(cl, "--companies", companies);
    }

    private static void named(CommandLine cl, String option, List<String> names) {
        if (names != null && (names.isEmpty() || names.stream().anyMatch(String::isBlank))) {
            throw new CommandLine.ParameterException(cl, option + " needs names separated by commas, got an empty one");
        }
    }

    /** A --companies entry that names no board is a mistake to say, not a board to skip quietly (incident 29). */
    private void checkCompanies(CommandLine cl, SourceFactory factory) {
        List<String> unknown = factory.unknownCompanies(boards());
        if (unknown.isEmpty()) {
            // Each named board must also be of a source --sources keeps: else it is named and never fetched.
            Set<String> only = names(cl);
            List<String> left = factory.unknownCompanies(boards(), only);
            if (left.isEmpty()) {
                return;
            }
            factory.close();
            throw new CommandLine.ParameterException(cl, "--companies: " + left.stream()
                    .map(c -> "'" + c + "' is a board of " + String.join(", ", factory.sourcesOf(c)))
                    .collect(java.util.stream.Collectors.joining("; ")) + ", which --sources " + String.join(",", only)
                    + " leaves out");
        }
        factory.close();
        List<String> known = factory.boardNames();
        String some = known.isEmpty() ? "none are configured"
                : "configured: " + String.join(", ", known.subList(0, Math.min(8, known.size())))
                + (known.size() > 8 ? ", … (" + known.size() + " in all)" : "");
        throw new CommandLine.ParameterException(cl, "--companies: no board is " + unknown.stream()
                .map(u -> "'" + u + "'").collect(java.util.stream.Collectors.joining(" or ")) + " (" + some + ")");
    }

    private Set<String> names(CommandLine cl) {
        Set<String> names = new LinkedHashSet<>();
        if (sources != null) {
            for (String s : sources) {
                String n = s.strip().toLowerCase(Locale.ROOT);
                if (!SourceFactory.NAMES.contains(n)) {
                    throw new CommandLine.ParameterException(cl, "unknown source '" + s + "' (known: "
                            + String.join(", ", SourceFactory.NAMES) + ")");
                }
                names.add(n);
            }
        }
        return names;
    }

    private Set<String> boards() {
        Set<String> boards = new LinkedHashSet<>();
        if (companies != null) {
            companies.forEach(c -> boards.add(c.strip()));
        }
        return boards;
    }
}
