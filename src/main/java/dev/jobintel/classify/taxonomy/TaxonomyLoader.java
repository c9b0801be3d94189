package dev.jobintel.classify.taxonomy;

import dev.jobintel.config.YamlDocument;
import dev.jobintel.posting.Phrase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a taxonomy file and compiles it. Every problem is reported with the file, line and
 * key, because a user's own taxonomy drives the classifiers and the database checks alike.
 */
final class TaxonomyLoader {

    private final YamlDocument doc;

    private TaxonomyLoader(YamlDocument doc) {
        this.doc = doc;
    }

    static Taxonomy load(YamlDocument doc) {
        TaxonomyFile file = doc.bind(TaxonomyFile.class);
        if (file == null) {
            throw doc.error("", "the taxonomy file is empty");
        }
        return new TaxonomyLoader(doc).compile(file);
    }

    private Taxonomy compile(TaxonomyFile f) {
        if (f.families() == null || f.families().isEmpty()) {
            throw doc.error("families", "at least one family is required");
        }
        Vocabulary families = new Vocabulary("family", null);
        Vocabulary subfamilies = new Vocabulary("subfamily", null);
        Map<String, String> familyOf = new HashMap<>();
        List<Taxonomy.SubfamilyRule> rules = new ArrayList<>();
        for (int i = 0; i < f.families().size(); i++) {
            TaxonomyFile.Family fam = f.families().get(i);
            String path = "families[" + i + "]";
            code(path + ".code", fam.code());
            if (families.contains(fam.code())) {
                throw doc.error(path + ".code", "duplicate family '" + fam.code() + "'");
            }
            // A synonym two families (or subfamilies) share would map a model's answer to whichever came first.
            claim(families, path, new Vocabulary.Entry(fam.code(), name(fam.name(), fam.code()), fam.description(), fam.synonyms()));
            if (fam.subfamilies().isEmpty()) {
                throw doc.error(path + ".subfamilies", "family '" + fam.code() + "' needs at least one subfamily");
            }
            for (int j = 0; j < fam.subfamilies().size(); j++) {
                TaxonomyFile.Subfamily sub = fam.subfamilies().get(j);
                String sp = path + ".subfamilies[" + j + "]";
                code(sp + ".code", sub.code());
                if (subfamilies.contains(sub.code())) {
                    throw doc.error(sp + ".code", "duplicate subfamily '" + sub.code()
                            + "' (subfamily codes are unique across families)");
                }
                if (sub.description() == null || sub.description().isBlank()) {
                    throw doc.error(sp + ".description", "every subfamily needs a one-line description");
                }
                claim(subfamilies, sp, new Vocabulary.Entry(sub.code(), name(sub.name(), sub.code()), sub.description(), sub.synonyms()));
                familyOf.put(sub.code(), fam.code());
                rules.add(new Taxonomy.SubfamilyRule(fam.code(), sub.code(),
                        phrases(patterns(sp + ".title_patterns", sub.titlePatterns())),
                        phrases(patterns(sp + ".description_patterns", sub.descriptionPatterns()))));
            }
        }
        String fbFamily = f.fallback() == null ? "out_of_scope" : f.fallback().family();
        String fbSub = f.fallback() == null ? "other" : f.fallback().subfamily();
        if (!families.contains(fbFamily) || !fbFamily.equals(familyOf.get(fbSub))) {
            throw doc.error("fallback", "the fallback must name an existing family and one of its subfamilies (got "
                    + fbFamily + "/" + fbSub + ")");
        }

        // Seniority
        if (f.seniority() == null || f.seniority().levels().isEmpty()) {
            throw doc.error("seniority", "seniority levels are required");
        }
        Vocabulary seniority = new Vocabulary("seniority", f.seniority().defaultCode());
        List<Taxonomy.LevelRule> levels = new ArrayList<>();
        for (int i = 0; i < f.seniority().levels().size(); i++) {
            TaxonomyFile.Level l = f.seniority().levels().get(i);
            String lp = "seniority.levels[" + i + "]";
            code(lp + ".code", l.code());
            unique(seniority, lp + ".code", l.code());
            claim(seniority, lp, new Vocabulary.Entry(l.code(), name(l.name(), l.code()), l.description(), l.synonyms()));
            Integer min = l.years() == null ? null : l.years().min();
            Integer max = l.years() == null ? null : l.years().max();
            if (min != null && max != null && min > max) {
                throw doc.error(lp + ".years", "min " + min + " is above max " + max);
            }
            levels.add(new Taxonomy.LevelRule(l.code(), i, min, max,
                    min != null && !Boolean.FALSE.equals(l.fromYears()), phrases(patterns(lp + ".title_markers", l.titleMarkers()))));
        }
        requireDefault("seniority.default", seniority);

        // Tracks
        Vocabulary tracks = new Vocabulary("track", f.tracks() == null ? null : f.tracks().defaultCode());
        List<Taxonomy.MarkerRule> trackRules = new ArrayList<>();
        if (f.tracks() == null || f.tracks().values().isEmpty()) {
            throw doc.error("tracks", "tracks are required");
        }
        for (int i = 0; i < f.tracks().values().size(); i++) {
            TaxonomyFile.Track t = f.tracks().values().get(i);
            String tp = "tracks.values[" + i + "]";
            code(tp + ".code", t.code());
            unique(tracks, tp + ".code", t.code());
            claim(tracks, tp, new Vocabulary.Entry(t.code(), name(t.name(), t.code()), t.description(), t.synonyms()));
            trackRules.add(new Taxonomy.MarkerRule(t.code(), phrases(patterns(tp + ".title_markers", t.titleMarkers()))));
        }
        requireDefault("tracks.default", tracks);

        Vocabulary arrangements = new Vocabulary("arrangement", f.arrangements() == null ? null : f.arrangements().defaultCode());
        List<Taxonomy.PhraseRule> arrangementRules = coded("arrangements", f.arrangements(), arrangements);
        Vocabulary positionTypes = new Vocabulary("position_type", f.positionTypes() == null ? null : f.positionTypes().defaultCode());
        List<Taxonomy.PhraseRule> positionRules = coded("position_types", f.positionTypes(), positionTypes);

        // Currencies
        if (f.currencies() == null || f.currencies().isEmpty()) {
            throw doc.error("currencies", "at least one currency is required");
        }
        Vocabulary currencies = new Vocabulary("currency", null);
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        Map<String, String> symbolOwner = new HashMap<>();
        Map<String, String> currencyOfCountry = new LinkedHashMap<>();
        Map<String, Double> monthlyBelow = new HashMap<>();
        Map<String, Double> maxPerYear = new HashMap<>();
        for (int i = 0; i < f.currencies().size(); i++) {
            TaxonomyFile.Currency c = f.currencies().get(i);
            String cp = "currencies[" + i + "]";
            if (c.code() == null || !c.code().matches("[A-Z]{3}")) {
                throw doc.error(cp + ".code", "a currency code is three upper-case letters (ISO 4217), got '" + c.code() + "'");
            }
            unique(currencies, cp + ".code", c.code());
            currencies.add(new Vocabulary.Entry(c.code(), name(c.name(), c.code()), c.name(), c.symbols()));
            List<String> syms = new ArrayList<>(c.symbols());
            if (!syms.contains(c.code())) {
                syms.add(c.code());
            }
            for (int j = 0; j < syms.size(); j++) {
                String prev = symbolOwner.putIfAbsent(syms.get(j), c.code());
                if (prev != null && !prev.equals(c.code())) {
                    throw doc.error(cp + ".symbols[" + j + "]", "symbol '" + syms.get(j) + "' already denotes " + prev);
                }
            }
            symbols.put(c.code(), List.copyOf(syms));
            if (c.monthlyBelow() != null) {
                if (!(c.monthlyBelow() > 0) || c.monthlyBelow().isInfinite()) {
                    throw doc.error(cp + ".monthly_below", "an amount above 0, got " + c.monthlyBelow());
                }
                monthlyBelow.put(c.code(), c.monthlyBelow());
            }
            if (c.maxPerYear() != null) {
                if (!(c.maxPerYear() > 0) || c.maxPerYear().isInfinite()) {
                    throw doc.error(cp + ".max_per_year", "an amount above 0, got " + c.maxPerYear());
                }
                maxPerYear.put(c.code(), c.maxPerYear());
            }
            for (int j = 0; j < c.countries().size(); j++) {
                String country = c.countries().get(j);
                String key = cp + ".countries[" + j + "]";
                if (country == null || !country.matches("[A-Z]{2}")) {
                    throw doc.error(key, "a country code is two upper-case letters (ISO 3166), got '" + country + "'");
                }
                String prev = currencyOfCountry.putIfAbsent(country, c.code());
                if (prev != null && !prev.equals(c.code())) {
                    throw doc.error(key, "country " + country + " already uses " + prev);
                }
            }
        }

        // Skills
        Vocabulary skillFamilies = new Vocabulary("skill_family", null);
        for (int i = 0; i < orEmpty(f.skillFamilies()).size(); i++) {
            TaxonomyFile.SkillFamily sf = f.skillFamilies().get(i);
            code("skill_families[" + i + "].code", sf.code());
            unique(skillFamilies, "skill_families[" + i + "].code", sf.code());
            skillFamilies.add(new Vocabulary.Entry(sf.code(), name(sf.name(), sf.code()), sf.description(), List.of()));
        }
        SkillDictionary skills = new SkillDictionary();
        for (int i = 0; i < orEmpty(f.skills()).size(); i++) {
            TaxonomyFile.Skill s = f.skills().get(i);
            String sp = "skills[" + i + "]";
            if (s.name() == null || s.name().isBlank()) {
                throw doc.error(sp + ".name", "missing value");
            }
            if (!skillFamilies.contains(s.family())) {
                throw doc.error(sp + ".family", "unknown skill family '" + s.family() + "'");
            }
            List<String> forms = new ArrayList<>(s.aliases());
            forms.add(0, s.name());
            forms.addAll(s.listedAs());
            for (String form : forms) {
                int n = SkillDictionary.tokenCount(form);
                if (n == 0 || n > SkillDictionary.MAX_TOKENS) {
                    throw doc.error(sp, "'" + form + "' must be 1 to " + SkillDictionary.MAX_TOKENS + " words");
                }
            }
            List<String> context = new ArrayList<>(s.notPrecededBy());
            context.addAll(s.notFollowedBy());
            for (String words : context) {
                int n = SkillDictionary.tokenCount(words);
                if (n == 0 || n > SkillDictionary.MAX_TOKENS) {
                    throw doc.error(sp, "'" + words + "' must be 1 to " + SkillDictionary.MAX_TOKENS + " words");
                }
            }
            SkillDictionary.Skill clash = skills.add(s.name(), s.family(), s.aliases(), Boolean.TRUE.equals(s.caseSensitive()),
                    SkillContext.of(s.notPrecededBy(), s.notFollowedBy()), s.listedAs());
            if (clash != null) {
                throw doc.error(sp, "'" + s.name() + "' repeats a name or alias of skill '" + clash.name() + "'");
            }
        }

        return new Taxonomy(f.version(), doc.origin(), fbFamily, fbSub, families, subfamilies, familyOf, rules,
                seniority, levels, tracks, trackRules, arrangements, arrangementRules, positionTypes, positionRules,
                currencies, symbols, currencyOfCountry, monthlyBelow, maxPerYear, skillFamilies, skills);
    }

