package dev.jobintel.classify.taxonomy;

import dev.jobintel.config.YamlDocument;

import dev.jobintel.posting.Phrase;
import dev.jobintel.posting.Salary;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The taxonomy, checked and compiled: the one source from which the rules classifier, the
 * LLM's JSON schema, answer validation and the database's reference tables are all derived.
 * Load the bundled one with {@link #bundled()} or a user's file with {@link #load(Path)}.
 */
public final class Taxonomy {

    public static final String BUNDLED = "/jobintel/taxonomy.yaml";

    /** Title and description patterns of one subfamily, in file order. */
    public record SubfamilyRule(String family, String subfamily, List<Phrase> title, List<Phrase> description) {
    }

    /** A seniority level with its rank (0 = lowest), year band and title markers. */
    public record LevelRule(String code, int rank, Integer yearsMin, Integer yearsMax, boolean fromYears,
                            List<Phrase> markers) {
    }

    /** A track with its title markers. */
    public record MarkerRule(String code, List<Phrase> markers) {
    }

    /**
     * A value recognised from normalised source hints and from description phrases; culture
     * phrases (about the company, not the role) count after every rule's phrases.
     */
    public record PhraseRule(String code, Set<String> hints, List<Phrase> phrases, List<Phrase> titleMarkers,
                             List<Phrase> culturePhrases) {
    }

    private final String version;
    private final String origin;
    private final String fallbackFamily;
    private final String fallbackSubfamily;
    private final Vocabulary families;
    private final Vocabulary subfamilies;
    private final Map<String, String> familyOfSubfamily;
    private final List<SubfamilyRule> subfamilyRules;
    private final Vocabulary seniority;
    private final List<LevelRule> levels;
    private final Vocabulary tracks;
    private final List<MarkerRule> trackRules;
    private final Vocabulary arrangements;
    private final List<PhraseRule> arrangementRules;
    private final Vocabulary positionTypes;
    private final List<PhraseRule> positionTypeRules;
    private final Vocabulary currencies;
    private final Map<String, List<String>> currencySymbols;
    private final Map<String, String> currencyOfCountry;
    private final Map<String, Double> monthlyBelow;
    private final Map<String, Double> maxPayPerYear;
    private final Vocabulary skillFamilies;
    private final SkillDictionary skills;

    @SuppressWarnings("checkstyle:ParameterNumber")
    Taxonomy(String version, String origin, String fallbackFamily, String fallbackSubfamily,
             Vocabulary families, Vocabulary subfamilies, Map<String, String> familyOfSubfamily,
             List<SubfamilyRule> subfamilyRules, Vocabulary seniority, List<LevelRule> levels,
             Vocabulary tracks, List<MarkerRule> trackRules, Vocabulary arrangements,
             List<PhraseRule> arrangementRules, Vocabulary positionTypes, List<PhraseRule> positionTypeRules,
             Vocabulary currencies, Map<String, List<String>> currencySymbols, Map<String, String> currencyOfCountry,
             Map<String, Double> monthlyBelow, Map<String, Double> maxPayPerYear, Vocabulary skillFamilies,
             SkillDictionary skills) {
        this.version = version;
        this.origin = origin;
        this.fallbackFamily = fallbackFamily;
        this.fallbackSubfamily = fallbackSubfamily;
        this.families = families;
        this.subfamilies = subfamilies;
        this.familyOfSubfamily = Map.copyOf(familyOfSubfamily);
        this.subfamilyRules = List.copyOf(subfamilyRules);
        this.seniority = seniority;
        this.levels = List.copyOf(levels);
        this.tracks = tracks;
        this.trackRules = List.copyOf(trackRules);
        this.arrangements = arrangements;
        this.arrangementRules = List.copyOf(arrangementRules);
        this.positionTypes = positionTypes;
        this.positionTypeRules = List.copyOf(positionTypeRules);
        this.currencies = currencies;
        this.currencySymbols = Map.copyOf(currencySymbols);
        this.currencyOfCountry = Map.copyOf(currencyOfCountry);
        this.monthlyBelow = Map.copyOf(monthlyBelow);
        this.maxPayPerYear = Map.copyOf(maxPayPerYear);
        this.skillFamilies = skillFamilies;
        this.skills = skills;
    }

    /** The taxonomy bundled with jobintel. */
    public static Taxonomy bundled() {
        return TaxonomyLoader.load(YamlDocument.resource(BUNDLED));
    }

    /** A user's taxonomy file, checked; errors name the file, line and key. */
    public static Taxonomy load(Path file) {
        return TaxonomyLoader.load(YamlDocument.read(file));
    }

    /** Source hint values are compared lower case, with spaces and hyphens as underscores. */
    public static String hintKey(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    public String version() {
        return version;
    }

    /** Where it was loaded from, for messages. */
    public String origin() {
        return origin;
    }

    public String fallbackFamily() {
        return fallbackFamily;
    }

    public String fallbackSubfamily() {
        return fallbackSubfamily;
    }

    public Vocabulary families() {
        return families;
    }

    /** Subfamily codes are unique across families. */
    public Vocabulary subfamilies() {
        return subfamilies;
    }

    public String familyOf(String subfamily) {
        return familyOfSubfamily.get(subfamily);
    }

    public List<SubfamilyRule> subfamilyRules() {
        return subfamilyRules;
    }

    public Vocabulary seniority() {
        return seniority;
    }

    /** Levels from lowest to highest. */
    public List<LevelRule> levels() {
        return levels;
    }

    public Vocabulary tracks() {
        return tracks;
    }

    public List<MarkerRule> trackRules() {
        return trackRules;
    }

    public Vocabulary arrangements() {
        return arrangements;
    }

    public List<PhraseRule> arrangementRules() {
        return arrangementRules;
    }

    public Vocabulary positionTypes() {
        return positionTypes;
    }

    public List<PhraseRule> positionTypeRules() {
        return positionTypeRules;
    }

    public Vocabulary currencies() {
        return currencies;
    }

    /** Currency code → the symbols and codes that denote it in prose. */
    public Map<String, List<String>> currencySymbols() {
        return currencySymbols;
    }

    /** Country code (ISO alpha-2) → the code of the currency in use there, as the taxonomy states it. */
    public Map<String, String> currencyOfCountry() {
        return currencyOfCountry;
    }

    /**
     * Currency code → the amount below which pay with no period stated is monthly, for the currencies
     * whose pay is advertised by the month (TaxonomyFile.Currency#monthlyBelow).
     */
    public Map<String, Double> monthlyBelow() {
        return monthlyBelow;
    }

    /**
     * The most one person's pay in a currency comes to in a year (TaxonomyFile.Currency#maxPerYear), or
     * {@link Salary#MAX_PER_YEAR} for a currency the taxonomy gives none.
     */
    public double maxPayPerYear(String currency) {
        return maxPayPerYear.getOrDefault(currency, Salary.MAX_PER_YEAR);
    }

    /**
     * Whether a salary could be one person's pay in its currency: the one bound the rules classifier and the
     * validation of a model's answer both hold pay to.
     */
    public boolean plausiblePay(Salary salary) {
        return salary.plausible(maxPayPerYear(salary.currency()));
    }

    public Vocabulary skillFamilies() {
        return skillFamilies;
    }

    public SkillDictionary skills() {
        return skills;
    }
}
