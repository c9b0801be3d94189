package dev.jobintel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jobintel.internal.GzipName;
import dev.jobintel.pipeline.Progress;
import dev.jobintel.source.jsonl.JsonlRecord;
import dev.jobintel.store.Database;
import dev.jobintel.store.EnrichedJobs;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.RawPostings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the classified jobs (every column, with their skills) as JSON Lines or CSV, or every "
                + "posting in the import format (JSON Lines), page by page, so any size fits.",
                "Postings exported from one database import into another: 'jobintel db export postings --out all.jsonl.gz', "
                        + "then 'jobintel import all.jsonl.gz --db jdbc:postgresql://…' and 'jobintel enrich': their content "
                        + "only, decided again there. 'jobintel db copy' moves a whole database, outcomes, history and costs."})
final class DbExport implements Callable<Integer> {

    private static final int PAGE = 1_000;

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Parameters(paramLabel = "WHAT", description = "jobs or postings.")
    String what;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl or csv (jobs only) (default: csv for an --out FILE named .csv or .csv.gz, else jsonl).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (gzip when it ends in .gz) instead of standard output.")
    Path outFile;

    @Spec
    CommandSpec spec;

    /** The format a file's name says it holds ("jobs.csv", "jobs.csv.gz", "all.jsonl"), or null for a name that does not say. */
    static String formatNamed(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return name.endsWith(".csv") ? "csv" : name.endsWith(".jsonl") || name.endsWith(".ndjson") ? "jsonl" : null;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (!what.equals("jobs") && !what.equals("postings")) {
            throw new CommandLine.ParameterException(cl, "export takes 'jobs' or 'postings', got '" + what + "'");
        }
        if (format != null && !format.equals("jsonl") && !format.equals("csv")) {
            throw new CommandLine.ParameterException(cl, "--format is jsonl or csv, got '" + format + "'");
        }
        // "--out jobs.csv" wrote JSON Lines into a file every spreadsheet then opened as one broken column.
        String named = outFile == null ? null : formatNamed(outFile);
        if (format != null && named != null && !format.equals(named)) {
            throw new CommandLine.ParameterException(cl, "--out " + outFile + " names a " + named + " file, but --format is "
                    + format + "; give the file the extension of its format, or leave --format out");
        }
        format = format != null ? format : named != null ? named : "jsonl";
        if (what.equals("postings") && format.equals("csv")) {
            throw new CommandLine.ParameterException(cl, "postings export as JSON Lines only: the import format, "
                    + "whose descriptions and hints do not fit a spreadsheet's cells");
        }
        if (outFile != null) {
            OutputPaths.file(cl, "--out", outFile);
        }
        Database opened = CommonOptions.openForReading(common.loadConfig(), cl.getErr(), Database.Caching.SINGLE_PASS);
        if (opened == null) {
            return Main.DATABASE_ERROR;
        }
        long rows;
        // A link is followed: the file it names is the one replaced, the link stays.
        Path target = outFile == null ? null : OutputPaths.followed(outFile);
        // A device or a pipe (/dev/null, a FIFO) is written to as it is; it cannot be replaced.
        boolean inPlace = target != null && Files.exists(target) && !Files.isRegularFile(target);
        // A file is written beside its name and moved into place when complete: an export that was
        // interrupted or failed leaves no file that looks whole (or the earlier one, untouched).
        Path part = target == null || inPlace ? null : partFile(target);
        boolean done = false;
        try (Database db = opened; Writer out = open(cl, inPlace ? target : part)) {
            // A bar on the terminal (stderr) while a large database pages out; never in the output.
            long total = db.read(c -> what.equals("jobs") ? dev.jobintel.store.Ledger.jobCount(c)
                    : dev.jobintel.store.Ledger.rawCount(c));
            try (Progress progress = new Progress(System.err, bars.on(), "export", what, total)) {
                rows = what.equals("jobs") ? jobs(db, out, progress) : postings(db, out, progress);
            }
            done = true;
        } finally {
            if (part != null && !done) {
                Files.deleteIfExists(part);
            }
        }
        if (part != null) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else if (outFile == null) {
            int lost = Main.lostOutput(cl);
            if (lost != 0) {
                return lost;
            }
        }
        cl.getErr().printf("Exported %s %s%s.%n", Summaries.n(rows), what, outFile == null ? "" : " to " + outFile);
        return 0;
    }

    /** A hidden sibling of {@code file}, on the same file system so the final move is atomic; removed if the JVM stops. */
    private static Path partFile(Path file) {
        Path abs = file.toAbsolutePath();
        Path part = abs.resolveSibling("." + abs.getFileName() + ".part-" + ProcessHandle.current().pid());
        part.toFile().deleteOnExit();
        return part;
    }

    /** A writer on {@code file}, or on standard output when it is null. */
    private Writer open(CommandLine cl, Path file) throws IOException {
        if (file == null) {
            return new NonClosing(cl.getOut());
        }
        OutputStream os = Files.newOutputStream(file);
        // In any case, as formatNamed reads the name and import reads a ".GZ" file: "ALL.JSONL.GZ" is gzip too.
        if (GzipName.of(outFile)) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    private long jobs(Database db, Writer out, Progress progress) throws IOException {
        long n = 0;
        long after = 0;
        SequenceWriter csv = null;
        if (format.equals("csv")) {
            // The header from the table, not from a first row: an empty database still exports its columns.
            // (Jackson writes a header only before a first row, so the header is written as one.)
            List<String> columns = db.read(EnrichedJobs::exportColumns);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
            columns.forEach(schema::addColumn);
            csv = new CsvMapper().writer(schema.build()).writeValues(out);
            csv.write(columns);
        }
        ObjectMapper json = new ObjectMapper();
        try {
            while (!StandardOutput.readerGone()) {
                long from = after;
                List<Map<String, Object>> page = db.read(c -> EnrichedJobs.exportPage(c, from, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                for (Map<String, Object> job : page) {
                    if (csv != null) {
                        csv.write(csvRow(job));
                    } else {
                        out.write(json.writeValueAsString(job));
                        out.write('\n');
                    }
                    n++;
                }
                after = (Long) page.get(page.size() - 1).get("id");
                progress.advance(page.size());
            }
        } finally {
            if (csv != null) {
                csv.flush();
            }
        }
        return n;
    }

    /** A job's cells for CSV: skills joined with "; ", text kept from running as a formula. */
    private static List<Object> csvRow(Map<String, Object> job) {
        List<Object> cells = new ArrayList<>();
        for (Map.Entry<String, Object> e : job.entrySet()) {
            Object v = e.getValue() instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                    : e.getValue();
            cells.add(dev.jobintel.report.ReportFormat.csvCell(v));
        }
        return cells;
    }

    private long postings(Database db, Writer out, Progress progress) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long n = 0;
        long after = 0;
        // Paging stops when the reader left (| head): the rest would be written to no one.
        while (!StandardOutput.readerGone()) {
            long from = after;
            List<PendingPosting> page = db.read(c -> RawPostings.allAfter(c, from, PAGE));
            if (page.isEmpty()) {
                return n;
            }
            for (PendingPosting p : page) {
                out.write(json.writeValueAsString(JsonlRecord.exportJson(json, p.posting())));
                out.write('\n');
                n++;
            }
            after = page.get(page.size() - 1).id();
            progress.advance(page.size());
        }
        return n;
    }

    /** Standard output, flushed but never closed by the export. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
