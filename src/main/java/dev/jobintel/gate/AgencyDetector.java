package dev.jobintel.gate;

import dev.jobintel.posting.LowerText;
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

    private final AgencyList list;
    private final double threshold;
    private final Set<String> allow;
    private final Set<String> blockExact;

    public AgencyDetector(AgencyList list, double threshold) {
        this.list = list;
        this.threshold = threshold;
        this.allow = new HashSet<>(list.allow());
        this.blockExact = new HashSet<>(list.block());
    }

    /**
     * Employer names as the lists compare them: {@link Normalizer#employer} (case, accents,
     * punctuation, legal suffixes folded).
     */
    public static String normaliseName(String name) {
        return Normalizer.employer(name);
    }

    public Verdict judge(String company, String description) {
        return judge(company, LowerText.of(description));
    }

    public Verdict judge(String company, LowerText description) {
        String name = normaliseName(company);
        if (!name.isEmpty() && allow.contains(name)) {
            return Verdict.NOT;
        }
        if (blockExact.contains(name)) {
            return new Verdict(true, 1.0, List.of("'" + company + "' is on the agency block list"));
        }
        for (String b : list.block()) {
            if (name.startsWith(b) && name.length() > b.length() && name.charAt(b.length()) == ' ') {
                return new Verdict(true, 1.0, List.of("'" + company + "' is on the agency block list (" + b + ")"));
            }
        }
        double score = 0;
        List<String> reasons = new ArrayList<>();
        for (AgencyList.Signal s : list.nameSignals()) {
            if (s.phrase().pattern().matcher(name).find()) {
                score += s.weight();
                reasons.add(s.why());
            }
        }
        if (!description.text().isEmpty()) {
            for (AgencyList.Signal s : list.descriptionSignals()) {
                if (s.phrase().foundIn(description)) {
                    score += s.weight();
                    reasons.add(s.why());
                }
            }
        }
        score = Math.min(1.0, score);
        return new Verdict(score >= threshold, score, List.copyOf(reasons));
    }
}
