package dev.jobintel.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code jobintel.yaml}. Every key has a default, so no file is needed for the demo; a file
 * that is present is checked completely before any work (see {@link ConfigLoader}).
 *
 * <p>Relative paths in the file are resolved against the file's directory.
 */
public record JobintelConfig(
        Database database,
        String taxonomy,
        String places,
        @JsonProperty("import") Import importing,
        Gate gate,
        Classifier classifier,
        Pipeline pipeline,
        SourcesConfig sources,
        HttpConfig http,
        HealthConfig health) {

    public static final JobintelConfig DEFAULTS = new JobintelConfig(null, null, null, null, null, null, null, null,
            null, null);

    public JobintelConfig {
        database = database == null ? new Database(null, null) : database;
        importing = importing == null ? new Import(null) : importing;
        gate = gate == null ? new Gate(null, null, null, null) : gate;
        classifier = classifier == null ? new Classifier(null, null, null) : classifier;
        pipeline = pipeline == null ? new Pipeline(null, null) : pipeline;
        sources = sources == null ? new SourcesConfig(null, null, null, null, null, null) : sources;
        http = http == null ? new HttpConfig(null, null, null, null, null, null, null, null) : http;
        health = health == null ? new HealthConfig(null, null, null) : health;
    }

    /** This configuration with another database URL (the --db option). */
    public JobintelConfig withDatabaseUrl(String url) {
        return new JobintelConfig(new Database(url, database.username()), taxonomy, places, importing, gate,
                classifier, pipeline, sources, http, health);
    }

    /** This configuration with other pipeline settings. */
    public JobintelConfig withPipeline(Pipeline p) {
        return new JobintelConfig(database, taxonomy, places, importing, gate, classifier, p, sources, http, health);
    }

    /** This configuration with another classifier section. */
    public JobintelConfig withClassifier(Classifier k) {
        return new JobintelConfig(database, taxonomy, places, importing, gate, k, pipeline, sources, http, health);
    }

    /** This configuration with other sources. */
    public JobintelConfig withSources(SourcesConfig s) {
        return new JobintelConfig(database, taxonomy, places, importing, gate, classifier, pipeline, s, http, health);
    }

    /**
     * @param url      JDBC URL; SQLite file {@code jdbc:sqlite:jobintel.db} by default, or
     *                 {@code jdbc:postgresql://…}. The password, if any, comes from
     *                 JOBINTEL_DB_PASSWORD, never from this file.
     * @param username database user (PostgreSQL)
     */
    public record Database(String url, String username) {
        public static final String DEFAULT_URL = "jdbc:sqlite:jobintel.db";

        public Database {
            // Only an absent key means the default: `url: ''` (a template whose variable was empty) is a
            // config error, not a quiet switch to ./jobintel.db (ConfigLoader checks).
            url = url == null ? DEFAULT_URL : url.trim();
        }
    }

    /** @param files JSON Lines files imported by {@code run} (see the README for the format) */
    public record Import(List<String> files) {
        public Import {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /**
     * @param minDescriptionChars descriptions shorter than this (as text) are filtered as too_short
     */
    public record Gate(Integer minDescriptionChars, Filter title, LocationFilter location, Agency agency) {
        public static final int DEFAULT_MIN_DESCRIPTION = 150;

        public Gate {
            minDescriptionChars = minDescriptionChars == null ? DEFAULT_MIN_DESCRIPTION : minDescriptionChars;
            title = title == null ? new Filter(null, null) : title;
            location = location == null ? new LocationFilter(null, null, null) : location;
            agency = agency == null ? new Agency(null, null, null, null, null) : agency;
        }
    }

    /** Regexes (case-insensitive) on the title; an empty include list lets every title in. */
    public record Filter(List<String> include, List<String> exclude) {
        public Filter {
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }

    /**
     * Places as codes: a city ("lon"), a country ("GB"), a region ("europe"), "remote", or a
     * remote scope ("remote-us", "remote-europe", "remote-global").
     *
     * @param keepUnknown whether postings whose location cannot be resolved pass an include list
     */
    public record LocationFilter(List<String> include, List<String> exclude, Boolean keepUnknown) {
        public LocationFilter {
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
            keepUnknown = keepUnknown == null ? Boolean.TRUE : keepUnknown;
        }
    }

    /**
     * @param enabled   agency detection on or off
     * @param threshold signal confidence at or above which a posting is an agency's (0–1]
     * @param listFile  an agency list replacing the bundled one (same format as agencies.yaml)
     * @param block     extra employer names to treat as agencies
     * @param allow     employer names never to treat as agencies
     */
    public record Agency(Boolean enabled, Double threshold, String listFile, List<String> block, List<String> allow) {
        public static final double DEFAULT_THRESHOLD = 0.7;

        public Agency {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
            block = block == null ? List.of() : List.copyOf(block);
            allow = allow == null ? List.of() : List.copyOf(allow);
        }
    }

    /**
     * @param name   "rules" (default, offline) or "claude"
     * @param claude the Claude classifier's settings
     * @param prices price per model, USD per million tokens, over the bundled table
     */
    public record Classifier(String name, ClaudeConfig claude, java.util.Map<String, ModelPrice> prices) {
        public Classifier {
            // As database.url: an empty name is an error the loader reports, not the rules classifier.
            name = name == null ? "rules" : name.trim();
            claude = claude == null ? ClaudeConfig.defaults() : claude;
            // Copied keeping an empty price ("foo:"), which Map.copyOf would refuse with no key to name;
            // the loader's check names it, at its own line. In the file's order, as its problems are listed.
            prices = prices == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(prices));
        }

        /** This classifier section with another classifier name (the --classifier option). */
        public Classifier named(String other) {
            return new Classifier(other, claude, prices);
        }

        /** This classifier section with other Claude settings. */
        public Classifier with(ClaudeConfig other) {
            return new Classifier(name, other, prices);
        }
    }

    /**
     * @param batchSize    postings per write transaction
     * @param threads      classification threads; 0 picks one per core
     * @param leaseSeconds how long a worker's lease on pending postings lasts unrenewed (PostgreSQL):
     *                     how long a killed worker's postings wait before another takes them
     */
    public record Pipeline(Integer batchSize, Integer threads, Integer leaseSeconds) {
        public static final int DEFAULT_BATCH = 500;
        public static final int DEFAULT_LEASE_SECONDS = 120;

        public Pipeline {
            batchSize = batchSize == null ? DEFAULT_BATCH : batchSize;
            threads = threads == null ? 0 : threads;
            leaseSeconds = leaseSeconds == null ? DEFAULT_LEASE_SECONDS : leaseSeconds;
        }

        public Pipeline(Integer batchSize, Integer threads) {
            this(batchSize, threads, null);
        }
    }
}