    private List<Taxonomy.PhraseRule> coded(String key, TaxonomyFile.Choice<TaxonomyFile.Coded> choice, Vocabulary vocab) {
        if (choice == null || choice.values().isEmpty()) {
            throw doc.error(key, key + " are required");
        }
        List<Taxonomy.PhraseRule> rules = new ArrayList<>();
        Map<String, String> hintOwner = new HashMap<>();
        for (int i = 0; i < choice.values().size(); i++) {
            TaxonomyFile.Coded c = choice.values().get(i);
            String p = key + ".values[" + i + "]";
            code(p + ".code", c.code());
            unique(vocab, p + ".code", c.code());
            claim(vocab, p, new Vocabulary.Entry(c.code(), name(c.name(), c.code()), c.description(), c.synonyms()));
            Set<String> hints = new LinkedHashSet<>();
            for (int j = 0; j < c.hints().size(); j++) {
                String h = Taxonomy.hintKey(c.hints().get(j));
                String prev = hintOwner.putIfAbsent(h, c.code());
                if (prev != null && !prev.equals(c.code())) {
                    throw doc.error(p + ".hints[" + j + "]", "hint '" + c.hints().get(j) + "' already means " + prev);
                }
                hints.add(h);
            }
            rules.add(new Taxonomy.PhraseRule(c.code(), hints, phrases(patterns(p + ".phrases", c.phrases())),
                    phrases(patterns(p + ".title_markers", c.titleMarkers())),
                    phrases(patterns(p + ".culture_phrases", c.culturePhrases()))));
        }
        requireDefault(key + ".default", vocab);
        return rules;
    }

