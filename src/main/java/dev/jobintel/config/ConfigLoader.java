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
            // A link to a file that is gone is a config the user meant, not the absence of one.
            if (!Files.exists(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return LoadedConfig.defaults();
            }
            file = local;
        }
        YamlDocument doc = YamlDocument.read(file);
        JobintelConfig cfg = doc.bind(JobintelConfig.class);
        Path base = file.toAbsolutePath().getParent();
        if (cfg != null) {
            try {
                cfg = cfg.withDatabaseUrl(besideTheFile(cfg.database().url(), base));
            } catch (java.nio.file.InvalidPathException e) {
                // A character no path may hold ("\0" in quotes): a config error, not an unexpected one.
                throw doc.error("database.url", "not a usable file path: " + e.getReason());
            }
        }
        LoadedConfig loaded = new LoadedConfig(cfg == null ? JobintelConfig.DEFAULTS : cfg, doc, base);
        Problems p = new Problems(loaded);
        check(p);
        p.throwIfAny();
        return loaded;
    }

    /**
     * A SQLite file written in the config as a relative path lives beside the config, as every other
     * path in it does ("jdbc:sqlite:market.db" in config/jobintel.yaml is config/market.db), whichever
     * directory the command runs in. Other URLs are kept as written.
     */
    static String besideTheFile(String url, Path base) {
        Path file = url == null ? null : dev.jobintel.store.Database.sqliteFile(url);
        if (file == null || file.isAbsolute() || url.startsWith("jdbc:sqlite:file:")) {
            return url; // not a SQLite file, already absolute, or a URI form whose meaning SQLite decides
        }
        int q = url.indexOf('?');
        return "jdbc:sqlite:" + base.resolve(file).normalize() + (q < 0 ? "" : url.substring(q));
    }

    /**
     * The problems found in one file, each with its line and key. All of them are reported at
     * once, so a user fixes a file in one go rather than one complaint per run. (A key the config
     * model does not know, or a value of the wrong type, stops the reading before these checks.)
     */
    private static final class Problems {
        final LoadedConfig lc;
        private final List<ConfigException> found = new java.util.ArrayList<>();

        Problems(LoadedConfig lc) {
            this.lc = lc;
        }

        void add(String key, String problem) {
            found.add(lc.error(key, problem));
        }

        void requireFile(String key, String path) {
            try {
                lc.requireFile(key, path);
            } catch (ConfigException e) {
                found.add(e);
            }
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw ConfigException.all(found);
            }
        }
    }

    /** Checks values whose type alone does not make them valid. */
    private static void check(Problems p) {
        JobintelConfig c = p.lc.config();
        String url = c.database().url();
        if (url.isEmpty()) {
            p.add("database.url", "names no database; write a jdbc:sqlite: or jdbc:postgresql: URL, or leave the key "
                    + "out for the default " + JobintelConfig.Database.DEFAULT_URL);
        } else if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            p.add("database.url", "expected a jdbc:sqlite: or jdbc:postgresql: URL, got '" + dev.jobintel.internal.Secrets.redactUrl(url) + "'");
        } else if (url.startsWith("jdbc:sqlite:") && dev.jobintel.store.Database.sqliteUrlProblem(url) != null) {
            p.add("database.url", "'" + url + "' " + dev.jobintel.store.Database.sqliteUrlProblem(url));
        } else if (url.startsWith("jdbc:postgresql:") && dev.jobintel.store.Database.postgresUrlProblem(url) != null) {
            p.add("database.url", "'" + dev.jobintel.internal.Secrets.redactUrl(url) + "' "
                    + dev.jobintel.store.Database.postgresUrlProblem(url));
        }
        if (c.taxonomy() != null) {
            p.requireFile("taxonomy", c.taxonomy());
        }
        if (c.places() != null) {
            p.requireFile("places", c.places());
        }
        List<String> files = c.importing().files();
        for (int i = 0; i < files.size(); i++) {
            p.requireFile("import.files[" + i + "]", files.get(i));
        }
        JobintelConfig.Gate g = c.gate();
        if (g.minDescriptionChars() < 0) {
            p.add("gate.min_description_chars", "must be zero or more, got " + g.minDescriptionChars());
        }
        regexes(p, "gate.title.include", g.title().include());
        regexes(p, "gate.title.exclude", g.title().exclude());
        double t = g.agency().threshold();
        if (!(t > 0 && t <= 1)) {
            p.add("gate.agency.threshold", "must be above 0 and at most 1, got " + t);
        }
        if (g.agency().listFile() != null) {
            p.requireFile("gate.agency.list_file", g.agency().listFile());
        }
        if (c.classifier().name().isEmpty()) {
            p.add("classifier.name", "names no classifier; write rules or claude, or leave the key out for the "
                    + "default rules");
        } else if (!CLASSIFIERS.contains(c.classifier().name())) {
            p.add("classifier.name", "unknown classifier '" + c.classifier().name() + "' (known: "
                    + String.join(", ", CLASSIFIERS.stream().sorted().toList()) + ")");
        }
        range(p, "pipeline.batch_size", c.pipeline().batchSize(), 1, 10_000);
        if (c.pipeline().threads() < 0 || c.pipeline().threads() > 64) {
            p.add("pipeline.threads", "must be between 0 (one per core) and 64, got " + c.pipeline().threads());
        }
        range(p, "pipeline.lease_seconds", c.pipeline().leaseSeconds(), 1, 86_400);
        checkClaude(p);
        checkSources(p);
        checkHttp(p);
    }

    private static void checkClaude(Problems p) {
        ClaudeConfig c = p.lc.config().classifier().claude();
        url(p, "classifier.claude.base_url", c.baseUrl());
        if (c.model().isEmpty()) {
            p.add("classifier.claude.model", "names no model; write a model id such as " + ClaudeConfig.DEFAULT_MODEL
                    + ", or leave the key out for that default");
        }
        range(p, "classifier.claude.max_tokens", c.maxTokens(), 256, ClaudeConfig.MAX_OUTPUT_TOKENS);
        // At least max_tokens when that is valid; else its own bounds (not "between 100000000 and 64000").
        boolean maxValid = c.maxTokens() >= 256 && c.maxTokens() <= ClaudeConfig.MAX_OUTPUT_TOKENS;
        range(p, "classifier.claude.retry_max_tokens", c.retryMaxTokens(), maxValid ? c.maxTokens() : 256,
                ClaudeConfig.MAX_OUTPUT_TOKENS);
        range(p, "classifier.claude.description_chars", c.descriptionChars(), 200, 200_000);
        range(p, "classifier.claude.timeout_seconds", c.timeoutSeconds(), 1, 3600);
        range(p, "classifier.claude.max_attempts", c.maxAttempts(), 1, 20);
        range(p, "classifier.claude.concurrency", c.concurrency(), 1, 256);
        range(p, "classifier.claude.requests_per_minute", c.requestsPerMinute(), 1, 1_000_000);
        range(p, "classifier.claude.input_tokens_per_minute", c.inputTokensPerMinute(), 1000, 1_000_000_000);
        range(p, "classifier.claude.output_tokens_per_minute", c.outputTokensPerMinute(), 100, 1_000_000_000);
        range(p, "classifier.claude.batch_poll_seconds", c.batchPollSeconds(), 1, 3600);
        range(p, "classifier.claude.batch_max_requests", c.batchMaxRequests(), 1, 100_000);
        if (!c.cacheTtl().equals("5m") && !c.cacheTtl().equals("1h")) {
            p.add("classifier.claude.cache_ttl", "expected 5m or 1h, got '" + c.cacheTtl() + "'");
        }
        // 1e309 reads as infinity: no budget at all, where one was written.
        if (c.budgetUsd() != null && !(c.budgetUsd() > 0 && Double.isFinite(c.budgetUsd()))) {
            p.add("classifier.claude.budget_usd", "must be a number above 0, got " + c.budgetUsd());
        }
        for (var e : p.lc.config().classifier().prices().entrySet()) {
            String key = "classifier.prices." + e.getKey();
            ModelPrice price = e.getValue();
            if (price == null || price.input() == null || price.output() == null) {
                p.add(key, "a price needs both 'input' and 'output' (USD per million tokens)");
                continue;
            }
            for (Double v : new Double[] {price.input(), price.output(), price.cacheWrite(), price.cacheWrite1h(), price.cacheRead()}) {
                if (!(v >= 0) || v > 10_000) {
                    p.add(key, "prices are USD per million tokens between 0 and 10000, got " + v);
                    break;
                }
            }
        }
    }

    private static void checkSources(Problems p) {
        SourcesConfig s = p.lc.config().sources();
        boards(p, "greenhouse", s.greenhouse(), true, false);
        boards(p, "lever", s.lever(), true, true);
        boards(p, "ashby", s.ashby(), false, false);
        boards(p, "workable", s.workable(), false, false);
        boards(p, "smartrecruiters", s.smartrecruiters(), false, true);
        SourcesConfig.Adzuna a = s.adzuna();
        url(p, "sources.adzuna.base_url", a.baseUrl());
        for (int i = 0; i < a.countries().size(); i++) {
            String c = a.countries().get(i);
            if (c == null || !c.strip().matches("[A-Za-z]{2}")) {
                p.add("sources.adzuna.countries[" + i + "]", "expected a two-letter market code such as gb or us, got '"
                        + c + "'");
            }
        }
        for (int i = 0; i < a.queries().size(); i++) {
            SourcesConfig.Query q = a.queries().get(i);
            if (q == null || q.what() == null || q.what().isBlank()) {
                p.add("sources.adzuna.queries[" + i + "].what", "a query needs keywords in 'what'");
            }
        }
        if (!a.queries().isEmpty() && a.countries().isEmpty()) {
            p.add("sources.adzuna.countries", "Adzuna queries are configured but no country to search in");
        }
        range(p, "sources.adzuna.results_per_page", a.resultsPerPage(), 1, 50);
        range(p, "sources.adzuna.max_results", a.maxResults(), 1, 1_000_000);
        range(p, "sources.adzuna.requests_per_minute", a.requestsPerMinute(), 1, 10_000);
    }

    /**
     * One source's boards and settings. The sources share one shape of settings, but only Greenhouse
     * and Lever have an EU host and only Lever and SmartRecruiters page: elsewhere those keys would
     * be accepted and do nothing (incident 29), so they are errors.
     */
    private static void boards(Problems p, String source, SourcesConfig.BoardSource src, boolean hasEu, boolean pages) {
        String key = "sources." + source;
        url(p, key + ".base_url", src.baseUrl());
        if (hasEu) {
            url(p, key + ".eu_base_url", src.euBaseUrl());
        } else if (src.euBaseUrl() != null) {
            p.add(key + ".eu_base_url", source + " has no EU instance; only greenhouse and lever take eu_base_url");
        }
        if (src.pageSize() != null && pages) {
            // Pages overlap by one posting (a listing that moves while it is read shows that way).
            range(p, key + ".page_size", src.pageSize(), 2, 100);
        } else if (src.pageSize() != null) {
            p.add(key + ".page_size", source + " returns a board in one response; only lever and smartrecruiters "
                    + "take page_size");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < src.boards().size(); i++) {
            SourcesConfig.Board b = src.boards().get(i);
            String bk = key + ".boards[" + i + "]";
            if (b == null || b.slug() == null || b.slug().isEmpty()) {
                p.add(bk + ".slug", "every board needs a slug (the board's identifier in the API's URL)");
                continue;
            }
            // The slug is stripped as it is read (SourcesConfig.Board).
            if (!b.slug().matches("[A-Za-z0-9._-]+") || b.slug().matches("\\.+")) {
                p.add(bk + ".slug", "'" + b.slug() + "' is not a board identifier (letters, digits, '.', '_', '-')");
            } else if (!seen.add(b.slug().toLowerCase(java.util.Locale.ROOT))) {
                p.add(bk + ".slug", "board '" + b.slug() + "' is listed twice for " + source);
            }
            if (b.instance() != null && !(b.instance().equalsIgnoreCase("global") || (hasEu && b.instance().equalsIgnoreCase("eu")))) {
                p.add(bk + ".instance", source + " boards have instance " + (hasEu ? "'global' or 'eu'" : "'global'")
                        + ", got '" + b.instance() + "'");
            }
        }
    }

    private static void checkHttp(Problems p) {
        HttpConfig h = p.lc.config().http();
        range(p, "http.connect_timeout_seconds", h.connectTimeoutSeconds(), 1, 600);
        range(p, "http.read_timeout_seconds", h.readTimeoutSeconds(), 1, 3600);
        range(p, "http.max_attempts", h.maxAttempts(), 1, 20);
        range(p, "http.politeness_delay_ms", h.politenessDelayMs(), 0, 600_000);
        range(p, "http.per_host_concurrency", h.perHostConcurrency(), 1, 64);
        range(p, "http.board_concurrency", h.boardConcurrency(), 1, 256);
        range(p, "http.max_retry_after_seconds", h.maxRetryAfterSeconds(), 0, 86_400);
        userAgent(p, h.userAgent());
        HealthConfig health = p.lc.config().health();
        range(p, "health.failures_before_backoff", health.failuresBeforeBackoff(), 1, 1000);
        range(p, "health.backoff_hours", health.backoffHours(), 1, 24 * 365);
        range(p, "health.max_backoff_hours", health.maxBackoffHours(), 1, 24 * 365);
    }

    /**
     * The HTTP client refuses a header value outside tab and printable ASCII ("Paweł", a newline), and
     * would do so on every request: every board would fail, run after run, until all were backed off.
     */
    private static void userAgent(Problems p, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < ' ' || c > '~')) {
                p.add("http.user_agent", String.format(java.util.Locale.ROOT, "has a character an HTTP header cannot"
                        + " carry (U+%04X at position %d): write it in printable ASCII", (int) c, i + 1));
                return;
            }
        }
    }

    private static void range(Problems p, String key, int value, int min, int max) {
        if (value < min || value > max) {
            p.add(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void url(Problems p, String key, String value) {
        String problem = value == null ? null : urlProblem(value);
        if (problem != null) {
            p.add(key, problem);
        }
    }

    /** What is wrong with {@code value} as a base URL (it must be http or https, with a host), or null. */
    public static String urlProblem(String value) {
        try {
            java.net.URI u = new java.net.URI(value.strip());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                return "expected an http(s) URL, got '" + value + "'";
            }
            if (u.getPort() > 65_535) {
                // URI takes any digits; the HTTP client refuses the port later, on every board, as the board's failure.
                return "port " + u.getPort() + " is above 65535 in '" + value + "'";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "not a URL: '" + value + "' (" + e.getReason() + ")";
        }
    }

    /** The longest title pattern: far past any title's, short of what the JDK's compiler spins minutes on. */
    static final int REGEX_MAX_CHARS = 10_000;

    private static void regexes(Problems p, String key, List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).length() > REGEX_MAX_CHARS) {
                p.add(key + "[" + i + "]", "a regex of " + list.get(i).length() + " characters; at most "
                        + REGEX_MAX_CHARS + " (split it into several)");
                continue;
            }
            try {
                Pattern.compile(list.get(i));
            } catch (PatternSyntaxException e) {
                p.add(key + "[" + i + "]", "bad regex '" + list.get(i) + "': " + e.getDescription());
            }
        }
    }
}
