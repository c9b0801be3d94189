package dev.jobintel.classify.rules;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.taxonomy.SkillDictionary;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.LowerText;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.posting.Phrase;
import dev.jobintel.posting.PhraseSet;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.ResolvedLocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline classifier: deterministic, no network, driven entirely by the taxonomy.
 * Family and subfamily from the title (then the description), seniority from title markers,
 * the source's experience level, then stated years; track from title markers; arrangement
 * from structured hints, the location, then description phrases; position type likewise;
 * salary from structured hints, then explicit ranges in the text; skills from the dictionary.
 * Anything not stated gets the taxonomy's default, and is recorded as defaulted.
 */
public final class RulesClassifier implements Classifier {

    public static final String NAME = "rules";
    private static final int SUMMARY_WORDS = 50;
    /** The bundled taxonomy's codes for an internship and its level; a taxonomy without them skips the link. */
    private static final String INTERNSHIP = "internship";
    private static final String INTERN = "intern";
    private final Phrase equity = new Phrase(Pattern.compile(
            "\\b(equity|stock options?|share options?|rsus?|restricted stock|esop|employee stock|ownership stake)\\b"));

    private final Taxonomy taxonomy;
    private final SalaryExtractor salaries;
    private final String version;
    /** The title patterns of the subfamily rules, the level markers (highest level first) and the track markers. */
    private final RulePhrases titleFamilies;
    private final RulePhrases titleLevels;
    private final RulePhrases titleTracks;