    private void requireDefault(String path, Vocabulary vocab) {
        if (vocab.defaultCode() == null || !vocab.contains(vocab.defaultCode())) {
            throw doc.error(path, "the default must be one of " + vocab.codes() + " (got '" + vocab.defaultCode() + "')");
        }
    }

    private void claim(Vocabulary vocab, String path, Vocabulary.Entry entry) {
        String clash = vocab.add(entry);
        if (clash != null) {
            throw doc.error(path + ".synonyms", "the code, name or a synonym of '" + entry.code() + "' already means '" + clash + "'");
        }
    }

    private void unique(Vocabulary vocab, String path, String code) {
        if (vocab.contains(code)) {
            throw doc.error(path, "duplicate code '" + code + "'");
        }
    }

    private void code(String path, String code) {
        if (code == null || !code.matches("[a-z][a-z0-9_]*")) {
            throw doc.error(path, "a code is snake_case (lower-case letters, digits, '_'), got '" + code + "'");
        }
    }

    private static String name(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    private List<Pattern> patterns(String path, List<String> regexes) {
        List<Pattern> out = new ArrayList<>(regexes.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regexes.size(); i++) {
            String r = regexes.get(i);
            if (r == null || r.isBlank()) {
                throw doc.error(path + "[" + i + "]", "empty pattern");
            }
            if (!seen.add(r)) {
                continue;
            }
            try {
                out.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw doc.error(path + "[" + i + "]", "bad regex '" + r + "': " + e.getDescription());
            }
        }
        return out;
    }

    private static List<Phrase> phrases(List<Pattern> patterns) {
        return patterns.stream().map(Phrase::new).toList();
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
