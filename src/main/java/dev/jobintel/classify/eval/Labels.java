package dev.jobintel.classify.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.Salary;

import java.util.List;

/**
 * What a careful human says is true about one posting: the {@code labels} object of a line of
 * a labelled set. A field that is not labelled (missing, or null for a code) is not scored for
 * that posting, so a set may label only some fields.
 *
 * <pre>"labels": {"family": "software_engineering", "subfamily": "backend", "seniority": "senior",
 *   "track": "ic", "arrangement": "hybrid", "position_type": "full_time",
 *   "salary": {"min": 70000, "max": 90000, "currency": "GBP", "period": "year"},
 *   "skills": ["Java", "Kafka"]}</pre>
 *
 * @param family         taxonomy family code, or null when not labelled
 * @param subfamily      taxonomy subfamily code, or null when not labelled
 * @param seniority      seniority code, or null when not labelled
 * @param track          track code, or null when not labelled
 * @param arrangement    working arrangement code, or null when not labelled
 * @param positionType   position type code, or null when not labelled
 * @param salaryLabelled whether the salary is labelled at all ({@code "salary": null} labels "no pay stated")
 * @param salary         the stated pay, or null for "no pay stated" (when labelled)
 * @param skills         canonical skill names, or null when not labelled ({@code []} labels "no skills")
 */
public record Labels(
        String family,
        String subfamily,
        String seniority,
        String track,
        String arrangement,
        String positionType,
        boolean salaryLabelled,
        Salary salary,
        List<String> skills) {

    /** The label keys, in the order they are written. */
    public static final List<String> FIELDS = List.of("family", "subfamily", "seniority", "track", "arrangement",
            "position_type", "salary", "skills");

    public Labels {
        if (salary != null && !salaryLabelled) {
            throw new IllegalArgumentException("a salary was given but salaryLabelled is false");
        }
        skills = skills == null ? null : List.copyOf(skills);
    }

    /** Whether at least one field is labelled. */
    public boolean any() {
        return family != null || subfamily != null || seniority != null || track != null || arrangement != null
                || positionType != null || salaryLabelled || skills != null;
    }

    /** The code labelled for one of the coded fields ("family" … "position_type"), or null. */
    public String code(String field) {
        return switch (field) {
            case "family" -> family;
            case "subfamily" -> subfamily;
            case "seniority" -> seniority;
            case "track" -> track;
            case "arrangement" -> arrangement;
            case "position_type" -> positionType;
            default -> throw new IllegalArgumentException("not a coded field: " + field);
        };
    }

    /** These labels as the {@code labels} object of a line; fields not labelled are left out. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        putIfPresent(n, "family", family);
        putIfPresent(n, "subfamily", subfamily);
        putIfPresent(n, "seniority", seniority);
        putIfPresent(n, "track", track);
        putIfPresent(n, "arrangement", arrangement);
        putIfPresent(n, "position_type", positionType);
        if (salaryLabelled) {
            if (salary == null) {
                n.putNull("salary");
            } else {
                ObjectNode s = n.putObject("salary");
                amount(s, "min", salary.min());
                amount(s, "max", salary.max());
                s.put("currency", salary.currency());
                s.put("period", salary.period() == null ? null : salary.period().code());
            }
        }
        if (skills != null) {
            skills.forEach(n.putArray("skills")::add);
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    /** Whole amounts as integers (70000, not 70000.0). */
    private static void amount(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            n.put(key, v.longValue());
        } else {
            n.put(key, v);
        }
    }
}
