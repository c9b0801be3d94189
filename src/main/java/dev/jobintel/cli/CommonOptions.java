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

    @Option(names = "--db", paramLabel = "URL",
            description = "Database JDBC URL, overriding database.url (default: jdbc:sqlite:jobintel.db).")
    String database;

    @Option(names = "--no-progress", description = "Do not draw progress bars (they are drawn only on a terminal anyway).")
    boolean noProgress;

    LoadedConfig loadConfig() {
        LoadedConfig lc = ConfigLoader.load(config);
        if (database == null) {
            return lc;
        }
        if (!database.startsWith("jdbc:sqlite:") && !database.startsWith("jdbc:postgresql:")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Main()),
                    "--db must be a jdbc:sqlite: or jdbc:postgresql: URL, got '" + database + "'");
        }
        return withDatabase(lc, database);
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

    boolean progress() {
        return !noProgress && Progress.interactive();
    }
}
