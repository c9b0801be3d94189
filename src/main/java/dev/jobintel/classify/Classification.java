package dev.jobintel.classify;

import dev.jobintel.posting.Salary;

import java.util.List;
import java.util.Set;

/**
 * A classified job, every coded field valid against the taxonomy. Produced by a
 * {@link Classifier}; nothing reaches the database unless it is one of these.
 *
 * @param skills        canonical skills; {@code family} is null for skills not in the dictionary
 * @param summary       at most 50 words
 * @param classifier    "rules" or "claude"
 * @param model         the model that answered, or null for rules
 * @param promptVersion the prompt (or rules) version, stored with the job
 * @param defaulted     fields that got the taxonomy's default because nothing stated them
 */
public record Classification(
        String family,
        String subfamily,
        String seniority,
        String track,
        String arrangement,
        String positionType,
        Salary salary,
        boolean equity,
        Integer yearsMin,
        Integer yearsMax,
        List<SkillMention> skills,
        String summary,
        String classifier,
        String model,
        String promptVersion,
        Set<String> defaulted) {

    public Classification {
        skills = List.copyOf(skills);
        defaulted = Set.copyOf(defaulted);
    }

    /** A skill as stored: canonical name, and its family when the dictionary knows it. */
    public record SkillMention(String name, String family) {
    }
}
