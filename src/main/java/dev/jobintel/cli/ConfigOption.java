package dev.jobintel.cli;

import dev.jobintel.config.ConfigLoader;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The option every command takes: which configuration file. Commands that work on the configured
 * database take {@link CommonOptions}, which adds {@code --db}; the others (eval, the benchmarks)
 * open no database of the user's, so they do not offer one.
 */
class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./jobintel.yaml if present, else built-in defaults).")
    Path config;

    LoadedConfig loadConfig() {
        return ConfigLoader.load(config);
    }

    /** The configuration with another database URL. */
    static LoadedConfig withDatabase(LoadedConfig lc, String url) {
        return new LoadedConfig(lc.config().withDatabaseUrl(url), lc.doc(), lc.baseDir());
    }

    Context context() {
        return Context.load(loadConfig(), Clock.systemUTC());
    }

    /** The context with command-line overrides applied to the loaded configuration. */
    Context context(UnaryOperator<dev.jobintel.config.JobintelConfig> overrides) {
        LoadedConfig lc = loadConfig();
        LoadedConfig changed = new LoadedConfig(overrides.apply(lc.config()), lc.doc(), lc.baseDir());
        return Context.load(changed, Clock.systemUTC());
    }
}
