package dev.jobintel.pipeline;

import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.rules.RulesClassifier;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private final Classifier classifier;
    private final Clock clock;

    private Context(LoadedConfig loaded, Taxonomy taxonomy, Gazetteer gazetteer, Gate gate, Classifier classifier,
                    Clock clock) {
        this.loaded = loaded;
        this.taxonomy = taxonomy;
        this.gazetteer = gazetteer;
        this.resolver = new LocationResolver(gazetteer);
        this.gate = gate;
        this.classifier = classifier;
        this.clock = clock;
    }

    public static Context load(LoadedConfig loaded, Clock clock) {
        JobintelConfig c = loaded.config();
        Taxonomy taxonomy = c.taxonomy() == null ? Taxonomy.bundled()
                : Taxonomy.load(loaded.resolve(c.taxonomy()));
        Gazetteer gazetteer = c.places() == null ? Gazetteer.bundled()
                : Gazetteer.withExtension(loaded.resolve(c.places()));
        JobintelConfig.Gate g = c.gate();
        AgencyDetector agency = null;
        if (g.agency().enabled()) {
            AgencyList list = g.agency().listFile() == null ? AgencyList.bundled()
                    : AgencyList.load(loaded.resolve(g.agency().listFile()));
            agency = new AgencyDetector(list.with(g.agency().block(), g.agency().allow()), g.agency().threshold());
        }
        Gate gate = new Gate(new Gate.Rules(
                patterns(g.title().include()), patterns(g.title().exclude()),
                places(loaded, gazetteer, "gate.location.include", g.location().include()),
                places(loaded, gazetteer, "gate.location.exclude", g.location().exclude()),
                g.location().keepUnknown(), agency, g.minDescriptionChars()));
        Classifier classifier = new RulesClassifier(taxonomy);
        return new Context(loaded, taxonomy, gazetteer, gate, classifier, clock);
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    /** Location filter entries as area codes, checked against the place table. */
    static Set<String> places(LoadedConfig loaded, Gazetteer g, String key, List<String> entries) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String raw = entries.get(i).trim();
            String lower = raw.toLowerCase(Locale.ROOT);
            String code = null;
            if (lower.equals("remote")) {
                code = "remote";
            } else if (lower.startsWith("remote-")) {
                String scope = lower.substring("remote-".length());
                if (scope.equals("global") || g.country(scope) != null || g.isRegion(scope)) {
                    code = "remote-" + scope;
                }
            } else if (g.city(lower) != null) {
                code = lower;
            } else if (g.country(raw) != null) {
                code = raw.toUpperCase(Locale.ROOT);
            } else if (g.isRegion(lower)) {
                code = lower;
            }
            if (code == null) {
                throw loaded.error(key + "[" + i + "]", "'" + raw + "' is not a city code (e.g. lon), country code "
                        + "(e.g. GB), region (e.g. europe), 'remote' or a remote scope (e.g. remote-us, remote-europe, "
                        + "remote-global)");
            }
            out.add(code);
        }
        return out;
    }

    /** Opens the configured database; the password comes only from JOBINTEL_DB_PASSWORD. */
    public Database openDatabase() {
        JobintelConfig.Database d = loaded.config().database();
        return Database.open(d.url(), d.username(), System.getenv("JOBINTEL_DB_PASSWORD"));
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

    public Classifier classifier() {
        return classifier;
    }

    public Clock clock() {
        return clock;
    }
}
