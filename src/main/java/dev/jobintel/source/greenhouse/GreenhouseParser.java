package dev.jobintel.source.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One job of the Greenhouse Job Board API ({@code GET /v1/boards/{token}/jobs?content=true}) as a
 * posting. Ids exceed 32 bits and stay text; {@code content} is entity-escaped HTML; every office
 * location joins the location text; departments and custom metadata travel as hints.
 */
public final class GreenhouseParser {

    public static final String SOURCE = "greenhouse";

    private GreenhouseParser() {
    }

    public static Posting posting(JsonNode job, SourcesConfig.Board board) throws BoardApiSource.Invalid {
        String id = id(job, "id");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "a Greenhouse job without an id");
        }
        String title = text(job, "title");
        if (title == null) {
            throw new BoardApiSource.Invalid(id, "no_title", "Greenhouse job " + id + " has no title");
        }
        String url = CanonicalUrl.of(text(job, "absolute_url"));
        if (url == null) {
            throw new BoardApiSource.Invalid(id, "no_url", "Greenhouse job " + id
                    + " has no absolute_url that is a web address (http or https)");
        }
        String company = board.name() != null ? board.name()
                : text(job, "company_name") != null ? text(job, "company_name") : board.slug();

        Set<String> places = new LinkedHashSet<>();
        String primary = text(job.path("location"), "name");
        if (primary != null) {
            places.add(primary);
        }
        Set<String> attached = new HashSet<>();
        job.path("offices").forEach(office -> attached.add(office.path("id").asText()));
        for (JsonNode office : job.path("offices")) {
            // An office's location may be null: its name is then all the API says of where it is
            // (not the "No Office" bucket, which is no place).
            String loc = text(office, "location");
            if (loc == null) {
                loc = text(office, "name");
                if (loc != null && loc.equalsIgnoreCase("No Office")) {
                    loc = null;
                }
            }
            String place = loc;
            if (place != null && !parentOfAnother(office, attached) && places.stream().noneMatch(p -> p.equalsIgnoreCase(place))) {
                places.add(place);
            }
        }
        List<String> departments = new ArrayList<>();
        for (JsonNode d : job.path("departments")) {
            String n = text(d, "name");
            if (n != null && !n.equalsIgnoreCase("No Department")) {
                departments.add(n);
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (JsonNode m : job.path("metadata")) {
            String name = text(m, "name");
            JsonNode v = m.get("value");
            if (name == null || v == null || v.isNull()) {
                continue;
            }
            String value;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                value = String.join(", ", parts);
            } else {
                value = v.asText();
            }
            if (!value.isBlank()) {
                extra.put(name.strip(), value.strip());
            }
        }
        if (job.has("internal_job_id") && job.get("internal_job_id").isNull()) {
            extra.put("prospect_post", "true");
        }
        String requisition = text(job, "requisition_id");
        if (requisition != null) {
            extra.put("requisition_id", requisition);
        }
        Hints hints = new Hints(salary(job), null, null, null, departments.isEmpty() ? null : String.join(" / ", departments),
                null, List.of(), extra);
        var posted = Dates.parse(job.get("first_published"));
        if (posted == null) {
            posted = Dates.parse(job.get("updated_at"));
        }
        return new Posting(SOURCE, id, url, company, title, places.isEmpty() ? null : String.join("; ", places),
                HtmlText.toText(text(job, "content")), posted, hints);
    }

    /** {@code pay_input_ranges} (present with pay_transparency=true): cents, yearly. */
/**
     * Whether an office is the parent of another office the job names ("East Coast", in "United
     * States", beside its "New York City"): the child says where the job is, the parent only widens it.
     */
    private static boolean parentOfAnother(JsonNode office, Set<String> attached) {
        for (JsonNode child : office.path("child_ids")) {
            if (attached.contains(child.asText())) {
                return true;
            }
        }
        return false;
    }

        private static Salary salary(JsonNode job) {
        for (JsonNode r : job.path("pay_input_ranges")) {
            double min = r.path("min_cents").asDouble(-1);
            double max = r.path("max_cents").asDouble(-1);
            String currency = text(r, "currency_type");
            if (currency != null && (min > 0 || max > 0)) {
                return new Salary(min > 0 ? min / 100 : null, max > 0 ? max / 100 : null, currency, Salary.Period.YEAR);
            }
        }
        return null;
    }
}
