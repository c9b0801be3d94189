package dev.jobintel.cli;

import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.report.JobFilter;
import dev.jobintel.report.MarketReports;
import dev.jobintel.report.Report;
import dev.jobintel.report.ReportFormat;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Answer market questions from the classified jobs, each distinct job counted once: "
                + "demand (jobs by role), cities, skills, pay (stated pay per year, by family, seniority and "
                + "currency), arrangements (on site, hybrid, remote), remote (where remote jobs may be done), employers, trends "
                + "(new jobs per week), jobs (the newest jobs, each with a link to a posting).",
                "Without a question, all of them. Narrow every answer with --city, --family, --since, --open, "
                        + "--remote and --area."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "QUESTION", completionCandidates = Questions.class,
            description = "One of: ${COMPLETION-CANDIDATES} (default: all of them).")
    String question;

    @Option(names = "--city", paramLabel = "CITY", description = "Only jobs in this city (its name, e.g. 'New York', or code).")
    String city;

    @Option(names = "--family", paramLabel = "FAMILY", description = "Only jobs of this family (code or name, e.g. data).")
    String family;

    @Option(names = "--since", paramLabel = "DATE", description = "Only jobs new on or after DATE (2026-11-01, or a time: 2026-11-01T09:00+01:00, UTC when no offset), in every report "
            + "dated as trends and jobs date them: by the earliest date their boards gave, else when jobintel first saw them.")
    String since;

    @Option(names = "--open", description = "Only jobs still open: with a posting still on its board.")
    boolean open;

    @Option(names = "--remote", description = "Only jobs that may be done remotely: fully remote, or remote as "
            + "well as at an office ('London or Remote (UK)').")
    boolean remote;

    @Option(names = "--area", paramLabel = "AREA", description = "Only jobs in this area, as the gate's location "
            + "filters take it, by code or name: a city (lon, London), a country (DE, Germany), a region (europe), "
            + "'remote', or a remote scope (remote-europe: jobs that may be done remotely from somewhere in Europe).")
    String area;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}); csv takes one question.")
    String format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "15",
            description = "Rows per report at most (default: ${DEFAULT-VALUE}); arrangements adds its total "
                    + "line, all (every selected job), after them.")
    int limit;

    @Spec
    CommandSpec spec;

    /** The questions, for --help and shell completion. */
    static final class Questions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return MarketReports.QUESTIONS.iterator();
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (question != null && !MarketReports.QUESTIONS.contains(question)) {
            throw new CommandLine.ParameterException(cl, "no report '" + question + "' (reports: "
                    + String.join(", ", MarketReports.QUESTIONS) + ")");
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(cl, "--limit must be 1 or more");
        }
        ReportFormat fmt;
        try {
            fmt = ReportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (fmt == ReportFormat.CSV && question == null) {
            throw new CommandLine.ParameterException(cl, "--format csv writes one report: name the question, "
                    + "e.g. 'jobintel report skills --format csv'");
        }
        Long sinceMillis = since == null ? null : BackfillCommand.parse(cl, since);
        LoadedConfig lc = common.loadConfig();
        LocationResolver places = new LocationResolver(Context.gazetteer(lc));
        Database opened = CommonOptions.openForReading(lc, cl.getErr(), Database.Caching.SINGLE_PASS);
        if (opened == null) {
            return Main.DATABASE_ERROR;
        }
        try (Database db = opened) {
            List<Report> reports = db.read(c -> {
                JobFilter f;
                try {
                    f = JobFilter.resolve(c, places, () -> Context.taxonomy(lc).families(), new JobFilter.Asked(city, family, sinceMillis, open, remote, area));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
                return MarketReports.answer(c, question == null ? MarketReports.QUESTIONS : List.of(question), f, limit);
            });
            fmt.write(cl.getOut(), reports, scope());
            cl.getOut().flush();
            return 0;
        }
    }

    /** The filter as given, for the reports' headings and JSON. */
    private Map<String, Object> scope() {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (city != null) {
            scope.put("city", city);
        }
        if (family != null) {
            scope.put("family", family);
        }
        if (since != null) {
            scope.put("since", since);
        }
        if (open) {
            scope.put("open", true);
        }
        if (remote) {
            scope.put("remote", true);
        }
        if (area != null) {
            scope.put("area", area);
        }
        return scope;
    }
}
