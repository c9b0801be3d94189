package dev.jobintel.cli;

import dev.jobintel.config.ConfigLoader;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Progress;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/** Options every command takes: where the config and the database are, and progress output. */
final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./jobintel.yaml if present, else built-in defaults).")
    Path config;

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
                    "--db must be a jdbc:sqlite: or jdbc:postgresql: URL or a SQLite file's path, got '" + given + "'");
        }
    }

    /**
     * The JDBC URL a {@code --db} value names: a URL as given, a plain path as a SQLite file (what
     * someone typing {@code --db market.db} means); null for any other URL (a postgres:// one).
     */
    static String databaseUrl(String given) {
        if (given.startsWith("jdbc:sqlite:") || given.startsWith("jdbc:postgresql:")) {
            return given;
        }
        if (given.isBlank() || given.startsWith("jdbc:") || given.contains("://")) {
            return null;
        }
        return "jdbc:sqlite:" + given;
    }

    @Option(names = "--no-progress", description = "Do not draw progress bars (they are drawn only on a terminal anyway).")
    boolean noProgress;

    LoadedConfig loadConfig() {
        LoadedConfig lc = ConfigLoader.load(config);
        return database == null ? lc : withDatabase(lc, database);
    }

    /** The configuration with another database URL. */
    static LoadedConfig withDatabase(LoadedConfig lc, String url) {
        return new LoadedConfig(lc.config().withDatabaseUrl(url), lc.doc(), lc.baseDir());
    }

    Context context() {
        return Context.load(loadConfig(), Clock.systemUTC());
    }

    /** The context with command-line overrides applied to the loaded configuration. */
    Context context(java.util.function.UnaryOperator<dev.jobintel.config.JobintelConfig> overrides) {
        LoadedConfig lc = loadConfig();
        LoadedConfig changed = new LoadedConfig(overrides.apply(lc.config()), lc.doc(), lc.baseDir());
        return Context.load(changed, Clock.systemUTC());
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

    boolean progress() {
        return !noProgress && Progress.interactive();
    }
}
