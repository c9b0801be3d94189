package dev.jobintel.cli;

import dev.jobintel.config.LoadedConfig;
import dev.jobintel.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Check.class, DbExport.class, DbCopy.class})
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the schema or bring it to the latest version, with the reference values "
                    + "(taxonomy codes, the place table) of the configuration in use (every command does this on start).")
    static final class Migrate implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig lc = common.loadConfig();
            dev.jobintel.pipeline.Context ctx = dev.jobintel.pipeline.Context.load(lc, java.time.Clock.systemUTC());
            try (Database db = Database.open(lc.config().database().url(), lc.config().database().username())) {
                db.claimWriter(java.time.Instant.now());
                int applied = db.migrate();
                // So that a report on the new, empty database knows its cities and families (and says 0 jobs).
                dev.jobintel.store.ReferenceData.sync(db, ctx.taxonomy(), ctx.gazetteer());
                spec.commandLine().getOut().printf("%s: %s%n", db.url(),
                        applied == 0 ? "schema is up to date" : applied + " migration" + (applied == 1 ? "" : "s") + " applied");
                return 0;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check the database itself: the applied migrations against this version's (Flyway's "
                    + "validation), the engine's own integrity checks (SQLite: pages and foreign keys), and the "
                    + "ledger's invariants.",
                    "Exit 3 when the database or its schema is damaged, 4 when only the ledger's invariants are broken."})
    static final class Check implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            Database opened = CommonOptions.openForReading(common.loadConfig(), spec.commandLine().getErr(),
                    Database.Caching.SINGLE_PASS);
            if (opened == null) {
                return Main.DATABASE_ERROR;
            }
            try (Database db = opened) {
                java.util.List<String> problems = db.health();
                out.println(problems.isEmpty() ? "Database: sound (migrations match this version; engine checks pass)."
                        : "Database: DAMAGED");
                problems.forEach(p -> out.println("  " + p));
                java.util.List<dev.jobintel.store.Ledger.Violation> broken;
                try {
                    broken = db.read(dev.jobintel.store.Ledger::check);
                } catch (dev.jobintel.store.StoreException e) {
                    if (problems.isEmpty()) {
                        throw e;
                    }
                    // The damage found above can keep the ledger from being read at all.
                    out.println("Ledger: cannot be read on this damaged database ("
                            + dev.jobintel.internal.Throwables.rootMessage(e).lines().findFirst().orElse("") + ")");
                    return Main.DATABASE_ERROR;
                }
                out.println(broken.isEmpty() ? "Ledger: every invariant holds." : "Ledger: invariants BROKEN");
                broken.forEach(v -> out.printf("  %s: %s rows%n", v.invariant(), Summaries.n(v.rows())));
                if (!broken.isEmpty()) {
                    out.println("  'jobintel backfill --dry-run' shows what a repair would do.");
                }
                return !problems.isEmpty() ? Main.DATABASE_ERROR : broken.isEmpty() ? 0 : Main.INVARIANT_BROKEN;
            }
        }
    }
}
