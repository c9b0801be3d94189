package dev.jobintel.cli;

import dev.jobintel.pipeline.Progress;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.report.TextTable;
import dev.jobintel.store.Database;
import dev.jobintel.store.DatabaseCopy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy the whole database (--db, or database.url) into a new, empty one: every posting with its "
                + "outcome, first and last seen and closed state, every job with its classification, the rejects, "
                + "fetch runs, board health, the cost ledger and message batches. Nothing is classified or paid for "
                + "again. The way from one SQLite file to PostgreSQL when a team outgrows it, or back.",
                "The source is read in one snapshot, so workers may go on meanwhile (what they write after it is not "
                        + "copied); the target is written in one transaction, so a copy that fails or is stopped "
                        + "leaves it empty. A PostgreSQL password comes from JOBINTEL_DB_PASSWORD, one for both databases "
                        + "(give the source's user rights on the target's server, or copy through a SQLite file)."})
final class DbCopy implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Option(names = "--to", paramLabel = "URL", required = true,
            description = "The database to copy into: a SQLite file (a path, or jdbc:sqlite:PATH) or "
                    + "jdbc:postgresql://host/db. It may be new; it must hold no postings yet.")
    String to;

    @Option(names = "--to-user", paramLabel = "NAME", description = "The user to log in to --to as (PostgreSQL).")
    String toUser;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        String target = CommonOptions.databaseUrl(cl, "--to", to);
        Database opened = CommonOptions.openForReading(common.loadConfig(), cl.getErr(), Database.Caching.SINGLE_PASS);
        if (opened == null) {
            return Main.DATABASE_ERROR;
        }
        try (Database from = opened) {
            if (sameDatabase(from.url(), target)) {
                throw new CommandLine.ParameterException(cl, "--to names the database being copied");
            }
            try (Database into = Database.open(target, toUser)) {
                into.claimWriter(java.time.Instant.now());
                into.migrateIfBehind();
                long t0 = System.nanoTime();
                Map<String, Long> rows;
                Progress[] bar = new Progress[1];
                try {
                    rows = DatabaseCopy.copy(from, into, new DatabaseCopy.Listener() {
                        @Override
                        public void total(long n) {
                            bar[0] = new Progress(System.err, bars.on(), "copy", "rows", n);
                        }

                        @Override
                        public void copied(long n) {
                            bar[0].advance(n);
                        }
                    });
                } catch (DatabaseCopy.TargetNotEmpty e) {
                    cl.getErr().println("error: " + e.getMessage());
                    return Main.CONFIG_ERROR;
                } finally {
                    if (bar[0] != null) {
                        bar[0].close();
                    }
                }
                long secs = System.nanoTime() - t0;
                Map<String, Long> now = into.read(DatabaseCopy::count);
                TextTable t = new TextTable("table", "rows copied", "rows there");
                boolean whole = true;
                for (Map.Entry<String, Long> e : rows.entrySet()) {
                    long there = now.get(e.getKey());
                    // Reference values the target had already are kept beside the copied ones.
                    whole &= e.getKey().startsWith("ref_") ? there >= e.getValue() : there == e.getValue();
                    t.row(e.getKey(), e.getValue(), there);
                }
                out.printf("Copied %s rows from %s to %s in %s.%n",
                        Summaries.n(rows.values().stream().mapToLong(Long::longValue).sum()), from.url(), into.url(),
                        Summaries.secs(secs));
                out.print(t.render("  "));
                if (!whole) {
                    out.println("The target does not hold what was copied: it was written to during the copy.");
                    return Main.DATABASE_ERROR;
                }
                StatusReport after = StatusReport.read(into);
                if (!after.consistent()) {
                    // A copy is faithful: a source whose ledger was broken is broken there too.
                    Summaries.invariants(out, after);
                    return Main.INVARIANT_BROKEN;
                }
                out.printf("The ledger adds up in the copy: %s raw postings, %s jobs.%n", Summaries.n(after.rawPostings()),
                        Summaries.n(after.enrichedJobs()));
                return 0;
            }
        }
    }

    private static boolean sameDatabase(String a, String b) {
        java.nio.file.Path fa = Database.sqliteFile(a);
        java.nio.file.Path fb = Database.sqliteFile(b);
        return fa != null && fb != null ? OutputPaths.sameFile(fa, fb) : a.equals(b);
    }
}
