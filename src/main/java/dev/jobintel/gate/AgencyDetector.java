package dev.jobintel.gate;

import dev.jobintel.posting.LowerText;
import dev.jobintel.internal.Memo;
import dev.jobintel.posting.Normalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a posting comes from a recruitment or staffing agency rather than the
 * employer (incident 26): the allow list first, then the block list (exact name or name
 * prefix), then name and description signals adding up to a confidence.
 */
public final class AgencyDetector {

    /** The verdict with its confidence and the reasons that made it. */
    public record Verdict(boolean agency, double confidence, List<String> reasons) {
        static final Verdict NOT = new Verdict(false, 0, List.of());

        public String explain() {
            return String.format(Locale.ROOT, "%.2f: %s", confidence, String.join("; ", reasons));
        }
    }

    /** Far above the rounding error of a sum of a few dozen weights, far below any weight. */
    private static final double SUM_ERROR = 1e-9;

    private final AgencyList list;
    private final double threshold;
    private final Set<String> allow;
    /** Allowed names whose forms ("Slalom Consulting") are allowed too. */
    private final List<String> allowPrefixes;
    private final Set<String> blockExact;
    /** Employers post many jobs each: their names are judged once, not per posting. */
    private final Memo<String, NameVerdict> names = new Memo<>(20_000, this::byName);

    public AgencyDetector(AgencyList list, double threshold) {
        this.list = list;
        this.threshold = threshold;
        this.allow = new HashSet<>(list.allow());
        // "Recruit" is allowed as Recruit Co., Ltd., not "Recruit Global": a name that alone reads as an
        // agency's is allowed exactly only.
        List<String> prefixes = new ArrayList<>();
        for (String a : list.allow()) {
            if (nameSignals(a, null) < threshold - SUM_ERROR) {
                prefixes.add(a);
            }
        }
        this.allowPrefixes = List.copyOf(prefixes);
        this.blockExact = new HashSet<>(list.block());
        this.blockExact.addAll(list.blockNames());
    }

    /**
     * The places and web-address parts any company adds to its name ("Huxley UK", "Endava Polska",
     * "Reed.co.uk", "Hays.co.nz": "co" is a legal suffix only at the end).
     */
    private static final List<String> PLACE_FORMS = List.of("uk", "us", "usa", "na", "emea", "apac", "europe",
            "ireland", "india", "germany", "deutschland", "france", "nederland", "netherlands", "belgium", "australia",
            "canada", "singapore", "japan", "espana", "spain", "italia", "italy", "polska", "poland", "com", "co", "nz");

    /**
     * Words an agency adds to its name ("Hays Specialist Recruitment", "Reed Technology", "Huxley
     * UK", "Reed.co.uk"): after a {@link AgencyList#blockNames()} entry, a name made only of these is the agency's.
     */
    private static final Set<String> AGENCY_FORMS = withPlaces("recruitment", "recruiting", "recruiters", "recruiter",
            "staffing", "specialist", "specialists", "talent", "resourcing", "personnel", "search", "executive",
            "group", "global", "international", "worldwide", "it", "tech", "technology", "technologies", "digital",
            "solutions", "careers", "career", "jobs", "workforce", "people", "partners", "consulting", "services",
            "holdings", "for", "work");

    /**
     * Words an employer adds to its name ("Slalom Consulting", "Globant Technologies", "Endava UK"): after
     * an {@link AgencyList#allow()} entry, a name made only of these is the allowed employer's. No agency
     * words ("staffing", "recruitment", "talent"), so "Recruit Staffing" is judged on its own.
     */
    private static final Set<String> EMPLOYER_FORMS = withPlaces("consulting", "consultancy", "consultants",
            "solutions", "services", "group", "technologies", "technology", "tech", "digital", "global",
            "international", "worldwide", "holdings", "systems", "software", "labs");

    private static Set<String> withPlaces(String... words) {
        Set<String> all = new HashSet<>(List.of(words));
        all.addAll(PLACE_FORMS);
        return Set.copyOf(all);
    }

    /**
     * Employer names as the lists compare them: {@link Normalizer#employer} (case, accents,
     * punctuation, legal suffixes folded), without the legal forms {@link Normalizer#withoutLegalForm} drops.
     */
    public static String normaliseName(String name) {
        return Normalizer.withoutLegalForm(Normalizer.employer(name));
    }

