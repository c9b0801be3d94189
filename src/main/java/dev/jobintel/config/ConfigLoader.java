package dev.jobintel.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds, reads and checks {@code jobintel.yaml}. Everything that can be checked without
 * loading the referenced data files is checked here; {@code Context} then loads those files
 * and checks what depends on them (e.g. location codes against the city table).
 */
public final class ConfigLoader {

    public static final String DEFAULT_FILE = "jobintel.yaml";
    public static final Set<String> CLASSIFIERS = Set.of("rules", "claude");

    private ConfigLoader() {
    }

    /**
     * @param explicit the file given with --config, or null to use ./jobintel.yaml when it exists
     *                 and the defaults when it does not
     */
    public static LoadedConfig load(Path explicit) {
        Path file = explicit;
        if (file == null) {
            Path local = Path.of(DEFAULT_FILE);
            if (!Files.exists(local)) {
                return LoadedConfig.defaults();
            }
            file = local;
        }
        YamlDocument doc = YamlDocument.read(file);
        JobintelConfig cfg = doc.bind(JobintelConfig.class);
        Path base = file.toAbsolutePath().getParent();
        LoadedConfig loaded = new LoadedConfig(cfg == null ? JobintelConfig.DEFAULTS : cfg, doc, base);
        check(loaded);
        return loaded;
    }

