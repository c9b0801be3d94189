package dev.jobintel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Explanation;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The ledger at this moment: raw postings by outcome and reason, overall and per source, "
                + "with the invariant check (raw postings = sum of outcomes; every job has a posting; every merged "
                + "posting points to an existing job of its hash; counts and reasons recorded)."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the ledger as JSON.")
    boolean json;

    @Option(names = "--check", description = "Exit with code 4 when an invariant does not hold.")
    boolean check;

    @Option(names = "--explain", description = "For every outcome and reason: how many, examples, and the command "
            + "that acts on them; then what became of each recent fetch run's postings, and which boards failed and why.")
    boolean explain;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "3",
            description = "Examples per outcome and reason with --explain (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Recent fetch runs shown with --explain (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (examples < 0 || runs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    (examples < 0 ? "--examples" : "--runs") + " must be 0 or more");
        }
        var parsed = spec.commandLine().getParseResult();
        if (!explain && (parsed.hasMatchedOption("--examples") || parsed.hasMatchedOption("--runs"))) {
            // Without --explain there are no examples or runs to shape: the option would do nothing (incident 29).
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    (parsed.hasMatchedOption("--examples") ? "--examples" : "--runs") + " shapes what --explain shows; "
                            + "add --explain");
        }
        LoadedConfig lc = common.loadConfig();
        Database opened = CommonOptions.openForReading(lc, spec.commandLine().getErr(), Database.Caching.SINGLE_PASS);
        if (opened == null) {
            return Main.DATABASE_ERROR;
        }
        try (Database db = opened) {
            Explanation.Explained both = explain ? Explanation.read(db, examples, runs) : null;
            // Failing boards are told apart by whether the configuration still names them (and where).
            var configured = dev.jobintel.source.SourceFactory.configuredBoards(lc.config());
            StatusReport s = (both != null ? both.status() : StatusReport.read(db)).withConfiguredBoards(configured);
            Explanation e = both != null ? both.explanation() : null;
            if (both != null) {
                both = new Explanation.Explained(s, e);
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                // The record, not a Map.of: an immutable map's order changes from one JVM to the next.
                out.println(mapper.writeValueAsString(both == null ? s : both));
            } else if (e != null) {
                Summaries.explain(out, s, e);
                out.println();
                Summaries.bySource(out, s);
                out.println();
                Summaries.modelCalls(out, s);
                if (!s.failingBoards().isEmpty()) {
                    // Which boards the runs above failed, and why: the runs' table only counts them.
                    Summaries.boards(out, s.failingBoards(), System.currentTimeMillis());
                    out.println();
                }
                Summaries.invariants(out, s);
            } else {
                Summaries.ledger(out, s);
                out.println();
                Summaries.bySource(out, s);
                out.println();
                Summaries.fetches(out, s.fetches());
                out.println();
                Summaries.modelCalls(out, s);
                if (!s.failingBoards().isEmpty()) {
                    Summaries.boards(out, s.failingBoards(), System.currentTimeMillis());
                    out.println();
                }
                Summaries.invariants(out, s);
            }
            return check && !s.consistent() ? Main.INVARIANT_BROKEN : 0;
        }
    }
}
