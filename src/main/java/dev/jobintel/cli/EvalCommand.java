package dev.jobintel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.classify.cost.CallLog;
import dev.jobintel.classify.eval.DemoLabels;
import dev.jobintel.classify.eval.EvalReport;
import dev.jobintel.classify.eval.Evaluator;
import dev.jobintel.classify.eval.LabelReader;
import dev.jobintel.classify.eval.LabelledExample;
import dev.jobintel.internal.Clip;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Progress;
import dev.jobintel.report.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure the configured classifier against a labelled set: per-field accuracy (family, "
                + "subfamily, seniority, track, arrangement, position type, salary) and skills precision and recall.",
                "A labelled set is JSON Lines: each line a posting in the import format with a 'labels' object "
                        + "(see the README). '--labels demo' is the bundled set made from the demo's known truth.",
                "Opens no database."})
final class EvalCommand implements Callable<Integer> {

    /** The widest a title or message is shown in the mismatch tables. */
    private static final int CELL = 60;

    @Mixin
    ConfigOption common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--labels", paramLabel = "FILE", required = true,
            description = "The labelled JSON Lines file, or 'demo' for the bundled set.")
    String labels;

    @Mixin
    ClassifierOptions classifierOptions;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N labelled postings (default: all).")
    Integer limit;

    @Option(names = "--show-errors", paramLabel = "N", description = "List up to N mismatches per field (default: none).")
    int showErrors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be 1 or more (leave it out to evaluate every labelled posting)");
        }
        if (showErrors < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--show-errors must be zero or more");
        }
        classifierOptions.check(spec.commandLine());
        if (labels.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--labels takes a labelled JSON Lines file (or 'demo'), got an empty one");
        }
        boolean bundled = DemoLabels.NAME.equals(labels);
        Path file = bundled ? null : Path.of(labels);
        if (file != null && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), (Files.isDirectory(file)
                    ? file + " is a directory; give a labelled JSON Lines file in it" : "no labelled file " + file)
                    + " (or give '--labels demo' for the bundled set)");
        }
        // The same options as enrich's; the classifier is made only after the whole file has been read.
        Context ctx = classifierOptions.context(common, spec.commandLine());
        String name = bundled ? "demo (bundled, " + DemoLabels.RESOURCE.substring(1) + ")" : file.toString();
        List<LabelledExample> examples;
        try (InputStream in = bundled ? DemoLabels.open() : dev.jobintel.source.jsonl.JsonlSource.open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            examples = new LabelReader(bundled ? DemoLabels.RESOURCE.substring(1) : file.toString(), ctx.taxonomy()).read(r);
        } catch (java.io.EOFException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": it is cut short ("
                    + e.getMessage() + ")");
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
        if (limit != null && examples.size() > limit) {
            examples = examples.subList(0, limit);
        }
        if (examples.isEmpty()) {
            spec.commandLine().getErr().printf("%s has no labelled postings.%n", name);
            return Main.CONFIG_ERROR;
        }
        // Claude is paid per call: the run's budget applies here as in enrich, and what it cost is shown.
        Classifier k = ctx.classifier(CallLog.NONE, new Budget(ctx.config().classifier().claude().budgetUsd()));
        long t0 = System.nanoTime();
        EvalReport report;
        try (Progress progress = new Progress(System.err, bars.on(), "eval", "postings", examples.size())) {
            report = Evaluator.run(name, examples, k, ctx.resolver(), k.remote() ? ctx.concurrency() : 1, showErrors,
                    () -> progress.advance(1));
        }
        long nanos = System.nanoTime() - t0;
        EvalReport.Stop stop = report.stopped();
        if (stop != null) {
            spec.commandLine().getErr().printf("stopped: the %s classifier cannot go on (%s): %s%n", k.name(),
                    stop.reason(), stop.message());
        }
        if (stop != null && report.examples() == 0) {
            Summaries.claudeCalls(spec.commandLine().getErr(), k);
            return Main.RUN_STOPPED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            // What the model calls cost is no less wanted with --json: on stderr, so standard output stays one document.
            Summaries.claudeCalls(spec.commandLine().getErr(), k);
        } else {
            print(out, report, nanos);
            Summaries.claudeCalls(out, k);
        }
        out.flush();
        return stop == null ? 0 : Main.RUN_STOPPED;
    }

    static void print(PrintWriter out, EvalReport r, long nanos) {
        if (r.stopped() == null) {
            out.printf("Evaluated the %s classifier on %s from %s in %s.%n%n", r.classifier(),
                    Summaries.count(r.examples(), "labelled posting"), r.labels(), Summaries.secs(nanos));
        } else {
            out.printf("Evaluated the %s classifier on %s of %s labelled postings from %s in %s: it stopped (%s) "
                            + "before the rest, which are not counted.%n%n", r.classifier(), Summaries.n(r.examples()),
                    Summaries.n(r.labelled()), r.labels(), Summaries.secs(nanos), r.stopped().reason());
        }
        TextTable t = new TextTable("field", "correct", "total", "accuracy");
        for (EvalReport.FieldScore f : r.fields()) {
            t.row(f.field(), f.correct(), f.total(), pct(f.accuracy()));
        }
        out.print(t.render("  "));
        out.println();
        EvalReport.SalaryCounts s = r.salary();
        out.printf("Salary: %s of %s stated found (%s matching); %s spurious among %s with none stated.%n",
                Summaries.n(s.found()), Summaries.n(s.stated()), Summaries.n(s.matched()), Summaries.n(s.spurious()),
                Summaries.n(s.none()));
        EvalReport.SkillScore k = r.skills();
        out.printf("Skills: precision %s (%s of %s predicted), recall %s (%s of %s labelled), over %s.%n",
                pct(k.precision()), Summaries.n(k.truePositives()), Summaries.n(k.truePositives() + k.falsePositives()),
                pct(k.recall()), Summaries.n(k.truePositives()), Summaries.n(k.truePositives() + k.falseNegatives()),
                Summaries.count(k.postings(), "posting"));
        if (r.failures().isEmpty()) {
            out.println("Failures: none.");
        } else {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Integer> e : r.failures().entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(Summaries.n(e.getValue()));
            }
            out.printf("Failures: %s of %s could not be classified (%s); each counts as wrong on every field.%n",
                    Summaries.n(r.examples() - r.classified()), Summaries.count(r.examples(), "posting"), sb);
        }
        String failedNote = r.classified() < r.examples() ? "; failed postings are listed at the end" : "";
        for (EvalReport.FieldScore f : r.fields()) {
            mismatches(out, f.field(), "showing " + f.mismatches().size() + " of " + Summaries.n(f.total() - f.correct())
                    + " wrong" + failedNote, f.mismatches());
        }
        mismatches(out, "skills", "first " + r.skills().mismatches().size() + " postings", r.skills().mismatches());
        if (!r.failed().isEmpty()) {
            out.printf("%nFailed postings (first %d):%n", r.failed().size());
            TextTable ft = new TextTable("id", "title", "reason", "message");
            r.failed().forEach(x -> ft.row(x.id(), Clip.oneLine(x.title(), CELL), x.reason(), Clip.oneLine(x.message(), CELL)));
            out.print(ft.render("  "));
        }
    }

    private static void mismatches(PrintWriter out, String field, String what, List<EvalReport.Mismatch> shown) {
        if (shown.isEmpty()) {
            return;
        }
        out.printf("%nMismatches, %s (%s):%n", field, what);
        TextTable t = new TextTable("id", "title", "expected", "got");
        shown.forEach(m -> t.row(m.id(), Clip.oneLine(m.title(), CELL), m.expected(), m.got()));
        out.print(t.render("  "));
    }

    private static String pct(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }
}
