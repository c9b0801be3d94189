package dev.jobintel.source.lever;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jobintel.source.JsonFields.amount;
import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One posting of the Lever Postings API ({@code GET /v0/postings/{site}?mode=json}) as a posting.
 * Lever sends no company name (the board's configured name stands in), gives the description in
 * three parts (description, lists, additional) and dates as epoch milliseconds.
 */
public final class LeverParser {

    public static final String SOURCE = "lever";

    private LeverParser() {
    }

    public static Posting posting(JsonNode p, SourcesConfig.Board board) throws BoardApiSource.Invalid {
        String id = id(p, "id");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "a Lever posting without an id");
        }
        String title = text(p, "text");
        if (title == null) {
            throw new BoardApiSource.Invalid(id, "no_title", "Lever posting " + id + " has no text (title)");
        }
        String url = CanonicalUrl.of(text(p, "hostedUrl"));
        if (url == null) {
            throw new BoardApiSource.Invalid(id, "no_url", "Lever posting " + id
                    + " has no hostedUrl that is a web address (http or https)");
        }
        String company = board.name() != null ? board.name() : board.slug();
        JsonNode categories = p.path("categories");

        Set<String> places = new LinkedHashSet<>();
        String primary = text(categories, "location");
        if (primary != null) {
            places.add(primary);
        }
        for (JsonNode loc : categories.path("allLocations")) {
            String s = loc.isTextual() ? loc.asText().strip() : null;
            if (s != null && !s.isEmpty() && places.stream().noneMatch(x -> x.equalsIgnoreCase(s))) {
                places.add(s);
            }
        }

        Map<String, String> extra = new LinkedHashMap<>();
        String team = text(categories, "team");
        if (team != null) {
            extra.put("team", team);
        }
        String salaryText = text(p, "salaryDescriptionPlain");
        if (salaryText != null) {
            extra.put("salary_description", salaryText);
        }
        String workplace = text(p, "workplaceType");
        if (workplace != null && workplace.equalsIgnoreCase("unspecified")) {
            workplace = null;
        }
        String country = text(p, "country");
        Hints hints = new Hints(salary(p.path("salaryRange")), workplace, null, text(categories, "commitment"),
                text(categories, "department"), null, country == null ? List.of() : List.of(country), extra);
        return new Posting(SOURCE, id, url, company, title, places.isEmpty() ? null : String.join("; ", places),
                description(p), Dates.parse(p.get("createdAt")), hints);
    }

    /**
     * Lever's {@code description} already starts with the opening, so {@code opening} is not
     * added again. Each part is converted on its own: the parts are separate HTML fragments
     * (list contents open {@code <div>}s they never close, trimmed bodies end inside a tag), and
     * one unbalanced fragment must not swallow the next.
     */
    static String description(JsonNode p) {
        List<String> parts = new ArrayList<>();
        String description = text(p, "description");
        parts.add(description != null ? HtmlText.toText(description) : HtmlText.tidy(orEmpty(text(p, "descriptionPlain"))));
        for (JsonNode list : p.path("lists")) {
            String heading = text(list, "text");
            String content = text(list, "content");
            if (heading == null && content == null) {
                continue;
            }
            // The heading is plain text; escaped, so "R&D" or "<5 years" stay text in the markup.
            parts.add(HtmlText.toText((heading == null ? "" : "<h3>" + Entities.escape(heading) + "</h3>")
                    + (content == null ? "" : "<ul>" + content + "</ul>")));
        }
        String additional = text(p, "additional");
        parts.add(additional != null ? HtmlText.toText(additional) : HtmlText.tidy(orEmpty(text(p, "additionalPlain"))));
        return String.join("\n\n", parts.stream().filter(s -> !s.isEmpty()).toList());
    }

    /** {@code salaryRange}: {currency, interval ("per-year-salary"...), min, max}; bounds of 0 mean unset. */
    static Salary salary(JsonNode range) {
        if (range == null || !range.isObject()) {
            return null;
        }
        Double min = amount(range.get("min"));
        Double max = amount(range.get("max"));
        if (min == null && max == null) {
            return null;
        }
        return new Salary(min, max, text(range, "currency"), Salary.Period.parse(text(range, "interval")));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
