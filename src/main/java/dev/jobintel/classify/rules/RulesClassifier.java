package dev.jobintel.classify.rules;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.taxonomy.SkillDictionary;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.posting.Posting;
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
    private static final Pattern EQUITY = Pattern.compile(
            "\\b(equity|stock options?|share options?|rsus?|restricted stock|esop|employee stock|ownership stake)\\b");

    private final Taxonomy taxonomy;
    private final SalaryExtractor salaries;
    private final String version;

    public RulesClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.salaries = new SalaryExtractor(taxonomy.currencySymbols());
        this.version = "rules-" + (taxonomy.version() == null ? "0" : taxonomy.version());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Classification classify(Posting p, ResolvedLocation where) {
        Set<String> defaulted = new HashSet<>();
        String title = Normalizer.title(p.title());
        String description = p.description();
        String lower = description.toLowerCase(Locale.ROOT);
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

        YearsExtractor.Years years = YearsExtractor.find(description);
        String seniority = seniority(title, hints, years);
        if (seniority == null) {
            seniority = taxonomy.seniority().defaultCode();
            defaulted.add("seniority");
        }

        String track = null;
        for (Taxonomy.MarkerRule t : taxonomy.trackRules()) {
            if (anyFind(t.markers(), title)) {
                track = t.code();
                break;
            }
        }
        if (track == null) {
            track = taxonomy.tracks().defaultCode();
            defaulted.add("track");
        }

        String arrangement = arrangement(hints, where, lower);
        if (arrangement == null) {
            arrangement = taxonomy.arrangements().defaultCode();
            defaulted.add("arrangement");
        }

        String positionType = fromHintsOrPhrases(taxonomy.positionTypeRules(), hints.employmentType(), title + " " + lower);
        if (positionType == null) {
            positionType = taxonomy.positionTypes().defaultCode();
            defaulted.add("position_type");
        }

        Salary salary = hints.salary();
        if (salary != null && (salary.currency() == null || !taxonomy.currencies().contains(salary.currency())
                || salary.period() == null)) {
            salary = null;
        }
        if (salary == null) {
            salary = salaries.find(description);
            if (salary != null && !taxonomy.currencies().contains(salary.currency())) {
                salary = null;
            }
        }

        List<Classification.SkillMention> skills = new ArrayList<>();
        // The employer's own name is not a skill ("Juniper Health" is not Juniper networking).
        String skillText = p.company().isBlank() ? description
                : Pattern.compile(Pattern.quote(p.company().strip()), Pattern.CASE_INSENSITIVE).matcher(description).replaceAll(" ");
        for (SkillDictionary.Skill s : taxonomy.skills().find(p.title(), skillText)) {
            skills.add(new Classification.SkillMention(s.name(), s.family()));
        }

        return new Classification(familyCode, subfamilyCode, seniority, track, arrangement, positionType, salary,
                EQUITY.matcher(lower).find(), years == null ? null : years.min(), years == null ? null : years.max(),
                skills, summary(p), NAME, null, version, defaulted);
    }

    private Taxonomy.SubfamilyRule family(String title, String lowerDescription) {
        for (Taxonomy.SubfamilyRule r : taxonomy.subfamilyRules()) {
            if (anyFind(r.title(), title)) {
                return r;
            }
        }
        if (lowerDescription.isEmpty()) {
            return null;
        }
        for (Taxonomy.SubfamilyRule r : taxonomy.subfamilyRules()) {
            if (anyFind(r.description(), lowerDescription)) {
                return r;
            }
        }
        return null;
    }

    private String seniority(String title, Hints hints, YearsExtractor.Years years) {
        List<Taxonomy.LevelRule> levels = taxonomy.levels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (anyFind(levels.get(i).markers(), title)) {
                return levels.get(i).code();
            }
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

    private String arrangement(Hints hints, ResolvedLocation where, String lowerDescription) {
        String fromHint = hintCode(taxonomy.arrangementRules(), hints.workplace());
        if (fromHint == null && hints.remote() != null && hints.remote()) {
            fromHint = hintCode(taxonomy.arrangementRules(), "true");
        }
        if (fromHint != null) {
            return fromHint;
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

    private static String fromHintsOrPhrases(List<Taxonomy.PhraseRule> rules, String hint, String lowerText) {
        String code = hintCode(rules, hint);
        if (code != null) {
            return code;
        }
        for (Taxonomy.PhraseRule r : rules) {
            if (anyFind(r.phrases(), lowerText)) {
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

    private static boolean anyFind(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The description's opening, cut at a sentence end within 50 words; else the title and employer. */
    static String summary(Posting p) {
        String d = p.description().strip();
        if (d.isEmpty()) {
            return p.title() + (p.company().isBlank() ? "" : " at " + p.company());
        }
        String[] words = d.split("\\s+");
        StringBuilder sb = new StringBuilder();
        int lastSentenceEnd = -1;
        for (int i = 0; i < words.length && i < SUMMARY_WORDS; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(words[i]);
            if (words[i].endsWith(".") || words[i].endsWith("!") || words[i].endsWith("?")) {
                lastSentenceEnd = sb.length();
            }
        }
        if (words.length > SUMMARY_WORDS && lastSentenceEnd > 0) {
            sb.setLength(lastSentenceEnd);
        }
        return sb.toString();
    }
}
