package dev.jobintel.classify.taxonomy;

import dev.jobintel.posting.Normalizer;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The closed set of codes one field may take (family, seniority, arrangement…), with the
 * synonyms that map loose answers onto codes: "Remote-first" → remote, "ON-SITE" → onsite,
 * "Sr" → senior. Matching is on normalised text, so case, hyphens and underscores do not matter.
 */
public final class Vocabulary {

    private final String field;
    private final String defaultCode;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> lookup = new HashMap<>();
    /** Codes, names and synonyms as written, punctuation kept ("office/remote", "ux/ui design"). */
    private final Map<String, String> asWritten = new HashMap<>();

    /** One code of the vocabulary. */
    public record Entry(String code, String name, String description, List<String> synonyms) {
    }

    Vocabulary(String field, String defaultCode) {
        this.field = field;
        this.defaultCode = defaultCode;
    }

    /** Adds a code; returns the code an earlier entry already claimed for one of its keys, else null. */
    String add(Entry e) {
        entries.put(e.code(), e);
        String clash = claim(e.code(), e.code());
        if (clash == null) {
            clash = claim(e.name(), e.code());
        }
        for (String s : e.synonyms()) {
            String c = claim(s, e.code());
            if (clash == null) {
                clash = c;
            }
        }
        return clash;
    }

    private String claim(String word, String code) {
        if (word == null) {
            return null;
        }
        String key = key(word);
        if (key.isEmpty()) {
            return null;
        }
        asWritten.putIfAbsent(writtenKey(word), code);
        String prev = lookup.putIfAbsent(key, code);
        return prev != null && !prev.equals(code) ? prev : null;
    }

    /**
     * Normalised text; a word with no letter or digit ("£", "€", "$") is its own key, as normalising would
     * leave nothing of it.
     */
    static String key(String s) {
        String key = Normalizer.basic(s.replace('_', ' '));
        return key.isEmpty() ? s.strip() : key;
    }

    /** Lower case, runs of spaces as one, and none around the marks that join words ("Office / Remote" → "office/remote"). */
    private static String writtenKey(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*([/|,;])\\s*", "$1").replaceAll("\\s+", " ");
    }

    /**
     * The code whose code, name or synonym an answer is as written, punctuation kept: "office/remote" is a
     * synonym of one code, where "senior / staff" is no synonym but two codes joined.
     */
    public Optional<String> matchAsWritten(String answer) {
        return answer == null ? Optional.empty() : Optional.ofNullable(asWritten.get(writtenKey(answer)));
    }

    public String field() {
        return field;
    }

    public String defaultCode() {
        return defaultCode;
    }

    public List<String> codes() {
        return List.copyOf(entries.keySet());
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public boolean contains(String code) {
        return code != null && entries.containsKey(code);
    }

    /** The code an answer means: exact code, then code or synonym case- and punctuation-insensitively. */
    public Optional<String> match(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        if (entries.containsKey(answer)) {
            return Optional.of(answer);
        }
        return Optional.ofNullable(lookup.get(key(answer)));
    }
}
