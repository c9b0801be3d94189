package dev.jobintel.pipeline;

import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.claude.ClaudeApi;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.RateLimiter;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.classify.cost.CallLog;
import dev.jobintel.classify.cost.PriceTable;
import dev.jobintel.classify.rules.RulesClassifier;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.config.ConfigException;
import dev.jobintel.config.ConfigLoader;
import dev.jobintel.config.ModelPrice;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.gate.AgencyDetector;
import dev.jobintel.gate.AgencyList;
import dev.jobintel.gate.Gate;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a command needs, loaded and checked once before any work: the configuration, the
 * taxonomy, the place table, the agency list, the gate and the classifier. Any problem in any
 * of those files stops here with file, line and key.
 */
public final class Context {

    private final LoadedConfig loaded;
    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;
    private final LocationResolver resolver;
    private final Gate gate;
    private final Classifier rules;
    private final Clock clock;
    private final Map<String, String> env;
    /** A dry run: it plans and estimates, sends nothing, and so needs no API key. */
    private final boolean sendsNothing;
    private Classifier classifier;

    private Context(LoadedConfig loaded, Taxonomy taxonomy, Gazetteer gazetteer, Gate gate, Classifier rules,
                    Clock clock, Map<String, String> env, boolean sendsNothing) {
        this.loaded = loaded;
        this.taxonomy = taxonomy;
        this.gazetteer = gazetteer;
        this.resolver = new LocationResolver(gazetteer);
        this.gate = gate;
        this.rules = rules;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.sendsNothing = sendsNothing;
    }

    /**
     * This context for a dry run, which sends nothing: its classifier is built without an API key,
     * so a cost can be estimated before there is one.
     */
    public Context sendingNothing() {
        return new Context(loaded, taxonomy, gazetteer, gate, rules, clock, env, true);
    }

    public static Context load(LoadedConfig loaded, Clock clock) {
        return load(loaded, clock, System.getenv());
    }

    /** @param env the environment secrets and the API base URL are read from */
    public static Context load(LoadedConfig loaded, Clock clock, Map<String, String> env) {
        JobintelConfig c = loaded.config();
        Taxonomy taxonomy = taxonomy(loaded);
        Gazetteer gazetteer = gazetteer(loaded);
        JobintelConfig.Gate g = c.gate();
        AgencyDetector agency = null;
        if (g.agency().enabled()) {
            AgencyList list = g.agency().listFile() == null ? AgencyList.bundled()
                    : AgencyList.load(loaded.resolve(g.agency().listFile()));
            agency = new AgencyDetector(list.with(g.agency().block(), g.agency().allow()), g.agency().threshold());
        }
        // Every area the place table does not know is said at once, as the loader says every other problem.
        List<ConfigException> unknownAreas = new java.util.ArrayList<>();
        Set<String> include = places(loaded, gazetteer, "gate.location.include", g.location().include(), unknownAreas);
        Set<String> exclude = places(loaded, gazetteer, "gate.location.exclude", g.location().exclude(), unknownAreas);
        if (!unknownAreas.isEmpty()) {
            throw ConfigException.all(unknownAreas);
        }
        Gate gate = new Gate(new Gate.Rules(patterns(g.title().include()), patterns(g.title().exclude()), include, exclude,
                g.location().keepUnknown(), agency, g.minDescriptionChars()));
        return new Context(loaded, taxonomy, gazetteer, gate, new RulesClassifier(taxonomy), clock, env, false);
    }

    /**
     * Checks what the configured classifier needs — for claude a price for the model and a key in
     * the environment — so that a command that classifies stops before any work, not at the
     * first posting. Commands that do not classify (fetch, import, status) never need a key.
     */
    public void checkClassifier() {
        if (classifierName().equals(ClaudeClassifier.NAME)) {
            claudePrice();
            apiKey();
            baseUrl();
        }
    }

    public String classifierName() {
        return loaded.config().classifier().name();
    }

    /** Classifications in flight for a remote classifier. */
    public int concurrency() {
        return loaded.config().classifier().claude().concurrency();
    }

    /**
     * The configured classifier, writing its model calls to {@code log} and stopping before
     * {@code budget} is exceeded (both unused by the offline rules classifier).
     */
    public Classifier classifier(CallLog log, Budget budget) {
        if (!classifierName().equals(ClaudeClassifier.NAME)) {
            return rules;
        }
        ClaudeConfig c = loaded.config().classifier().claude();
        ClaudeApi api = ClaudeApi.connect(apiKey(), baseUrl(), Duration.ofSeconds(c.timeoutSeconds()));
        return new ClaudeClassifier(api, c, taxonomy, claudePrice(), log, budget,
                new RateLimiter(c.requestsPerMinute(), c.inputTokensPerMinute(), c.outputTokensPerMinute()), clock);
    }

