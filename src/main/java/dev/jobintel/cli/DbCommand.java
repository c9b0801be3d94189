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
        subcommands = {DbCommand.Migrate.class})
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the schema or bring it to the latest version (every command does this on start).")
    static final class Migrate implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig lc = common.loadConfig();
            try (Database db = Database.open(lc.config().database().url(), lc.config().database().username(),
                    System.getenv("JOBINTEL_DB_PASSWORD"))) {
                int applied = db.migrate();
                spec.commandLine().getOut().printf("%s: %s%n", db.url(),
                        applied == 0 ? "schema is up to date" : applied + " migration" + (applied == 1 ? "" : "s") + " applied");
                return 0;
            }
        }
    }

}
