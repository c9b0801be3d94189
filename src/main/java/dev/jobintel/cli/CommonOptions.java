package dev.jobintel.cli;

import dev.jobintel.config.LoadedConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of every command that works on the configured database: the config file and {@code --db}. */
final class CommonOptions extends ConfigOption {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    String database;

    @Option(names = "--db", paramLabel = "URL",
            description = "Database, overriding database.url: a jdbc:sqlite: or jdbc:postgresql: URL, or the path "
                    + "of a SQLite file (default: jdbc:sqlite:jobintel.db).")
    void database(String given) {
        database = databaseUrl(given);
        if (database == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--db must be a jdbc:sqlite: URL naming a file, a jdbc:postgresql: URL or a SQLite file's path, got '"
                            + given + "' (an in-memory database would lose every posting when the command ends)");
        }
    }

    /**
     * The JDBC URL a {@code --db} value names: a URL as given, a plain path as a SQLite file (what
     * someone typing {@code --db market.db} means); null for any other URL (a postgres:// one).
     */
    static String databaseUrl(String given) {
        if (given.startsWith("jdbc:postgresql:")) {
            return given;
        }
        boolean jdbc = given.startsWith("jdbc:sqlite:");
        if (!jdbc && (given.isBlank() || given.startsWith("jdbc:") || given.contains("://"))) {
            return null;
        }
        String url = jdbc ? given : "jdbc:sqlite:" + given;
        // An in-memory database (":memory:", "?mode=memory") would take a run's postings and lose them all when it ends.
        return dev.jobintel.store.Database.sqliteFile(url) == null ? null : url;
    }

    @Override
    LoadedConfig loadConfig() {
        LoadedConfig lc = super.loadConfig();
        return database == null ? lc : withDatabase(lc, database);
    }

    /**
     * The configured database for a command that only reads it (status, report), with its schema
     * current; null, after saying so on {@code err}, when a SQLite file is not there yet (reading
     * must not create an empty one).
     */
    static dev.jobintel.store.Database openForReading(LoadedConfig lc, java.io.PrintWriter err) {
        String url = lc.config().database().url();
        Path file = dev.jobintel.store.Database.sqliteFile(url);
        if (file != null && !java.nio.file.Files.exists(file)) {
            err.printf("No database at %s yet: run 'jobintel run' first.%n", file);
            return null;
        }
        dev.jobintel.store.Database db = dev.jobintel.store.Database.open(url, lc.config().database().username());
        db.migrateIfBehind();
        return db;
    }
}