    /** The model's price: from classifier.prices, else the bundled table; a model with neither is a config error. */
    public ModelPrice claudePrice() {
        String model = loaded.config().classifier().claude().model();
        return PriceTable.bundledWith(loaded.config().classifier().prices()).find(model).orElseThrow(() ->
                loaded.error("classifier.prices", "no price is known for model '" + model + "': add classifier.prices."
                        + model + ": {input: USD per million tokens, output: USD per million tokens}"));
    }

    /** ANTHROPIC_BASE_URL, else classifier.claude.base_url, else the public API. */
    public String baseUrl() {
        String fromEnv = env.get("ANTHROPIC_BASE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // The config's base_url was checked with the file; the variable is checked here, as the key is.
            String problem = ConfigLoader.urlProblem(fromEnv);
            if (problem != null) {
                throw new ConfigException("environment", 0, "ANTHROPIC_BASE_URL", problem);
            }
            return fromEnv.strip();
        }
        String fromConfig = loaded.config().classifier().claude().baseUrl();
        return fromConfig == null ? ClaudeConfig.DEFAULT_BASE_URL : fromConfig.strip();
    }

    private String apiKey() {
        String key = env.get("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            if (sendsNothing) {
                // Never sent: a dry run makes no request (one that did would be refused, and cost nothing).
                return "no key: a dry run sends nothing";
            }
            // The environment, not the config file, is where the key is missing.
            throw new ConfigException("environment", 0, "ANTHROPIC_API_KEY",
                    "not set: the claude classifier needs an API key from this variable (it is never read "
                            + "from a file); set it, or use --classifier rules");
        }
        String stripped = key.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c <= ' ' || c > '~') {
                // Checked here because the HTTP client would refuse it on every request, and each
                // posting would fail as a server error after its retries; and some clients quote
                // a bad header's value in their error, which must never carry the key.
                throw new ConfigException("environment", 0, "ANTHROPIC_API_KEY", String.format(Locale.ROOT,
                        "has a character an HTTP header cannot carry (U+%04X at position %d of %d): a key is "
                                + "printable ASCII; copy it again", (int) c, i + 1, stripped.length()));
            }
        }
        return stripped;
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    /** The taxonomy the configuration names: the bundled one, or the file {@code taxonomy:} gives. */
    public static Taxonomy taxonomy(LoadedConfig loaded) {
        String taxonomy = loaded.config().taxonomy();
        return taxonomy == null ? Taxonomy.bundled() : Taxonomy.load(loaded.resolve(taxonomy));
    }

    /** The place table the configuration names: the bundled one, extended by {@code places:} when given. */
    public static Gazetteer gazetteer(LoadedConfig loaded) {
        String places = loaded.config().places();
        return places == null ? Gazetteer.bundled() : Gazetteer.withExtension(loaded.resolve(places));
    }

    /** Location filter entries as area codes, checked against the place table; each unknown one added to {@code problems}. */
    static Set<String> places(LoadedConfig loaded, Gazetteer g, String key, List<String> entries,
                              List<ConfigException> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String code = g.areaCode(entries.get(i));
            if (code == null) {
                problems.add(loaded.error(key + "[" + i + "]", g.areaProblem(entries.get(i))));
            } else {
                out.add(code);
            }
        }
        return out;
    }

    /** Opens the configured database; the password comes only from JOBINTEL_DB_PASSWORD. */
    public Database openDatabase() {
        JobintelConfig.Database d = loaded.config().database();
        return Database.open(d.url(), d.username());
    }

    public LoadedConfig loaded() {
        return loaded;
    }

    public JobintelConfig config() {
        return loaded.config();
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public LocationResolver resolver() {
        return resolver;
    }

    public Gate gate() {
        return gate;
    }

    /**
     * The configured classifier with no cost ledger and no budget (evaluation); one instance
     * per context.
     */
    public synchronized Classifier classifier() {
        if (classifier == null) {
            classifier = classifier(CallLog.NONE, Budget.unlimited());
        }
        return classifier;
    }

    public Clock clock() {
        return clock;
    }
}
