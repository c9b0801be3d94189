package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.internal.Invisible;
import dev.jobintel.posting.Salary;

/**
 * Reading the fields of a source's JSON the way every source needs: sources send null, "null",
 * blank strings, numbers as strings and objects where a text was expected, and each of those is
 * "not stated", never an error and never the text "null".
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * Text of a field, stripped: null for missing, JSON null, blank (control and invisible
     * characters count as blank: a title of a bell and a zero-width space is no title), an
     * object or array, or the string "null".
     */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        if (s.isEmpty() || s.equalsIgnoreCase("null")) {
            return null;
        }
        // Only a text that starts with an invisible character can be nothing else: the usual text costs one test.
        return Invisible.is(s.charAt(0)) && Invisible.strip(s).isBlank() ? null : s;
    }

    /**
     * A pay amount: a positive, finite number, or a string holding one ("85000", "85,000",
     * "$95k"); null for anything else, zero included (boards send 0 for "not disclosed").
     */
    public static Double amount(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        Double d = v.isNumber() ? Double.valueOf(v.asDouble()) : Salary.amount(v.asText());
        return d != null && d > 0 && Double.isFinite(d) ? d : null;
    }
}
