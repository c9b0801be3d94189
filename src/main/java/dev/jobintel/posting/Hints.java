package dev.jobintel.posting;

import java.util.List;
import java.util.Map;

/**
 * Structured facts a source API states about a posting, kept apart from the free text so
 * that the gate and both classifiers can prefer them (incident 17: a hint that never reached
 * the classifier). Every field may be null; values are as the source gave them, trimmed.
 *
 * @param salary         a structured pay range
 * @param workplace      the source's workplace vocabulary ("remote", "Hybrid", "on-site"...)
 * @param remote         an explicit remote flag (Ashby isRemote, Workable telecommuting...)
 * @param employmentType "FullTime", "Full-time", "permanent", "contract"...
 * @param department     department or team
 * @param experienceLevel the source's experience level ("mid_senior_level", "Senior"...)
 * @param countries      ISO 3166 alpha-2 codes the source attaches to the posting
 * @param extra          any other labelled fact worth showing a classifier (function, industry...), in key order
 */
public record Hints(
        Salary salary,
        String workplace,
        Boolean remote,
        String employmentType,
        String department,
        String experienceLevel,
        List<String> countries,
        Map<String, String> extra) {

    public static final Hints NONE = new Hints(null, null, null, null, null, null, List.of(), Map.of());

    public Hints {
        countries = countries == null ? List.of() : List.copyOf(countries);
        // In key order: Map.copyOf's map iterates differently in every JVM, and whatever writes a posting's
        // hints (an export, a reject's payload, its fingerprint, the prompt) must write one posting one way.
        extra = extra == null ? Map.of() : extra.size() < 2 ? Map.copyOf(extra)
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.copyOf(extra)));
    }

    public boolean isEmpty() {
        return salary == null && workplace == null && remote == null && employmentType == null
                && department == null && experienceLevel == null && countries.isEmpty() && extra.isEmpty();
    }
}
