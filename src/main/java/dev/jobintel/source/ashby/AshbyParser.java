package dev.jobintel.source.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jobintel.source.JsonFields.amount;
import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One job of Ashby's public job board API ({@code GET /posting-api/job-board/{board}}) as a
 * posting. Ashby sends no company name, may list unlisted jobs (they become rejects), states
 * remote twice ({@code isRemote} and {@code workplaceType}, which can disagree: both travel as
 * hints) and, with {@code includeCompensation=true}, pay as typed components.
 */
public final class AshbyParser {

    public static final String SOURCE = "ashby";

    private AshbyParser() {
    }

    public static Posting posting(JsonNode job, SourcesConfig.Board board) throws BoardApiSource.Invalid {
        String id = id(job, "id");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "an Ashby job without an id");
        }
        if (job.path("isListed").isBoolean() && !job.path("isListed").asBoolean()) {
            throw new BoardApiSource.Invalid("unlisted", "Ashby job " + id + " is not listed (isListed: false)");
        }
        // text() strips: titles arrive with leading spaces (" Security Engineer, Cloud").
        String title = text(job, "title");
        if (title == null) {
            throw new BoardApiSource.Invalid(id, "no_title", "Ashby job " + id + " has no title");
        }
        String url = CanonicalUrl.of(text(job, "jobUrl"));
        if (url == null) {
            throw new BoardApiSource.Invalid(id, "no_url", "Ashby job " + id
                    + " has no jobUrl that is a web address (http or https)");
        }
        String company = board.name() != null ? board.name() : board.slug();

        Set<String> places = new LinkedHashSet<>();
        String primary = text(job, "location");
        if (primary != null) {
            places.add(primary);
        }
        for (JsonNode secondary : job.path("secondaryLocations")) {
            String loc = text(secondary, "location");
            if (loc != null && places.stream().noneMatch(p -> p.equalsIgnoreCase(loc))) {
                places.add(loc);
            }
        }

        Map<String, String> extra = new LinkedHashMap<>();
        String team = text(job, "team");
        if (team != null) {
            extra.put("team", team);
        }
        JsonNode compensation = job.path("compensation");
        String summary = text(compensation, "compensationTierSummary");
        if (summary != null) {
            extra.put("compensation", summary);
        }
        JsonNode remote = job.get("isRemote");
        Hints hints = new Hints(salary(compensation), text(job, "workplaceType"),
                remote != null && remote.isBoolean() ? remote.asBoolean() : null, text(job, "employmentType"),
                text(job, "department"), null, countries(job), extra);

        String html = text(job, "descriptionHtml");
        String description = html != null ? HtmlText.toText(html) : HtmlText.tidy(orEmpty(text(job, "descriptionPlain")));
        return new Posting(SOURCE, id, url, company, title, places.isEmpty() ? null : String.join("; ", places),
                description, Dates.parse(job.get("publishedAt")), hints);
    }

    /**
     * The address countries of the primary location, then of each secondary location, each once.
     * Names, not codes ("United States", "USA", even "European Union"): the resolver reads them as
     * their codes.
     */
    static List<String> countries(JsonNode job) {
        Set<String> out = new LinkedHashSet<>();
        addCountry(out, job);
        for (JsonNode secondary : job.path("secondaryLocations")) {
            addCountry(out, secondary);
        }
        return List.copyOf(out);
    }

    private static void addCountry(Set<String> out, JsonNode located) {
        String country = text(located.path("address").path("postalAddress"), "addressCountry");
        if (country != null && out.stream().noneMatch(c -> c.equalsIgnoreCase(country))) {
            out.add(country);
        }
    }

    /**
     * The first "Salary" component with a currency and a bound: the summary components first,
     * then every tier's. Employers who opt out send the object with null or empty fields.
     */
    static Salary salary(JsonNode compensation) {
        Salary s = firstSalary(compensation.path("summaryComponents"));
        if (s != null) {
            return s;
        }
        for (JsonNode tier : compensation.path("compensationTiers")) {
            s = firstSalary(tier.path("components"));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static Salary firstSalary(JsonNode components) {
        for (JsonNode c : components) {
            String type = text(c, "compensationType");
            String currency = text(c, "currencyCode");
            Double min = amount(c.get("minValue"));
            Double max = amount(c.get("maxValue"));
            if ("Salary".equalsIgnoreCase(type) && currency != null && (min != null || max != null)) {
                return new Salary(min, max, currency, Salary.Period.parse(text(c, "interval")));
            }
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
