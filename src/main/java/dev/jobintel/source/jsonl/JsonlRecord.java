package dev.jobintel.source.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.Dates;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jobintel.source.JsonFields.amount;
import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One line of the neutral JSON Lines import format (documented in the README):
 *
 * <pre>{"source":"greenhouse","id":"4012345","url":"https://…","company":"Acme","title":"Backend Engineer",
 *  "location":"London, UK","description":"&lt;p&gt;…","posted_at":"2026-11-01T09:00:00Z",
 *  "hints":{"salary":{"min":70000,"max":90000,"currency":"GBP","period":"year"},"workplace":"hybrid",
 *  "remote":false,"employment_type":"full_time","department":"Engineering","experience_level":"senior",
 *  "countries":["GB"],"extra":{"team":"Payments"}}}</pre>
 *
 * Required: source, title, url. Everything else may be missing or null.
 */
public final class JsonlRecord {

    /** A line that cannot become a posting. */
    public static final class Invalid extends Exception {
        private final String reason;

        Invalid(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private JsonlRecord() {
    }

    public static Posting toPosting(JsonNode n) throws Invalid {
        if (n == null || !n.isObject()) {
            throw new Invalid("not_an_object", "a line must be a JSON object");
        }
        String source = text(n, "source");
        if (source == null) {
            throw new Invalid("no_source", "'source' is missing");
        }
        String title = text(n, "title");
        if (title == null) {
            throw new Invalid("no_title", "'title' is missing or empty");
        }
        String url = CanonicalUrl.of(text(n, "url"));
        if (url == null) {
            throw new Invalid("no_url", "'url' is missing, empty, or not a web address (http or https)");
        }
        String id = id(n, "id");
        if (id == null) {
            id = url;
        }
        return new Posting(source.trim(), id.trim(), url, nullToEmpty(text(n, "company")).trim(), title.trim(),
                text(n, "location"), description(n), Dates.parse(n.get("posted_at")), hints(n.get("hints")));
    }

    /**
     * The description as clean text: read as HTML, escaped HTML or text, unless the line says it is
     * text already ("description_format": "text", as {@code db export postings} writes it), so that
     * a description saying "write &lt;div&gt; elements" in words survives an export and import.
     */
    private static String description(JsonNode n) throws Invalid {
        JsonNode given = n.get("description_format");
        String format = given == null || given.isNull() ? null : given.isTextual() ? given.textValue() : given.toString();
        String description = text(n, "description");
        if (format == null || format.equals("html")) {
            return HtmlText.toText(description);
        }
        if (format.equals("text")) {
            return HtmlText.tidy(description == null ? "" : description);
        }
        throw new Invalid("bad_description_format", "'description_format' is html or text, got '" + format + "'");
    }

    /** A posting as {@code db export postings} writes it: its description is clean text, and says so. */
    public static ObjectNode exportJson(ObjectMapper mapper, Posting p) {
        ObjectNode n = toJson(mapper, p);
        n.put("description_format", "text");
        return n;
    }

    private static Hints hints(JsonNode h) throws Invalid {
        if (h == null || h.isNull()) {
            return Hints.NONE;
        }
        if (!h.isObject()) {
            throw new Invalid("bad_hints", "'hints' must be an object");
        }
        Salary salary = null;
        JsonNode s = h.get("salary");
        if (s != null && s.isObject()) {
            Double min = amount(s.get("min"));
            Double max = amount(s.get("max"));
            if (min != null || max != null) {
                salary = new Salary(min, max, text(s, "currency"), Salary.Period.parse(text(s, "period")));
            }
        }
        List<String> countries = new ArrayList<>();
        JsonNode cs = h.get("countries");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) {
                if (c.isTextual() && !c.asText().isBlank()) {
                    countries.add(c.asText().trim());
                }
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        JsonNode ex = h.get("extra");
        if (ex != null && ex.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = ex.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() != null && !e.getValue().isNull() && !e.getValue().asText().isBlank()) {
                    extra.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        JsonNode remote = h.get("remote");
        return new Hints(salary, text(h, "workplace"), remote != null && remote.isBoolean() ? remote.asBoolean() : null,
                text(h, "employment_type"), text(h, "department"), text(h, "experience_level"), countries, extra);
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writes a posting as a line of this format (used by the demo generator and tests). */
    public static ObjectNode toJson(ObjectMapper mapper, Posting p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("source", p.source());
        n.put("id", p.sourceJobId());
        n.put("url", p.url());
        n.put("company", p.company());
        n.put("title", p.title());
        n.put("location", p.locationText());
        n.put("description", p.description());
        if (p.postedAt() != null) {
            n.put("posted_at", p.postedAt().toString());
        }
        if (!p.hints().isEmpty()) {
            putHints(n.putObject("hints"), p.hints());
        }
        return n;
    }

    /** Writes the fields of {@code h} into {@code hn}, the "hints" object of a line of the import format. */
    public static void putHints(ObjectNode hn, Hints h) {
        if (h.salary() != null) {
            ObjectNode s = hn.putObject("salary");
            s.put("min", h.salary().min());
            s.put("max", h.salary().max());
            s.put("currency", h.salary().currency());
            s.put("period", h.salary().period() == null ? null : h.salary().period().code());
        }
        putIfPresent(hn, "workplace", h.workplace());
        if (h.remote() != null) {
            hn.put("remote", h.remote());
        }
        putIfPresent(hn, "employment_type", h.employmentType());
        putIfPresent(hn, "department", h.department());
        putIfPresent(hn, "experience_level", h.experienceLevel());
        if (!h.countries().isEmpty()) {
            h.countries().forEach(hn.putArray("countries")::add);
        }
        if (!h.extra().isEmpty()) {
            ObjectNode ex = hn.putObject("extra");
            h.extra().forEach(ex::put); // in key order (see Hints): one posting, one line, in every run
        }
    }
}
