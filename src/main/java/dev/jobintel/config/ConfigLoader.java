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
    public static final Set<String> CLASSIFIERS = Set.of("rules");

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