    public Verdict judge(String company, String description) {
        return judge(company, LowerText.of(description));
    }

    public Verdict judge(String employer, LowerText description) {
        String company = employer == null ? "" : employer;
        NameVerdict byName = names.get(company);
        if (byName.decided() != null) {
            return byName.decided();
        }
        double score = byName.score();
        List<String> reasons = new ArrayList<>(byName.reasons());
        if (!description.text().isEmpty()) {
            // Contract terms ("Outside IR35", "day rate") are a direct employer's too: they add to other
            // signals, never decide alone.
            double supporting = 0;
            List<String> supportingReasons = null;
            for (AgencyList.Signal s : list.descriptionSignals()) {
                if (s.phrase().foundIn(description)) {
                    if (s.supporting()) {
                        supporting += s.weight();
                        if (supportingReasons == null) {
                            supportingReasons = new ArrayList<>(4);
                        }
                        supportingReasons.add(s.why());
                    } else {
                        score += s.weight();
                        reasons.add(s.why());
                    }
                }
            }
            if (supportingReasons != null && score > 0) {
                score += supporting;
                reasons.addAll(supportingReasons);
            }
        }
        score = Math.min(1.0, score);
        // Weights are tenths, summed in binary: 0.6 + 0.3 is 0.8999999999999999, short of a 0.9 threshold.
        return new Verdict(score >= threshold - SUM_ERROR, score, List.copyOf(reasons));
    }

    /**
     * What the employer's name alone says: a final verdict (allow or block list), or the score
     * and reasons of its name signals.
     */
    private record NameVerdict(Verdict decided, double score, List<String> reasons) {
    }

    /** Whether {@code name} is {@code prefix} followed by more words. */
    private static boolean startsWithWord(String name, String prefix) {
        return name.startsWith(prefix) && name.length() > prefix.length() && name.charAt(prefix.length()) == ' ';
    }

    private static boolean onlyAgencyForms(String words) {
        return onlyForms(words, AGENCY_FORMS);
    }

    private static boolean onlyForms(String words, Set<String> forms) {
        for (String w : words.split(" ")) {
            if (!w.isEmpty() && !forms.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code name} is an allowed employer's, alone or (unless the allowed name alone reads as an
     * agency's) followed only by {@link #EMPLOYER_FORMS}.
     */
    private boolean allowed(String name) {
        if (allow.contains(name)) {
            return true;
        }
        for (String a : allowPrefixes) {
            if (startsWithWord(name, a) && onlyForms(name.substring(a.length() + 1), EMPLOYER_FORMS)) {
                return true;
            }
        }
        return false;
    }

    private NameVerdict byName(String company) {
        String name = normaliseName(company);
        // "The Adecco Group", "The Boston Consulting Group": the lists name them without the article.
        String bare = Normalizer.withoutArticle(name);
        if (!name.isEmpty() && (allowed(name) || (!bare.equals(name) && allowed(bare)))) {
            return new NameVerdict(Verdict.NOT, 0, List.of());
        }
        if (blockExact.contains(name) || blockExact.contains(bare)) {
            return new NameVerdict(new Verdict(true, 1.0, List.of("'" + company + "' is on the agency block list")), 0,
                    List.of());
        }
        for (String form : name.equals(bare) ? List.of(name) : List.of(name, bare)) {
            for (String b : list.block()) {
                if (startsWithWord(form, b)) {
                    return new NameVerdict(new Verdict(true, 1.0,
                            List.of("'" + company + "' is on the agency block list (" + b + ")")), 0, List.of());
                }
            }
            for (String b : list.blockNames()) {
                if (startsWithWord(form, b) && onlyAgencyForms(form.substring(b.length() + 1))) {
                    return new NameVerdict(new Verdict(true, 1.0,
                            List.of("'" + company + "' is on the agency block list (" + b + ")")), 0, List.of());
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        double score = nameSignals(name, reasons);
        return new NameVerdict(null, score, List.copyOf(reasons));
    }

    /** The summed weight of the name signals {@code name} matches, each one's why added to {@code reasons} (if any). */
    private double nameSignals(String name, List<String> reasons) {
        double score = 0;
        for (AgencyList.Signal s : list.nameSignals()) {
            if (s.phrase().pattern().matcher(name).find()) {
                score += s.weight();
                if (reasons != null) {
                    reasons.add(s.why());
                }
            }
        }
        return score;
    }
}
