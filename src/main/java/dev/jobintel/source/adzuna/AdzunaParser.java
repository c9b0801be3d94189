package dev.jobintel.source.adzuna;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.jobintel.source.JsonFields.amount;
import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One result of the Adzuna search API ({@code GET /v1/api/jobs/{country}/search/{page}}) as a
 * posting. Adzuna is an aggregator: its {@code redirect_url} carries fresh session and tracking
 * parameters on every call, so it is canonicalised (incident 7); titles and the description
 * snippet carry {@code <strong>} search highlights; a salary Adzuna estimated
 * ({@code salary_is_predicted}) is never passed off as a stated one.
 */
public final class AdzunaParser {

    public static final String SOURCE = "adzuna";

    /** The currency of each Adzuna market; salaries come without one. */
    private static final Map<String, String> CURRENCY = Map.ofEntries(
            Map.entry("gb", "GBP"), Map.entry("us", "USD"), Map.entry("de", "EUR"), Map.entry("fr", "EUR"),
            Map.entry("nl", "EUR"), Map.entry("at", "EUR"), Map.entry("it", "EUR"), Map.entry("es", "EUR"),
            Map.entry("be", "EUR"), Map.entry("ca", "CAD"), Map.entry("au", "AUD"), Map.entry("in", "INR"),
            Map.entry("sg", "SGD"), Map.entry("za", "ZAR"), Map.entry("nz", "NZD"), Map.entry("pl", "PLN"),
            Map.entry("br", "BRL"), Map.entry("mx", "MXN"), Map.entry("ch", "CHF"));

    private AdzunaParser() {
    }

    /**
     * @param country the Adzuna market the result was searched in ("gb", "us"…)
     */
    public static Posting posting(JsonNode job, String country) throws BoardApiSource.Invalid {
        String id = id(job, "id");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "an Adzuna result without an id");
        }
        String title = HtmlText.toText(text(job, "title"));
        if (title.isEmpty()) {
            throw new BoardApiSource.Invalid(id, "no_title", "Adzuna result " + id + " has no title");
        }
        String url = CanonicalUrl.of(text(job, "redirect_url"));
        if (url == null) {
            throw new BoardApiSource.Invalid(id, "no_url", "Adzuna result " + id
                    + " has no redirect_url that is a web address (http or https)");
        }
        String market = country == null ? null : country.strip().toLowerCase(Locale.ROOT);
        if ("uk".equals(market)) {
            market = "gb"; // the United Kingdom by its common name; its ISO code and Adzuna's is "gb"
        }
        Map<String, String> extra = new LinkedHashMap<>();
        String category = text(job.path("category"), "label");
        if (category != null) {
            extra.put("category", category);
        }
        Salary salary = null;
        Double min = amount(job.get("salary_min"));
        Double max = amount(job.get("salary_max"));
        if (min != null || max != null) {
            Boolean predicted = flag(job.get("salary_is_predicted"));
            if (Boolean.FALSE.equals(predicted)) {
                salary = new Salary(min, max, market == null ? null : CURRENCY.get(market), Salary.Period.YEAR);
            } else {
                // An estimate from similar ads is a guess, not a fact about this posting: the
                // classifiers may see it, labelled, but never as the employer's stated pay.
                extra.put(predicted == null ? "unconfirmed_salary" : "predicted_salary", range(min, max));
            }
        }
        // Two facts for one hint: contract_type (permanent, contract) and contract_time (full_time,
        // part_time). A contract is named as one whatever its hours: "full_time" would read as a
        // permanent full-time job, and it outranks what the description says of the contract.
        String contractType = text(job, "contract_type");
        String employment = text(job, "contract_time");
        if (employment == null || "contract".equalsIgnoreCase(contractType)) {
            employment = contractType;
        }
        List<String> countries = market == null || market.isEmpty() ? List.of()
                : List.of(market.toUpperCase(Locale.ROOT));
        Hints hints = new Hints(salary, null, null, employment, null, null, countries, extra);
        return new Posting(SOURCE, id, url, text(job.path("company"), "display_name"), title, location(job.path("location")),
                HtmlText.toText(text(job, "description")), Dates.parse(job.get("created")), hints);
    }

    /** display_name ("Shoreditch, East London"); else the area hierarchy, most specific place first. */
    private static String location(JsonNode location) {
        String display = text(location, "display_name");
        if (display != null) {
            return display;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode a : location.path("area")) {
            String s = a.isTextual() ? a.asText().strip() : "";
            if (!s.isEmpty()) {
                parts.add(0, s);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** 0/1 as an int, "0"/"1" as a string (both occur), or a boolean; null when absent or unreadable. */
    static Boolean flag(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().strip();
        return s.equals("1") || s.equalsIgnoreCase("true") ? Boolean.TRUE
                : s.equals("0") || s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** "min-max" without trailing zeros; one bound alone when the other is missing. */
    private static String range(Double min, Double max) {
        if (min == null || max == null) {
            return plain(min != null ? min : max);
        }
        return plain(Math.min(min, max)) + "-" + plain(Math.max(min, max));
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