    public RulesClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.salaries = SalaryExtractor.of(taxonomy);
        this.version = "rules-" + (taxonomy.version() == null ? "0" : taxonomy.version());
        this.titleFamilies = RulePhrases.of(taxonomy.subfamilyRules().stream().map(Taxonomy.SubfamilyRule::title).toList());
        List<Taxonomy.LevelRule> levels = new ArrayList<>(taxonomy.levels());
        java.util.Collections.reverse(levels);
        this.titleLevels = RulePhrases.of(levels.stream().map(Taxonomy.LevelRule::markers).toList());
        this.titleTracks = RulePhrases.of(taxonomy.trackRules().stream().map(Taxonomy.MarkerRule::markers).toList());
    }

    /**
     * Ordered groups of phrases (one group per rule) as one {@link PhraseSet}: the first rule
     * with a phrase found in a text, without checking every phrase of every rule.
     */
    private record RulePhrases(PhraseSet phrases, int[] owner) {
        static RulePhrases of(List<List<Phrase>> groups) {
            List<Phrase> all = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                for (Phrase p : groups.get(g)) {
                    all.add(p);
                    owners.add(g);
                }
            }
            return new RulePhrases(new PhraseSet(all), owners.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The index of the first group with a phrase found in {@code text}, or -1. */
        int first(LowerText text) {
            int i = phrases.firstFound(text);
            return i < 0 ? -1 : owner[i];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Classification classify(Prepared prepared) {
        Posting p = prepared.posting();
        ResolvedLocation where = prepared.where();
        Set<String> defaulted = new HashSet<>();
        LowerText title = LowerText.of(Normalizer.title(p.title()));
        String description = p.description();
        LowerText lower = prepared.text();
        Hints hints = p.hints();

        Taxonomy.SubfamilyRule family = family(title, lower);
        String familyCode;
        String subfamilyCode;
        if (family == null) {
            familyCode = taxonomy.fallbackFamily();
            subfamilyCode = taxonomy.fallbackSubfamily();
            defaulted.add("family");
        } else {
            familyCode = family.family();
            subfamilyCode = family.subfamily();
        }


        int trackRule = titleTracks.first(title);
        String track = trackRule < 0 ? null : taxonomy.trackRules().get(trackRule).code();
        if (track == null) {
            track = taxonomy.tracks().defaultCode();
            defaulted.add("track");
        }

        String arrangement = arrangement(hints, title, where, lower);
        if (arrangement == null) {
            arrangement = taxonomy.arrangements().defaultCode();
            defaulted.add("arrangement");
        }

        // A title marker ("Intern") is more specific than the source's employment type, which ATSs
        // often leave at its default of full-time.
        String positionType = titleMarked(taxonomy.positionTypeRules(), title);
        if (positionType == null) {
            positionType = fromHintsOrPhrases(taxonomy.positionTypeRules(), hints.employmentType(), title);
        }
        if (positionType == null) {
            positionType = fromHintsOrPhrases(taxonomy.positionTypeRules(), null, lower);
        }
        if (positionType == null) {
            positionType = taxonomy.positionTypes().defaultCode();
            defaulted.add("position_type");
        }

        // The lower-cased text the phrases read: no second lower-casing of a long description.
        YearsExtractor.Years years = YearsExtractor.find(lower.text(), p.company());
        String seniority = seniority(title, hints, years, positionType);
        if (seniority == null) {
            seniority = taxonomy.seniority().defaultCode();
            defaulted.add("seniority");
        }

        Salary salary = storable(hints.salary());
        if (salary == null) {
            salary = storable(salaries.find(description, where.countries()));
        }

        List<Classification.SkillMention> skills = new ArrayList<>();
        // The employer's own name is not a skill ("Juniper Health" is not Juniper networking).
        // Most descriptions never name the employer: the lower-cased text says so without a scan of the original.
        String company = p.company().strip();
        String skillText = company.isEmpty() || !lower.text().contains(LowerText.of(company).text()) ? description
                : withoutName(description, company);
        for (SkillDictionary.Skill s : taxonomy.skills().find(p.title(), skillText)) {
            skills.add(new Classification.SkillMention(s.name(), s.family()));
        }

        return new Classification(familyCode, subfamilyCode, seniority, track, arrangement, positionType, salary,
                equity.foundIn(lower), years == null ? null : years.min(), years == null ? null : years.max(),
                skills, summary(p), NAME, null, version, defaulted);
    }

    private Taxonomy.SubfamilyRule family(LowerText title, LowerText lowerDescription) {
        int byTitle = titleFamilies.first(title);
        if (byTitle >= 0) {
            return taxonomy.subfamilyRules().get(byTitle);
        }
        if (lowerDescription.text().isEmpty()) {
            return null;
        }
        for (Taxonomy.SubfamilyRule r : taxonomy.subfamilyRules()) {
            if (anyFound(r.description(), lowerDescription)) {
                return r;
            }
        }
        return null;
    }

    private String seniority(LowerText title, Hints hints, YearsExtractor.Years years, String positionType) {
        List<Taxonomy.LevelRule> levels = taxonomy.levels();
        int highest = titleLevels.first(title);
        if (highest >= 0) {
            return levels.get(levels.size() - 1 - highest).code();
        }
        // An internship is held at the intern level whatever the source's experience level (ATSs
        // often leave "entry level") or a stated number of years says.
        if (INTERNSHIP.equals(positionType) && taxonomy.seniority().contains(INTERN)) {
            return INTERN;
        }
        if (hints.experienceLevel() != null) {
            var fromHint = taxonomy.seniority().match(hints.experienceLevel());
            if (fromHint.isPresent()) {
                return fromHint.get();
            }
        }
        if (years != null) {
            String best = null;
            for (Taxonomy.LevelRule l : levels) {
                if (l.fromYears() && l.yearsMin() != null && years.min() >= l.yearsMin()) {
                    best = l.code();
                }
            }
            return best;
        }
        return null;
    }

    private String arrangement(Hints hints, LowerText title, ResolvedLocation where, LowerText lowerDescription) {
        String fromHint = hintCode(taxonomy.arrangementRules(), hints.workplace());
        if (fromHint == null && hints.remote() != null && hints.remote()) {
            fromHint = hintCode(taxonomy.arrangementRules(), "true");
        }
        if (fromHint != null) {
            return fromHint;
        }
        // "Senior Backend Engineer (Hybrid)": the employer says it where every reader looks first.
        String marked = titleMarked(taxonomy.arrangementRules(), title);
        if (marked != null) {
            return marked;
        }
        if (where.hybrid() && taxonomy.arrangements().contains("hybrid")) {
            return "hybrid";
        }
        if (where.remote() && taxonomy.arrangements().contains("remote")) {
            return "remote";
        }
        if (where.onsite() && taxonomy.arrangements().contains("onsite")) {
            return "onsite";
        }
        return fromHintsOrPhrases(taxonomy.arrangementRules(), null, lowerDescription);
    }

    private static String fromHintsOrPhrases(List<Taxonomy.PhraseRule> rules, String hint, LowerText lowerText) {
        String code = hintCode(rules, hint);
        if (code != null) {
            return code;
        }
        for (Taxonomy.PhraseRule r : rules) {
            if (anyFound(r.phrases(), lowerText)) {
                return r.code();
            }
        }
        // "A remote-first company, but this role is based in our studio 3 days a week": what the
        // posting says of the company counts only where it says nothing of the role.
        for (Taxonomy.PhraseRule r : rules) {
            if (anyFound(r.culturePhrases(), lowerText)) {
                return r.code();
            }
        }
        return null;
    }

    private static String titleMarked(List<Taxonomy.PhraseRule> rules, LowerText title) {
        for (Taxonomy.PhraseRule r : rules) {
            if (anyFound(r.titleMarkers(), title)) {
                return r.code();
            }
        }
        return null;
    }

    private static String hintCode(List<Taxonomy.PhraseRule> rules, String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String key = Taxonomy.hintKey(hint);
        for (Taxonomy.PhraseRule r : rules) {
            if (r.hints().contains(key)) {
                return r.code();
            }
        }
        return null;
    }

    /** {@code text} with every occurrence of {@code name} (any case) blanked out. */
    static String withoutName(String text, String name) {
        if (name.isEmpty()) {
            return text;
        }
        int at = indexOfIgnoreCase(text, name, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        while (at >= 0) {
            for (int k = at; k < at + name.length(); k++) {
                sb.setCharAt(k, ' ');
            }
            at = indexOfIgnoreCase(text, name, at + name.length());
        }
        return sb.toString();
    }

    /** Where {@code name} occurs in {@code text} from {@code from}, ignoring case, without lower-casing the text. */
    private static int indexOfIgnoreCase(String text, String name, int from) {
        char lower = Character.toLowerCase(name.charAt(0));
        char upper = Character.toUpperCase(name.charAt(0));
        // The second character too before comparing the rest: a first letter such as 'n' is everywhere.
        char second = name.length() > 1 ? Character.toLowerCase(name.charAt(1)) : 0;
        for (int i = from; i <= text.length() - name.length(); i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && (second == 0 || Character.toLowerCase(text.charAt(i + 1)) == second)
                    && text.regionMatches(true, i, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean anyFound(List<Phrase> phrases, LowerText lowerText) {
        for (Phrase p : phrases) {
            if (p.foundIn(lowerText)) {
                return true;
            }
        }
        return false;
    }

    /** The description's opening, cut at a sentence end within 50 words; else the title and employer. */
    static String summary(Posting p) {
        String d = p.description();
        StringBuilder sb = new StringBuilder(400);
        int words = 0;
        int lastSentenceEnd = -1;
        int i = 0;
        int n = d.length();
        boolean more = false;
        while (i < n) {
            while (i < n && Character.isWhitespace(d.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (words == SUMMARY_WORDS) {
                more = true;
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(d.charAt(i))) {
                i++;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(d, start, i);
            words++;
            char last = d.charAt(i - 1);
            if (last == '.' || last == '!' || last == '?') {
                lastSentenceEnd = sb.length();
            }
        }
        if (words == 0) {
            return p.title() + (p.company().isBlank() ? "" : " at " + p.company());
        }
        if (more && lastSentenceEnd > 0) {
            sb.setLength(lastSentenceEnd);
        }
        return sb.toString();
    }

    /**
     * A salary the store can take: in a currency of the taxonomy, with a period, and plausible in that
     * currency (a board's "1e300", a description's "$12,000,000 per year" are no one's pay); otherwise none.
     */
    private Salary storable(Salary s) {
        return s != null && s.currency() != null && taxonomy.currencies().contains(s.currency()) && s.period() != null
                && taxonomy.plausiblePay(s) ? s : null;
    }
}
