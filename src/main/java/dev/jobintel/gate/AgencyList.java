package dev.jobintel.gate;

import dev.jobintel.config.YamlDocument;
import dev.jobintel.posting.Phrase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agency rules of {@code agencies.yaml}: a block list of known agencies, an allow list of
 * real employers whose names look like agencies, and weighted signals in names and
 * descriptions. Compiled and checked on load.
 */
public final class AgencyList {

    public static final String BUNDLED = "/jobintel/agencies.yaml";

    /** The file as written. */
    public record File(String version, List<String> block, List<String> blockNames, List<String> allow,
                       List<SignalSpec> nameSignals, List<SignalSpec> descriptionSignals) {
        public File {
            block = block == null ? List.of() : List.copyOf(block);
            blockNames = blockNames == null ? List.of() : List.copyOf(blockNames);
            allow = allow == null ? List.of() : List.copyOf(allow);
            nameSignals = nameSignals == null ? List.of() : List.copyOf(nameSignals);
            descriptionSignals = descriptionSignals == null ? List.of() : List.copyOf(descriptionSignals);
        }
    }

    /**
     * @param supporting a contract term ("Outside IR35", "day rate") that direct employers write too: it adds
     *                   its weight only beside another signal, never decides alone
     */
    public record SignalSpec(String pattern, Double weight, String why, Boolean supporting) {
    }

    /** A compiled signal. */
    public record Signal(Phrase phrase, double weight, String why, boolean supporting) {
    }

    private final List<String> block;
    /**
     * Agencies whose name is also an ordinary word or another organisation's ("Hays", "Reed"):
     * they match the name and its agency forms ("Hays Specialist Recruitment"), not every name
     * starting with the word ("Hays Medical Center", "Reed College").
     */
    private final List<String> blockNames;
    private final List<String> allow;
    private final List<Signal> nameSignals;
    private final List<Signal> descriptionSignals;

    private AgencyList(List<String> block, List<String> blockNames, List<String> allow, List<Signal> nameSignals,
                       List<Signal> descriptionSignals) {
        this.block = block;
        this.blockNames = blockNames;
        this.allow = allow;
        this.nameSignals = nameSignals;
        this.descriptionSignals = descriptionSignals;
    }

    public static AgencyList bundled() {
        return compile(YamlDocument.resource(BUNDLED));
    }

    public static AgencyList load(Path file) {
        return compile(YamlDocument.read(file));
    }

    static AgencyList compile(YamlDocument doc) {
        File f = doc.bind(File.class);
        if (f == null) {
            throw doc.error("", "the agency list is empty");
        }
        List<String> block = new ArrayList<>();
        for (String b : f.block()) {
            block.add(AgencyDetector.normaliseName(b));
        }
        List<String> blockNames = new ArrayList<>();
        for (String b : f.blockNames()) {
            blockNames.add(AgencyDetector.normaliseName(b));
        }
        List<String> allow = new ArrayList<>();
        for (String a : f.allow()) {
            allow.add(AgencyDetector.normaliseName(a));
        }
        return new AgencyList(block, List.copyOf(blockNames), allow, signals(doc, "name_signals", f.nameSignals()),
                signals(doc, "description_signals", f.descriptionSignals()));
    }

    private static List<Signal> signals(YamlDocument doc, String key, List<SignalSpec> specs) {
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SignalSpec s = specs.get(i);
            String path = key + "[" + i + "]";
            if (s.pattern() == null || s.pattern().isBlank()) {
                throw doc.error(path + ".pattern", "missing pattern");
            }
            if (s.weight() == null || !(s.weight() > 0 && s.weight() <= 1)) {
                throw doc.error(path + ".weight", "a weight is above 0 and at most 1, got " + s.weight());
            }
            try {
                // Matched against lower-cased text: a pattern with capitals ("Our Client") would never
                // match, so it matches case-insensitively (the bundled ones, all lower case, need not).
                int flags = s.pattern().equals(s.pattern().toLowerCase(java.util.Locale.ROOT)) ? 0
                        : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                out.add(new Signal(new Phrase(Pattern.compile(s.pattern(), flags)), s.weight(),
                        s.why() == null ? s.pattern() : s.why(), Boolean.TRUE.equals(s.supporting())));
            } catch (PatternSyntaxException e) {
                throw doc.error(path + ".pattern", "bad regex '" + s.pattern() + "': " + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    /** This list with extra block and allow names (from jobintel.yaml). */
    public AgencyList with(List<String> extraBlock, List<String> extraAllow) {
        List<String> b = new ArrayList<>(block);
        extraBlock.forEach(x -> b.add(AgencyDetector.normaliseName(x)));
        List<String> a = new ArrayList<>(allow);
        extraAllow.forEach(x -> a.add(AgencyDetector.normaliseName(x)));
        return new AgencyList(List.copyOf(b), blockNames, List.copyOf(a), nameSignals, descriptionSignals);
    }

    public List<String> block() {
        return block;
    }

    public List<String> blockNames() {
        return blockNames;
    }

    public List<String> allow() {
        return allow;
    }

    public List<Signal> nameSignals() {
        return nameSignals;
    }

    public List<Signal> descriptionSignals() {
        return descriptionSignals;
    }
}
