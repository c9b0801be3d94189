package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.Dates;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.jobintel.source.JsonFields.text;
import static dev.jobintel.source.JsonFields.id;

/**
 * One posting of the SmartRecruiters Posting API as a posting: the list item
 * ({@code GET /v1/companies/{company}/postings}) carries the facts, the detail
 * ({@code GET …/postings/{id}}) the description sections and the public URL. Ids are numeric
 * strings and stay text; {@code department} may be {@code {}}; latitude and longitude are strings
 * and are not read.
 */
public final class SmartRecruitersParser {

    public static final String SOURCE = "smartrecruiters";
    public static final String PUBLIC_BASE = "https://jobs.smartrecruiters.com";

    private static final List<String> SECTIONS = List.of("companyDescription", "jobDescription", "qualifications",
            "additionalInformation");

    private SmartRecruitersParser() {
    }

    /**
     * @param item   a list item
     * @param detail the posting's detail response, or null when it could not be had: the posting
     *               then has the list's facts and an empty description
     */
    public static Posting posting(JsonNode item, JsonNode detail, SourcesConfig.Board board) throws BoardApiSource.Invalid {
        String id = id(item, "id");
        if (id == null) {
            throw new BoardApiSource.Invalid("no_id", "a SmartRecruiters posting without an id");
        }
        String title = text(item, "name");
        if (title == null) {
            throw new BoardApiSource.Invalid(id, "no_title", "SmartRecruiters posting " + id + " has no name");
        }
        String url = CanonicalUrl.of(text(detail, "postingUrl"));
        if (url == null) {
            url = PUBLIC_BASE + "/" + board.slug() + "/" + id;
        }
        String company = board.name() != null ? board.name()
                : text(item.path("company"), "name") != null ? text(item.path("company"), "name") : board.slug();

        JsonNode where = item.path("location");
        Boolean remote = where.path("remote").isBoolean() ? where.path("remote").booleanValue() : null;
        String workplace = where.path("hybrid").asBoolean(false) ? "hybrid" : Boolean.TRUE.equals(remote) ? "remote" : null;
        String country = text(where, "country");
        Map<String, String> extra = new LinkedHashMap<>();
        put(extra, "function", text(item.path("function"), "label"));
        put(extra, "industry", text(item.path("industry"), "label"));
        for (JsonNode f : item.path("customField")) {
            String label = text(f, "fieldLabel");
            // Company-defined labels come with odd spacing ("Job  Function").
            put(extra, label == null ? null : label.replaceAll("\\s+", " "), text(f, "valueLabel"));
        }
        Hints hints = new Hints(null, workplace, remote, code(item.path("typeOfEmployment")),
                text(item.path("department"), "label"), code(item.path("experienceLevel")),
                country == null ? List.of() : List.of(country.toUpperCase(Locale.ROOT)), extra);
        return new Posting(SOURCE, id, url, company, title, location(where), description(detail),
                Dates.parse(text(item, "releasedDate")), hints);
    }

    /** The detail's job-ad sections as text, each headed by its title; "" without a detail. */
    public static String description(JsonNode detail) {
        JsonNode sections = detail == null ? null : detail.path("jobAd").path("sections");
        if (sections == null || !sections.isObject()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String name : SECTIONS) {
            JsonNode s = sections.path(name);
            String text = text(s, "text");
            // A section of empty markup ("<p></p>") is as empty as "".
            if (text == null || HtmlText.toText(text).isEmpty()) {
                continue;
            }
            String title = text(s, "title");
            if (title != null) {
                html.append("<h3>").append(Entities.escape(title)).append("</h3>");
            }
            html.append(text);
        }
        return HtmlText.toText(html.toString());
    }

    /** {@code fullLocation} without the empty parts ("Ljubljana, , Slovenia"), else city, region, country. */
    static String location(JsonNode where) {
        String full = text(where, "fullLocation");
        return join(full != null ? full.split(",")
                : new String[] {text(where, "city"), text(where, "region"), upper(text(where, "country"))});
    }

    /** The machine id of a {@code {id, label}} object, else its label. */
    private static String code(JsonNode n) {
        String id = id(n, "id");
        return id != null ? id : text(n, "label");
    }

    private static void put(Map<String, String> extra, String key, String value) {
        if (key != null && value != null) {
            extra.putIfAbsent(key, value);
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String join(String[] parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }
}
