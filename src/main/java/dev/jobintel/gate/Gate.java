package dev.jobintel.gate;

import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.ResolvedLocation;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deterministic filters between landing and classification, in a fixed order: closed,
 * title, location, agency, too short. The duplicate check on job_hash needs the store and is
 * made by the enrichment step right after this gate.
 */
public final class Gate {

    /**
     * @param titleInclude when not empty, a title must match one of these
     * @param titleExclude a title matching any of these is filtered
     * @param placeInclude when not empty, a posting's place must fall in one of these areas
     *                     (city, country, region, "remote", "remote-&lt;scope&gt;")
     * @param placeExclude a posting in any of these areas is filtered
     * @param keepUnknownPlace whether an unresolved location passes a non-empty include list
     * @param agency       agency detection, or null when disabled
     * @param minDescriptionChars shorter descriptions are filtered as too_short
     */
    public record Rules(List<Pattern> titleInclude, List<Pattern> titleExclude, Set<String> placeInclude,
                        Set<String> placeExclude, boolean keepUnknownPlace, AgencyDetector agency,
                        int minDescriptionChars) {
        public Rules {
            titleInclude = List.copyOf(titleInclude);
            titleExclude = List.copyOf(titleExclude);
            placeInclude = Set.copyOf(placeInclude);
            placeExclude = Set.copyOf(placeExclude);
        }
    }

    private final Rules rules;

    public Gate(Rules rules) {
        this.rules = rules;
    }

    public GateDecision decide(Prepared prepared, boolean closed) {
        Posting p = prepared.posting();
        ResolvedLocation where = prepared.where();
        if (closed) {
            return GateDecision.filtered(FilterReason.CLOSED, "left its board before it was classified");
        }
        GateDecision d = title(p.title());
        if (!d.passed()) {
            return d;
        }
        d = place(where);
        if (!d.passed()) {
            return d;
        }
        if (rules.agency() != null) {
            AgencyDetector.Verdict v = rules.agency().judge(p.company(), prepared.text());
            if (v.agency()) {
                return GateDecision.filtered(FilterReason.AGENCY, v.explain());
            }
        }
        int length = strippedLength(p.description());
        if (length < rules.minDescriptionChars()) {
            return GateDecision.filtered(FilterReason.TOO_SHORT,
                    "description has " + length + " characters, fewer than " + rules.minDescriptionChars());
        }
        return GateDecision.PASS;
    }

    /** {@code s.strip().length()} without copying the description. */
    static int strippedLength(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && Character.isWhitespace(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && Character.isWhitespace(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return to - from;
    }

    GateDecision title(String title) {
        for (Pattern x : rules.titleExclude()) {
            if (x.matcher(title).find()) {
                return GateDecision.filtered(FilterReason.TITLE, "title matches exclude pattern '" + x.pattern() + "'");
            }
        }
        if (!rules.titleInclude().isEmpty()) {
            for (Pattern in : rules.titleInclude()) {
                if (in.matcher(title).find()) {
                    return GateDecision.PASS;
                }
            }
            return GateDecision.filtered(FilterReason.TITLE, "title matches no include pattern");
        }
        return GateDecision.PASS;
    }

    GateDecision place(ResolvedLocation where) {
        for (String code : where.area()) {
            if (rules.placeExclude().contains(code)) {
                return GateDecision.filtered(FilterReason.LOCATION, "place is in excluded area '" + code + "'");
            }
        }
        if (rules.placeInclude().isEmpty()) {
            return GateDecision.PASS;
        }
        if (where.area().isEmpty()) {
            return rules.keepUnknownPlace() ? GateDecision.PASS
                    : GateDecision.filtered(FilterReason.LOCATION, "location could not be resolved");
        }
        for (String code : where.area()) {
            if (rules.placeInclude().contains(code)) {
                return GateDecision.PASS;
            }
        }
        return GateDecision.filtered(FilterReason.LOCATION, "place " + where.area().stream().sorted().toList()
                + " is outside " + rules.placeInclude().stream().sorted().toList());
    }
}
