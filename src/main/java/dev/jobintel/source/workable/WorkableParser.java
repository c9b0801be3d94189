package dev.jobintel.source.workable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One job of the Workable widget API ({@code GET /api/v1/widget/accounts/{account}?details=true})
 * as a posting. The shortcode is the id; the description is raw HTML; dates are date-only; the
 * job's own city/state/country and its visible {@code locations[]} form the location text.
 * Workable fills unknown facts with {@code ""} or {@code "Unspecified"}: neither is a hint.
 */
public final class WorkableParser {

    public static final String SOURCE = "workable";

    private WorkableParser() {
    }

    public static Posting posting(JsonNode job, SourcesConfig.Board board) throws BoardApiSource.Invalid {
        String id = id(job, "shortcode");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "a Workable job without a shortcode");
        }
        String title = text(job, "title");
        if (title == null) {
            throw new BoardApiSource.Invalid(id, "no_title", "Workable job " + id + " has no title");
        }
        String url = CanonicalUrl.of(text(job, "url"));
        if (url == null) {
            url = CanonicalUrl.of(text(job, "shortlink"));
        }
        if (url == null) {
            throw new BoardApiSource.Invalid(id, "no_url", "Workable job " + id
                    + " has neither a url nor a shortlink that is a web address (http or https)");
        }
        // The account name may follow the jobs array in the body, so the board's name is used.
        String company = board.name() != null ? board.name() : board.slug();

        Map<String, String> extra = new LinkedHashMap<>();
        for (String field : List.of("function", "industry", "education")) {
            String v = known(text(job, field));
            if (v != null) {
                extra.put(field, v);
            }
        }
        Hints hints = new Hints(null, null, flag(job.get("telecommuting")), text(job, "employment_type"),
                department(job.get("department")), known(text(job, "experience")), countries(job), extra);
        return new Posting(SOURCE, id, url, company, title, location(job), HtmlText.toText(text(job, "description")),
                posted(job), hints);
    }

    /** The job's own place, then every visible entry of {@code locations[]} not already named. */
    static String location(JsonNode job) {
        Set<String> places = new LinkedHashSet<>();
        String own = join(text(job, "city"), text(job, "state"), text(job, "country"));
        if (own != null) {
            places.add(own);
        }
        for (JsonNode l : job.path("locations")) {
            if (l.path("hidden").asBoolean(false)) {
                continue;
            }
            String place = join(text(l, "city"), text(l, "region"), text(l, "country"));
            if (place != null && places.stream().noneMatch(p -> p.equalsIgnoreCase(place))) {
                places.add(place);
            }
        }
        return places.isEmpty() ? null : String.join("; ", places);
    }

    /** Country codes of the visible locations (a name where a location has no code), else the job's country. */
    static List<String> countries(JsonNode job) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode l : job.path("locations")) {
            if (l.path("hidden").asBoolean(false)) {
                continue;
            }
            String code = text(l, "countryCode");
            String c = code != null ? code.toUpperCase(Locale.ROOT) : text(l, "country");
            if (c != null) {
                out.add(c);
            }
        }
        if (out.isEmpty() && text(job, "country") != null) {
            out.add(text(job, "country"));
        }
        return new ArrayList<>(out);
    }

    private static Instant posted(JsonNode job) {
        Instant published = Dates.parse(text(job, "published_on"));
        return published != null ? published : Dates.parse(text(job, "created_at"));
    }

    /** A string, or (as the careers-page API sends it) an array of strings. */
    private static String department(JsonNode d) {
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isArray()) {
            List<String> parts = new ArrayList<>();
            d.forEach(x -> {
                if (x.isTextual() && !x.asText().isBlank()) {
                    parts.add(x.asText().strip());
                }
            });
            return parts.isEmpty() ? null : String.join(" / ", parts);
        }
        return d.isValueNode() && !d.asText().isBlank() && !d.asText().equalsIgnoreCase("null") ? d.asText().strip() : null;
    }

    /** A JSON boolean, or "true"/"false" as text; anything else says nothing. */
    private static Boolean flag(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().strip();
        return s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** Workable's placeholder for "not filled in" is not a fact. */
    private static String known(String v) {
        return v == null || v.equalsIgnoreCase("Unspecified") ? null : v;
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }
}
