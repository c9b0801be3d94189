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
        database = databaseUrl(spec.commandLine(), "--db", given);
    }

    /**
     * The JDBC URL a {@code --db} (or {@code --to}) value names: a URL as given, a plain path as a
     * SQLite file (what someone typing {@code --db market.db} means). Anything else (another
     * engine's URL, a postgres:// one, an in-memory or optioned SQLite URL) is a usage error.
     */
    static String databaseUrl(picocli.CommandLine cl, String option, String given) {
        if (given.startsWith("jdbc:postgresql:")) {
            String problem = dev.jobintel.store.Database.postgresUrlProblem(given);
            if (problem != null) {
                throw new picocli.CommandLine.ParameterException(cl, option + " '"
                        + dev.jobintel.internal.Secrets.redactUrl(given) + "' " + problem);
            }
            return given;
        }
        boolean jdbc = given.startsWith("jdbc:sqlite:");
        if (!jdbc && (given.isBlank() || given.startsWith("jdbc:") || given.contains("://"))) {
            throw new picocli.CommandLine.ParameterException(cl, option + " must be a jdbc:sqlite: URL naming a file, "
                    + "a jdbc:postgresql: URL or a SQLite file's path, got '"
                    + dev.jobintel.internal.Secrets.redactUrl(given) + "'");
        }
        String url = jdbc ? given : "jdbc:sqlite:" + given;
        String problem = dev.jobintel.store.Database.sqliteUrlProblem(url);
        if (problem != null) {
            throw new picocli.CommandLine.ParameterException(cl, option + " '" + given + "' " + problem);
        }
        // A database made at another's log (db copy --to market.db-wal) is taken as that log, or removed with it,
        // when the other is opened: every row written there is lost.
        if (OutputPaths.companionOfDatabase(OutputPaths.followed(dev.jobintel.store.Database.sqliteFile(url)))) {
            throw new picocli.CommandLine.ParameterException(cl, option + " '" + given + "' belongs to the SQLite "
                    + "database beside it (its log, shared memory, journal or lock); name the database file itself "
                    + "or another file");
        }
        return url;
    }

    @Override
    LoadedConfig loadConfig() {
        LoadedConfig lc = super.loadConfig();
        return database == null ? lc : withDatabase(lc, database);
    }

    /**
     * The configured database for a command that only reads it (status, report), with its schema
     * current; null, after saying so on {@code err}, when a SQLite file is not there yet (reading
     * must not create an empty one). {@code caching}: SINGLE_PASS for a command that reads once and exits.
     */
    static dev.jobintel.store.Database openForReading(LoadedConfig lc, java.io.PrintWriter err,
                                                     dev.jobintel.store.Database.Caching caching) {
        String url = lc.config().database().url();
        if (noDatabaseYet(url, err)) {
            return null;
        }
        dev.jobintel.store.Database db = dev.jobintel.store.Database.openWith(url, lc.config().database().username(), caching);
        db.migrateIfBehind();
        return db;
    }

    /**
     * Whether {@code url} is a SQLite file that is not there yet, after saying so on {@code err}: a command that
     * only reads, or a dry run, must not create an empty database where a mistyped path points.
     */
    static boolean noDatabaseYet(String url, java.io.PrintWriter err) {
        Path file = dev.jobintel.store.Database.sqliteFile(url);
        if (file != null && !java.nio.file.Files.exists(file)) {
            err.printf("No database at %s yet: run 'jobintel run' first.%n", file);
            return true;
        }
        return false;
    }
}
