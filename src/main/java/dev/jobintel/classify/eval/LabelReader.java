package dev.jobintel.classify.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.config.ConfigException;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.jsonl.JsonlRecord;
import dev.jobintel.source.jsonl.JsonlSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a labelled set: JSON Lines, each line a posting in the import format (see the README)
 * with a {@code labels} object (see {@link Labels}). Blank lines are skipped. The first bad
 * line stops the read with a {@link ConfigException} naming the file, the line and the key:
 * not JSON, not a posting (no source, title or URL), no labels, an unknown label field, a
 * value of the wrong type, a code the taxonomy does not have, or a posting already labelled on
 * an earlier line.
 */
public final class LabelReader {

    private static final Set<String> SALARY_FIELDS = Set.of("min", "max", "currency", "period");

    private final String file;
    private final Taxonomy taxonomy;

    /**
     * @param file     the file's name, for messages
     * @param taxonomy codes are checked against it; null skips the check
     */
    public LabelReader(String file, Taxonomy taxonomy) {
        this.file = file;
        this.taxonomy = taxonomy;
    }

    /** Every example in the input, in file order. */
    public List<LabelledExample> read(BufferedReader in) throws IOException {
        List<LabelledExample> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            line = JsonlSource.withoutBom(line);
            if (line.isBlank()) {
                continue;
            }
            LabelledExample e = parse(lineNo, line);
            Integer first = seen.putIfAbsent(e.id(), lineNo);
            if (first != null) {
                throw error(lineNo, null, "posting " + e.id() + " is already labelled on line " + first);
            }
            out.add(e);
        }
        return out;
    }

    /** One line (not blank) as an example. */
    public LabelledExample parse(int lineNo, String line) {
        JsonNode n;
        try {
            n = JsonlSource.parse(line); // as the import reads a line
        } catch (JsonProcessingException e) {
            throw error(lineNo, null, "not valid JSON: " + dev.jobintel.source.JsonStream.problem(e));
        }
        if (n == null || !n.isObject()) {
            throw error(lineNo, null, "a line must be a JSON object (a posting with a 'labels' object)");
        }
        Posting posting;
        try {
            posting = JsonlRecord.toPosting(n);
        } catch (JsonlRecord.Invalid e) {
            throw error(lineNo, null, "not a posting: " + e.getMessage());
        }
        JsonNode l = n.get("labels");
        if (l == null || l.isNull()) {
            throw error(lineNo, "labels", "missing: every line needs a 'labels' object");
        }
        if (!l.isObject()) {
            throw error(lineNo, "labels", "must be an object, got " + kind(l));
        }
        return new LabelledExample(lineNo, posting, labels(lineNo, l));
    }

    private Labels labels(int lineNo, JsonNode l) {
        for (Iterator<String> it = l.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Labels.FIELDS.contains(k)) {
                throw error(lineNo, "labels." + k, "unknown field (known: " + String.join(", ", Labels.FIELDS) + ")");
            }
        }
        Taxonomy t = taxonomy;
        String family = code(lineNo, l, "family", t == null ? null : t.families());
        String subfamily = code(lineNo, l, "subfamily", t == null ? null : t.subfamilies());
        if (t != null && family != null && subfamily != null && !family.equals(t.familyOf(subfamily))) {
            throw error(lineNo, "labels.subfamily", "'" + subfamily + "' belongs to family '" + t.familyOf(subfamily)
                    + "', not '" + family + "'");
        }
        String seniority = code(lineNo, l, "seniority", t == null ? null : t.seniority());
        String track = code(lineNo, l, "track", t == null ? null : t.tracks());
        String arrangement = code(lineNo, l, "arrangement", t == null ? null : t.arrangements());
        String positionType = code(lineNo, l, "position_type", t == null ? null : t.positionTypes());
        boolean salaryLabelled = l.has("salary");
        Salary salary = salaryLabelled ? salary(lineNo, l.get("salary")) : null;
        List<String> skills = skills(lineNo, l.get("skills"));
        Labels labels = new Labels(family, subfamily, seniority, track, arrangement, positionType, salaryLabelled, salary,
                skills);
        if (!labels.any()) {
            throw error(lineNo, "labels", "labels nothing: give at least one of " + String.join(", ", Labels.FIELDS));
        }
        return labels;
    }

    private String code(int lineNo, JsonNode l, String field, Vocabulary vocabulary) {
        JsonNode v = l.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String key = "labels." + field;
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(lineNo, key, "expected a code (text), got " + kind(v));
        }
        String code = v.asText().strip();
        if (vocabulary != null && !vocabulary.contains(code)) {
            String hint = vocabulary.match(code).map(c -> " (did you mean '" + c + "'?)").orElse("");
            throw error(lineNo, key, "'" + code + "' is not a " + field + " code in the taxonomy" + hint);
        }
        return code;
    }

    private Salary salary(int lineNo, JsonNode s) {
        if (s.isNull()) {
            return null;
        }
        if (!s.isObject()) {
            throw error(lineNo, "labels.salary", "expected an object {min, max, currency, period} or null, got " + kind(s));
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!SALARY_FIELDS.contains(k)) {
                throw error(lineNo, "labels.salary." + k, "unknown field (known: min, max, currency, period)");
            }
        }
        Double min = amount(lineNo, s, "min");
        Double max = amount(lineNo, s, "max");
        if (min == null && max == null) {
            throw error(lineNo, "labels.salary", "needs min or max (use \"salary\": null for no stated pay)");
        }
        if (min != null && max != null && min > max) {
            throw error(lineNo, "labels.salary", "min " + min + " is greater than max " + max);
        }
        JsonNode c = s.get("currency");
        if (c == null || !c.isTextual() || c.asText().isBlank()) {
            throw error(lineNo, "labels.salary.currency", "expected a currency code such as GBP");
        }
        String currency = c.asText().strip().toUpperCase(Locale.ROOT);
        if (taxonomy != null && !taxonomy.currencies().contains(currency)) {
            throw error(lineNo, "labels.salary.currency", "'" + currency + "' is not a currency in the taxonomy");
        }
        JsonNode p = s.get("period");
        Salary.Period period = null;
        if (p != null && p.isTextual()) {
            for (Salary.Period candidate : Salary.Period.values()) {
                if (candidate.code().equalsIgnoreCase(p.asText().strip())) {
                    period = candidate;
                }
            }
        }
        if (period == null) {
            throw error(lineNo, "labels.salary.period", "expected one of year, month, week, day, hour, got "
                    + (p == null ? "nothing" : p.toString()));
        }
        return new Salary(min, max, currency, period);
    }

    private Double amount(int lineNo, JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw error(lineNo, "labels.salary." + field, "expected an amount (a number, zero or more), got " + v);
        }
        return v.asDouble();
    }

    private List<String> skills(int lineNo, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw error(lineNo, "labels.skills", "expected a list of canonical skill names, got " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            if (!s.isTextual() || s.asText().isBlank()) {
                throw error(lineNo, "labels.skills[" + i + "]", "expected a skill name (text), got " + s);
            }
            out.add(s.asText().strip());
        }
        return out;
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "a list" : v.isNumber() ? "a number " + v
                : v.isBoolean() ? "a boolean " + v : v.toString();
    }

    private ConfigException error(int lineNo, String key, String problem) {
        return new ConfigException(file, lineNo, key, problem);
    }
}
