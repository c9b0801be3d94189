package dev.jobintel.classify.claude;

import dev.jobintel.classify.AnswerValidator;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.classify.taxonomy.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool the model is forced to call, with an input schema generated from the taxonomy: every
 * coded field is an enum of the taxonomy's codes, so the schema, the validation and the
 * database's reference tables cannot drift apart.
 *
 * <p>Why a forced tool call rather than {@code output_config} JSON-schema output: tool use with
 * {@code tool_choice} naming the tool is supported by every current model (Haiku 4.5 included),
 * the SDK models it with stable types, and the tool definition sits in the cached prefix. The
 * answer is validated anyway (the API does not guarantee enum adherence for forced tools), so
 * constrained decoding would not remove any code here.
 */
public final class ClassificationTool {

    public static final String NAME = "record_classification";

    private final Map<String, Object> properties;
    private final List<String> required;
    private final String description;

    public ClassificationTool(Taxonomy t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("family", codes(t.families(), "Job family."));
        p.put("subfamily", codes(t.subfamilies(), "Subfamily; must belong to the chosen family."));
        p.put("seniority", nullableCodes(t.seniority(), "Seniority level of the role; null when nothing states it."));
        p.put("track", nullableCodes(t.tracks(), "Individual contributor or people management; null when unclear."));
        p.put("position_type", nullableCodes(t.positionTypes(), "Type of employment; null when nothing states it."));
        p.put("arrangement", nullableCodes(t.arrangements(), "Working arrangement; null when nothing states it."));
        Map<String, Object> salary = new LinkedHashMap<>();
        salary.put("type", List.of("object", "null"));
        salary.put("description", "Pay stated in the posting or its hints, else null. Never guess.");
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("min", ordered("type", List.of("number", "null"), "description", "Lower bound, in whole currency units."));
        sp.put("max", ordered("type", List.of("number", "null"), "description", "Upper bound, in whole currency units."));
        sp.put("currency", ordered("type", "string", "enum", t.currencies().codes()));
        sp.put("period", ordered("type", "string", "enum", List.of("year", "month", "week", "day", "hour")));
        salary.put("properties", sp);
        salary.put("required", List.of("min", "max", "currency", "period"));
        p.put("salary", salary);
        p.put("equity", ordered("type", "boolean", "description", "True when equity, stock options or RSUs are offered."));
        p.put("years_min", ordered("type", List.of("integer", "null"), "minimum", 0,
                "description", "Minimum years of experience the posting states, else null."));
        p.put("years_max", ordered("type", List.of("integer", "null"), "minimum", 0,
                "description", "Maximum years of experience the posting states, else null."));
        p.put("skills", ordered("type", "array", "items", ordered("type", "string"), "maxItems", AnswerValidator.MAX_SKILLS,
                "description", "Skills the posting asks for, by their canonical names from the skills list where one fits."));
        p.put("summary", ordered("type", "string",
                "description", "What the job is, in at most " + AnswerValidator.SUMMARY_WORDS + " words."));
        this.properties = p;
        this.required = new ArrayList<>(p.keySet());
        this.description = "Record the classification of one job posting. Every coded field takes exactly one of its "
                + "enum values.";
    }

    private static Map<String, Object> codes(Vocabulary v, String description) {
        return ordered("type", "string", "enum", v.codes(), "description", description);
    }

    /**
     * A map that keeps the order its keys are given in. The schema is part of the cached prompt
     * prefix and of the prompt version: Map.of's iteration order changes from one JVM to the
     * next, which would change both on every run.
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A field the taxonomy defaults: null means "not stated", and the default is recorded as such. */
    private static Map<String, Object> nullableCodes(Vocabulary v, String description) {
        List<Object> values = new ArrayList<>(v.codes());
        values.add(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", List.of("string", "null"));
        m.put("enum", values);
        m.put("description", description);
        return m;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public List<String> required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The whole tool definition as the API sees it (for the prompt version and token estimates). */
    public Map<String, Object> definition() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", NAME);
        tool.put("description", description);
        tool.put("input_schema", schema);
        return tool;
    }
}
