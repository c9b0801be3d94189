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
        return Invisible.blank(s) ? null : s;
    }

    /**
     * An identifier as text: a string (stripped, as {@link #text}) or a whole number written
     * plainly, however the source wrote it ({@code 1002}, {@code 1002.0}, {@code 6.136160004E9}
     * are all "1002" or "6136160004"). Null for a fraction, a boolean, a number too long to be an id,
     * or anything {@link #text} calls missing: a posting without a usable id is rejected, where
     * Java's own rendering ("6.136160004E9", "Infinity") would store an id the next fetch may not
     * reproduce, or fold two ids into one.
     */
    public static String id(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isNumber()) {
            return v != null && v.isBoolean() ? null : text(n, field);
        }
        if (v.isIntegralNumber()) {
            String whole = v.bigIntegerValue().toString();
            return whole.length() > 30 ? null : whole;
        }
        java.math.BigDecimal d = v.isBigDecimal() ? v.decimalValue()
                : Double.isFinite(v.doubleValue()) ? java.math.BigDecimal.valueOf(v.doubleValue()) : null;
        if (d == null || d.signum() != 0 && d.stripTrailingZeros().scale() > 0 || d.precision() - d.scale() > 30) {
            return null;
        }
        return d.toBigInteger().toString();
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