    /** Checks values whose type alone does not make them valid. */
    static void check(LoadedConfig lc) {
        JobintelConfig c = lc.config();
        String url = c.database().url();
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw lc.error("database.url", "expected a jdbc:sqlite: or jdbc:postgresql: URL, got '" + url + "'");
        }
        if (c.taxonomy() != null) {
            lc.requireFile("taxonomy", c.taxonomy());
        }
        if (c.places() != null) {
            lc.requireFile("places", c.places());
        }
        List<String> files = c.importing().files();
        for (int i = 0; i < files.size(); i++) {
            lc.requireFile("import.files[" + i + "]", files.get(i));
        }
        JobintelConfig.Gate g = c.gate();
        if (g.minDescriptionChars() < 0) {
            throw lc.error("gate.min_description_chars", "must be zero or more, got " + g.minDescriptionChars());
        }
        regexes(lc, "gate.title.include", g.title().include());
        regexes(lc, "gate.title.exclude", g.title().exclude());
        double t = g.agency().threshold();
        if (!(t > 0 && t <= 1)) {
            throw lc.error("gate.agency.threshold", "must be above 0 and at most 1, got " + t);
        }
        if (g.agency().listFile() != null) {
            lc.requireFile("gate.agency.list_file", g.agency().listFile());
        }
        if (!CLASSIFIERS.contains(c.classifier().name())) {
            throw lc.error("classifier.name", "unknown classifier '" + c.classifier().name() + "' (known: "
                    + String.join(", ", CLASSIFIERS.stream().sorted().toList()) + ")");
        }
        int batch = c.pipeline().batchSize();
        if (batch < 1 || batch > 10_000) {
            throw lc.error("pipeline.batch_size", "must be between 1 and 10000, got " + batch);
        }
        if (c.pipeline().threads() < 0 || c.pipeline().threads() > 64) {
            throw lc.error("pipeline.threads", "must be between 0 (one per core) and 64, got " + c.pipeline().threads());
        }
        if (c.pipeline().leaseSeconds() < 1 || c.pipeline().leaseSeconds() > 86_400) {
            throw lc.error("pipeline.lease_seconds", "must be between 1 and 86400, got " + c.pipeline().leaseSeconds());
        }
        checkClaude(lc);
        checkSources(lc);
        checkHttp(lc);
    }

    private static void checkClaude(LoadedConfig lc) {
        ClaudeConfig c = lc.config().classifier().claude();
        url(lc, "classifier.claude.base_url", c.baseUrl());
        range(lc, "classifier.claude.max_tokens", c.maxTokens(), 256, 64_000);
        range(lc, "classifier.claude.retry_max_tokens", c.retryMaxTokens(), c.maxTokens(), 64_000);
        range(lc, "classifier.claude.description_chars", c.descriptionChars(), 200, 200_000);
        range(lc, "classifier.claude.timeout_seconds", c.timeoutSeconds(), 1, 3600);
        range(lc, "classifier.claude.max_attempts", c.maxAttempts(), 1, 20);
        range(lc, "classifier.claude.concurrency", c.concurrency(), 1, 256);
        range(lc, "classifier.claude.requests_per_minute", c.requestsPerMinute(), 1, 1_000_000);
        range(lc, "classifier.claude.input_tokens_per_minute", c.inputTokensPerMinute(), 1000, 1_000_000_000);
        range(lc, "classifier.claude.output_tokens_per_minute", c.outputTokensPerMinute(), 100, 1_000_000_000);
        range(lc, "classifier.claude.batch_poll_seconds", c.batchPollSeconds(), 1, 3600);
        range(lc, "classifier.claude.batch_max_requests", c.batchMaxRequests(), 1, 100_000);
        if (!c.cacheTtl().equals("5m") && !c.cacheTtl().equals("1h")) {
            throw lc.error("classifier.claude.cache_ttl", "expected 5m or 1h, got '" + c.cacheTtl() + "'");
        }
        if (c.budgetUsd() != null && !(c.budgetUsd() > 0)) {
            throw lc.error("classifier.claude.budget_usd", "must be above 0, got " + c.budgetUsd());
        }
        for (var e : lc.config().classifier().prices().entrySet()) {
            String key = "classifier.prices." + e.getKey();
            ModelPrice p = e.getValue();
            if (p == null || p.input() == null || p.output() == null) {
                throw lc.error(key, "a price needs both 'input' and 'output' (USD per million tokens)");
            }
            for (Double v : new Double[] {p.input(), p.output(), p.cacheWrite(), p.cacheWrite1h(), p.cacheRead()}) {
                if (!(v >= 0) || v > 10_000) {
                    throw lc.error(key, "prices are USD per million tokens between 0 and 10000, got " + v);
                }
            }
        }
    }

    private static void checkSources(LoadedConfig lc) {
        SourcesConfig s = lc.config().sources();
        boards(lc, "greenhouse", s.greenhouse(), true);
        boards(lc, "lever", s.lever(), true);
        boards(lc, "ashby", s.ashby(), false);
        boards(lc, "workable", s.workable(), false);
        boards(lc, "smartrecruiters", s.smartrecruiters(), false);
        SourcesConfig.Adzuna a = s.adzuna();
        url(lc, "sources.adzuna.base_url", a.baseUrl());
        for (int i = 0; i < a.countries().size(); i++) {
            String c = a.countries().get(i);
            if (c == null || !c.strip().matches("[A-Za-z]{2}")) {
                throw lc.error("sources.adzuna.countries[" + i + "]", "expected a two-letter market code such as gb or us, got '"
                        + c + "'");
            }
        }
        for (int i = 0; i < a.queries().size(); i++) {
            SourcesConfig.Query q = a.queries().get(i);
            if (q == null || q.what() == null || q.what().isBlank()) {
                throw lc.error("sources.adzuna.queries[" + i + "].what", "a query needs keywords in 'what'");
            }
        }
        if (!a.queries().isEmpty() && a.countries().isEmpty()) {
            throw lc.error("sources.adzuna.countries", "Adzuna queries are configured but no country to search in");
        }
        range(lc, "sources.adzuna.results_per_page", a.resultsPerPage(), 1, 50);
        range(lc, "sources.adzuna.max_results", a.maxResults(), 1, 1_000_000);
        range(lc, "sources.adzuna.requests_per_minute", a.requestsPerMinute(), 1, 10_000);
    }

    private static void boards(LoadedConfig lc, String source, SourcesConfig.BoardSource src, boolean hasEu) {
        String key = "sources." + source;
        url(lc, key + ".base_url", src.baseUrl());
        url(lc, key + ".eu_base_url", src.euBaseUrl());
        if (src.pageSize() != null) {
            range(lc, key + ".page_size", src.pageSize(), 1, 100);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < src.boards().size(); i++) {
            SourcesConfig.Board b = src.boards().get(i);
            String bk = key + ".boards[" + i + "]";
            if (b == null || b.slug() == null || b.slug().isBlank()) {
                throw lc.error(bk + ".slug", "every board needs a slug (the board's identifier in the API's URL)");
            }
            if (!b.slug().strip().matches("[A-Za-z0-9._-]+")) {
                throw lc.error(bk + ".slug", "'" + b.slug() + "' is not a board identifier (letters, digits, '.', '_', '-')");
            }
            if (!seen.add(b.slug().strip().toLowerCase(java.util.Locale.ROOT))) {
                throw lc.error(bk + ".slug", "board '" + b.slug() + "' is listed twice for " + source);
            }
            if (b.instance() != null && !(b.instance().equalsIgnoreCase("global") || (hasEu && b.instance().equalsIgnoreCase("eu")))) {
                throw lc.error(bk + ".instance", source + " boards have instance " + (hasEu ? "'global' or 'eu'" : "'global'")
                        + ", got '" + b.instance() + "'");
            }
        }
    }

    private static void checkHttp(LoadedConfig lc) {
        HttpConfig h = lc.config().http();
        range(lc, "http.connect_timeout_seconds", h.connectTimeoutSeconds(), 1, 600);
        range(lc, "http.read_timeout_seconds", h.readTimeoutSeconds(), 1, 3600);
        range(lc, "http.max_attempts", h.maxAttempts(), 1, 20);
        range(lc, "http.politeness_delay_ms", h.politenessDelayMs(), 0, 600_000);
        range(lc, "http.per_host_concurrency", h.perHostConcurrency(), 1, 64);
        range(lc, "http.board_concurrency", h.boardConcurrency(), 1, 256);
        range(lc, "http.max_retry_after_seconds", h.maxRetryAfterSeconds(), 0, 86_400);
        HealthConfig health = lc.config().health();
        range(lc, "health.failures_before_backoff", health.failuresBeforeBackoff(), 1, 1000);
        range(lc, "health.backoff_hours", health.backoffHours(), 1, 24 * 365);
        range(lc, "health.max_backoff_hours", health.maxBackoffHours(), 1, 24 * 365);
    }

    private static void range(LoadedConfig lc, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw lc.error(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void url(LoadedConfig lc, String key, String value) {
        if (value == null) {
            return;
        }
        try {
            java.net.URI u = new java.net.URI(value.strip());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw lc.error(key, "expected an http(s) URL, got '" + value + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw lc.error(key, "not a URL: '" + value + "' (" + e.getReason() + ")");
        }
    }

    private static void regexes(LoadedConfig lc, String key, List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            try {
                Pattern.compile(list.get(i));
            } catch (PatternSyntaxException e) {
                throw lc.error(key + "[" + i + "]", "bad regex '" + list.get(i) + "': " + e.getDescription());
            }
        }
    }
}
