package dev.jobintel.source.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.http.Recording;
import dev.jobintel.source.http.ResponseStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled demo data as the six APIs would have served it: one recorded response per
 * request the real adapters make, in each API's own JSON — Greenhouse's entity-escaped content
 * and nested departments, Lever's epoch-millisecond dates and pages, Ashby's compensation,
 * Workable's date-only fields, SmartRecruiters' pages, detail calls and string coordinates,
 * Adzuna's paged search. {@code jobintel run} with no sources replays it through the adapters,
 * so a fresh clone exercises every parser offline.
 */
public final class DemoSnapshot implements ResponseStore {

    public static final String GREENHOUSE = "https://boards-api.greenhouse.io";
    public static final String LEVER = "https://api.lever.co";
    public static final String ASHBY = "https://api.ashbyhq.com";
    public static final String WORKABLE = "https://apply.workable.com";
    public static final String SMARTRECRUITERS = "https://api.smartrecruiters.com";
    public static final String ADZUNA = "https://api.adzuna.com";
    /** Page sizes the adapters use by default; the snapshot is cut the same way. */
    static final int LEVER_PAGE = 100;
    static final int SMARTRECRUITERS_PAGE = 100;
    static final int ADZUNA_PAGE = 50;
    /** Two overlapping searches: every Adzuna posting is found by both, so each is seen twice per run. */
    public static final List<String> ADZUNA_QUERIES = List.of("software", "engineer");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Entry> responses = new HashMap<>();
    private final Map<String, Map<String, String>> boards = new LinkedHashMap<>();
    private final java.util.function.BiConsumer<String, String> sink;

    private DemoSnapshot() {
        this.sink = this::keep;
    }

    private DemoSnapshot(java.util.function.BiConsumer<String, String> sink) {
        this.sink = sink;
    }

    /**
     * Renders one board's records in its source's format and hands each response (URL, JSON) to
     * {@code sink} without keeping them: how the benchmark writes 100,000 postings to disk.
     */
    public static void renderBoard(String source, String board, List<DemoRecord> records,
                                   java.util.function.BiConsumer<String, String> sink) {
        new DemoSnapshot(sink).render(source, board, records);
    }

    private static final class Holder {
        static final DemoSnapshot INSTANCE = build(DemoGenerator.records());
    }

    /** The snapshot of the bundled demo data (built once, deterministic). */
    public static DemoSnapshot bundled() {
        return Holder.INSTANCE;
    }

    static DemoSnapshot build(List<DemoRecord> records) {
        DemoSnapshot s = new DemoSnapshot();
        Map<String, Map<String, List<DemoRecord>>> bySource = new LinkedHashMap<>();
        for (DemoRecord r : records) {
            // A board lists a posting once; re-sightings within one snapshot come from Adzuna, whose
            // searches overlap (see adzuna()).
            if (r.brokenLine() != null || r.board() == null
                    || (r.truth().expected() == Truth.Expected.RESEEN && !r.source().equals("adzuna"))) {
                continue;
            }
            bySource.computeIfAbsent(r.source(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.board(), k -> new ArrayList<>()).add(r);
        }
        bySource.forEach((source, byBoard) -> byBoard.forEach((board, list) -> {
            s.boards.computeIfAbsent(source, k -> new LinkedHashMap<>()).put(board, list.get(0).company() == null
                    ? board : employerName(list));
            s.render(source, board, list);
        }));
        return s;
    }

    private void render(String source, String board, List<DemoRecord> list) {
        switch (source) {
            case "greenhouse" -> greenhouse(board, list);
            case "lever" -> lever(board, list);
            case "ashby" -> ashby(board, list);
            case "workable" -> workable(board, list);
            case "smartrecruiters" -> smartrecruiters(board, list);
            case "adzuna" -> adzuna(board, list);
            default -> throw new IllegalStateException("no renderer for " + source);
        }
    }

    private static String employerName(List<DemoRecord> list) {
        for (DemoData.Employer e : DemoData.EMPLOYERS) {
            if (e.slug().equals(list.get(0).board())) {
                return e.name();
            }
        }
        return list.get(0).company();
    }

    /** The sources configuration that fetches exactly the snapshot's boards. */
    public SourcesConfig sources() {
        return new SourcesConfig(boardSource("greenhouse"), boardSource("lever"), boardSource("ashby"),
                boardSource("workable"), boardSource("smartrecruiters"),
                new SourcesConfig.Adzuna(null, List.copyOf(boards.getOrDefault("adzuna", Map.of()).keySet()),
                        ADZUNA_QUERIES.stream().map(q -> new SourcesConfig.Query(q, null)).toList(), ADZUNA_PAGE, 10_000,
                        10_000));
    }

    private SourcesConfig.BoardSource boardSource(String source) {
        List<SourcesConfig.Board> list = new ArrayList<>();
        boards.getOrDefault(source, Map.of()).forEach((slug, name) -> list.add(new SourcesConfig.Board(slug, name, null)));
        return new SourcesConfig.BoardSource(null, null, null, list);
    }

    /** How many boards of each source the snapshot holds. */
    public Map<String, Integer> boardCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        boards.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    @Override
    public Entry read(URI uri) {
        return responses.get(Recording.key(uri));
    }

    @Override
    public String describe() {
        return "the bundled demo snapshot";
    }

    /** Writes the snapshot as a recording directory, for {@code fetch --replay DIR}. */
    public void export(Path dir) throws IOException {
        Recording rec = new Recording(dir);
        for (Entry e : responses.values()) {
            try (java.io.InputStream in = e.body().open()) {
                rec.write(URI.create(e.url()), e.status(), e.contentType(), in.readAllBytes());
            }
        }
    }

    public int size() {
        return responses.size();
    }

    private void put(String url, ObjectNode body) {
        putJson(url, body.toString());
    }

    private void putJson(String url, String json) {
        sink.accept(url, json);
    }

    private void keep(String url, String json) {
        String key = Recording.key(URI.create(url));
        responses.put(key, Entry.of(key, 200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- Greenhouse ------------------------------------------------------------------------

    private void greenhouse(String board, List<DemoRecord> list) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode jobs = root.putArray("jobs");
        int n = 0;
        for (DemoRecord r : list) {
            n++;
            ObjectNode j = jobs.addObject();
            if (r.url() != null) {
                j.put("absolute_url", r.url());
            }
            j.putArray("data_compliance").addObject().put("type", "gdpr").put("requires_consent", false)
                    .putNull("retention_period");
            // Prospect posts have no internal job; a few demo jobs are shown as such.
            if (n % 17 == 0) {
                j.putNull("internal_job_id");
            } else {
                j.put("internal_job_id", Long.parseLong(r.id()) - 1_000_000_000L);
            }
            j.putObject("location").put("name", r.location());
            if (n % 5 == 0) {
                j.putNull("metadata");
            } else {
                ArrayNode meta = j.putArray("metadata");
                meta.addObject().put("id", 18_783_104_004L).put("name", "Career Site Categories")
                        .put("value", "Engineering").put("value_type", "single_select");
                meta.addObject().put("id", 18_783_104_005L).put("name", "Visa sponsorship").putNull("value")
                        .put("value_type", "yes_no");
            }
            j.put("id", Long.parseLong(r.id()));
            j.put("updated_at", offsetTime(r.postedAt(), -4));
            j.put("requisition_id", n % 7 == 0 ? null : Integer.toString(1000 + n));
            j.put("title", r.title());
            j.put("company_name", r.company());
            j.put("first_published", offsetTime(r.postedAt(), -4));
            j.put("language", "en");
            j.putNull("application_deadline");
            j.put("content", DemoJsonl.escape(r.descriptionHtml()));
            ArrayNode departments = j.putArray("departments");
            String team = r.hints() == null ? null : r.hints().department();
            if (team != null) {
                // Only the leaf department is attached; it points to its parent.
                departments.addObject().put("id", 4_085_775_000L + Math.abs(team.hashCode() % 1000)).put("name", team)
                        .putArray("child_ids");
                ((ObjectNode) departments.get(0)).put("parent_id", 4_085_770_001L);
            }
            ArrayNode offices = j.putArray("offices");
            offices.addObject().put("id", 4_091_069_004L).put("name", "Office - " + (r.location() == null ? "Anywhere" : r.location()))
                    .putNull("location").put("parent_id", 4_014_161_004L).putArray("child_ids");
            j.putNull("ai_disclaimer");
            j.putNull("include_ai_disclaimer");
        }
        root.putObject("meta").put("total", list.size());
        put(GREENHOUSE + "/v1/boards/" + board + "/jobs?content=true", root);
    }

    // ---- Lever ------------------------------------------------------------------------------

    private void lever(String board, List<DemoRecord> list) {
        for (int page = 0; ; page++) {
            // Pages overlap by one posting, as the adapter asks for them (PagedListing).
            int from = page * (LEVER_PAGE - 1);
            int to = Math.min(list.size(), from + LEVER_PAGE);
            ArrayNode arr = JSON.createArrayNode();
            for (int i = from; i < to; i++) {
                DemoRecord r = list.get(i);
                Hints h = hints(r);
                ObjectNode p = arr.addObject();
                p.put("additionalPlain", "");
                p.put("additional", "");
                ObjectNode cat = p.putObject("categories");
                if (h.employmentType() != null) {
                    cat.put("commitment", h.employmentType());
                }
                cat.put("department", "Engineering");
                if (r.location() != null) {
                    cat.put("location", r.location());
                    cat.putArray("allLocations").add(r.location());
                }
                if (h.department() != null) {
                    cat.put("team", h.department());
                }
                if (r.postedAt() != null) {
                    p.put("createdAt", r.postedAt().toEpochMilli());
                }
                p.put("descriptionPlain", plain(r.descriptionHtml()));
                p.put("description", r.descriptionHtml() == null ? "" : r.descriptionHtml());
                p.put("id", r.id());
                p.putArray("lists");
                p.put("text", r.title());
                p.put("country", h.countries().isEmpty() ? null : h.countries().get(0));
                p.put("workplaceType", h.workplace() == null ? "unspecified" : h.workplace());
                p.put("opening", "");
                p.put("openingPlain", "");
                if (r.url() != null) {
                    p.put("hostedUrl", r.url());
                    p.put("applyUrl", r.url() + "/apply");
                }
                if (h.salary() != null) {
                    Salary s = h.salary();
                    ObjectNode range = p.putObject("salaryRange");
                    range.put("currency", s.currency()).put("interval", "per-" + s.period().code() + "-salary");
                    range.put("min", s.min());
                    range.put("max", s.max());
                }
            }
            putJson(LEVER + "/v0/postings/" + board + "?mode=json&skip=" + from + "&limit=" + LEVER_PAGE, arr.toString());
            if (to - from < LEVER_PAGE) {
                return;
            }
        }
    }

    // ---- Ashby ------------------------------------------------------------------------------

    private void ashby(String board, List<DemoRecord> list) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "1");
        ArrayNode jobs = root.putArray("jobs");
        for (DemoRecord r : list) {
            Hints h = hints(r);
            ObjectNode j = jobs.addObject();
            j.put("id", r.id());
            // Ashby titles sometimes carry a leading space.
            j.put("title", r.title() == null ? null : (r.id().hashCode() % 9 == 0 ? " " : "") + r.title());
            j.put("department", "Engineering");
            j.put("team", h.department());
            j.put("employmentType", h.employmentType() == null ? "FullTime" : h.employmentType());
            j.put("location", r.location());
            j.putArray("secondaryLocations");
            j.put("publishedAt", r.postedAt() == null ? null
                    : OffsetDateTime.ofInstant(r.postedAt(), ZoneOffset.UTC).toString().replace("Z", ".000+00:00"));
            j.put("isListed", true);
            j.put("isRemote", Boolean.TRUE.equals(h.remote()));
            j.put("workplaceType", h.workplace());
            j.putObject("address").putObject("postalAddress").put("addressCountry",
                    h.countries().isEmpty() ? null : h.countries().get(0));
            if (r.url() != null) {
                j.put("jobUrl", r.url());
                j.put("applyUrl", r.url() + "/application");
            }
            j.put("descriptionHtml", r.descriptionHtml());
            j.put("descriptionPlain", plain(r.descriptionHtml()));
            j.put("shouldDisplayCompensationOnJobPostings", h.salary() != null);
            ObjectNode comp = j.putObject("compensation");
            if (h.salary() == null) {
                comp.putNull("compensationTierSummary");
                comp.putNull("scrapeableCompensationSalarySummary");
                comp.putArray("compensationTiers");
                comp.putArray("summaryComponents");
            } else {
                Salary s = h.salary();
                String summary = s.currency() + " " + Math.round(s.min()) + " – " + Math.round(s.max());
                comp.put("compensationTierSummary", summary);
                comp.put("scrapeableCompensationSalarySummary", summary);
                comp.putArray("compensationTiers");
                ArrayNode components = comp.putArray("summaryComponents");
                // Ashby states the interval with the amounts ("1 YEAR", "1 HOUR"): a contract's hourly
                // rate recorded as "1 YEAR" read as a yearly salary of 25 EUR.
                components.addObject().put("compensationType", "Salary")
                        .put("interval", "1 " + s.period().name())
                        .put("currencyCode", s.currency()).put("minValue", s.min()).put("maxValue", s.max());
                components.addObject().put("compensationType", "EquityPercentage").put("interval", "NONE")
                        .putNull("currencyCode").putNull("minValue").putNull("maxValue");
            }
        }
        put(ASHBY + "/posting-api/job-board/" + board + "?includeCompensation=true", root);
    }

    // ---- Workable ---------------------------------------------------------------------------

    private void workable(String board, List<DemoRecord> list) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", employerName(list));
        root.putNull("description");
        ArrayNode jobs = root.putArray("jobs");
        for (DemoRecord r : list) {
            Hints h = hints(r);
            ObjectNode j = jobs.addObject();
            j.put("title", r.title());
            j.put("shortcode", r.id());
            j.put("code", "");
            j.put("employment_type", h.employmentType() == null ? "" : h.employmentType());
            j.put("telecommuting", Boolean.TRUE.equals(h.remote()));
            j.put("department", h.department());
            if (r.url() != null) {
                j.put("url", r.url());
                j.put("shortlink", r.url());
                j.put("application_url", r.url() + "/apply");
            }
            String date = r.postedAt() == null ? null : r.postedAt().toString().substring(0, 10);
            j.put("published_on", date);
            j.put("created_at", date);
            String country = h.countries().isEmpty() ? "" : h.countries().get(0);
            // The whole location string as the city: the adapter joins city, state and country.
            j.put("country", "");
            j.put("city", r.location() == null ? "" : r.location());
            j.put("state", "");
            j.put("education", "");
            j.put("experience", "");
            j.put("function", "Engineering");
            j.put("industry", "Computer Software");
            ArrayNode locations = j.putArray("locations");
            if (!country.isEmpty()) {
                locations.addObject().put("country", "").put("countryCode", country).put("city", "")
                        .put("region", "").put("hidden", false);
            }
            j.put("description", r.descriptionHtml());
        }
        put(WORKABLE + "/api/v1/widget/accounts/" + board + "?details=true", root);
    }

    // ---- SmartRecruiters --------------------------------------------------------------------

    private void smartrecruiters(String board, List<DemoRecord> list) {
        for (int page = 0; ; page++) {
            int from = page * (SMARTRECRUITERS_PAGE - 1);
            int to = Math.min(list.size(), from + SMARTRECRUITERS_PAGE);
            ObjectNode root = JSON.createObjectNode();
            root.put("offset", from);
            root.put("limit", SMARTRECRUITERS_PAGE);
            root.put("totalFound", list.size());
            ArrayNode content = root.putArray("content");
            for (int i = from; i < to; i++) {
                DemoRecord r = list.get(i);
                ObjectNode p = content.addObject();
                listItem(p, board, r);
                ObjectNode detail = JSON.createObjectNode();
                listItem(detail, board, r);
                detail.remove("ref");
                detail.put("jobId", r.id() + "-job");
                if (r.url() != null) {
                    detail.put("postingUrl", r.url());
                    detail.put("applyUrl", r.url() + "?oga=true");
                }
                detail.put("active", true);
                ObjectNode sections = detail.putObject("jobAd").putObject("sections");
                sections.putObject("companyDescription").put("title", "Company Description")
                        .put("text", "<p>" + (r.company() == null ? "We" : r.company()) + " are hiring.</p>");
                sections.putObject("jobDescription").put("title", "Job Description")
                        .put("text", r.descriptionHtml() == null ? "" : r.descriptionHtml());
                sections.putObject("qualifications").put("title", "Qualifications").put("text", "");
                sections.putObject("additionalInformation").put("title", "Additional Information").put("text", "");
                put(SMARTRECRUITERS + "/v1/companies/" + board + "/postings/" + r.id(), detail);
            }
            put(SMARTRECRUITERS + "/v1/companies/" + board + "/postings?limit=" + SMARTRECRUITERS_PAGE + "&offset=" + from, root);
            // A short page ends the board, as the API would answer: after a full page the adapter
            // asks for the next one even where totalFound says the board is done.
            if (to - from < SMARTRECRUITERS_PAGE) {
                return;
            }
        }
    }

    private void listItem(ObjectNode p, String board, DemoRecord r) {
        Hints h = hints(r);
        p.put("id", r.id());
        p.put("name", r.title());
        p.put("uuid", new java.util.UUID(r.id().hashCode(), r.id().length()).toString());
        p.put("refNumber", "REF" + r.id().substring(Math.max(0, r.id().length() - 5)));
        p.putObject("company").put("identifier", board).put("name", r.company());
        p.put("releasedDate", r.postedAt() == null ? null : r.postedAt().toString());
        ObjectNode loc = p.putObject("location");
        String country = h.countries().isEmpty() ? "" : h.countries().get(0).toLowerCase(java.util.Locale.ROOT);
        String city = r.location() == null ? "" : r.location().split(",")[0].strip();
        loc.put("city", city);
        loc.put("country", country);
        loc.put("remote", "remote".equals(h.workplace()));
        loc.put("hybrid", "hybrid".equals(h.workplace()));
        // Coordinates arrive as strings.
        loc.put("latitude", "51.50" + (r.id().length() % 10));
        loc.put("longitude", "-0.12" + (r.id().length() % 10));
        loc.put("fullLocation", r.location() == null ? "" : r.location());
        p.putObject("industry").put("id", "computer_software").put("label", "Computer Software");
        p.putObject("function").put("id", "engineering").put("label", "Engineering");
        ObjectNode type = p.putObject("typeOfEmployment");
        type.put("id", h.employmentType() == null ? "permanent" : h.employmentType());
        type.put("label", h.employmentType() == null ? "Full-time" : h.employmentType());
        p.putObject("experienceLevel").put("id", h.experienceLevel() == null ? "not_applicable" : h.experienceLevel())
                .put("label", h.experienceLevel() == null ? "Not Applicable" : h.experienceLevel());
        if (h.department() == null) {
            p.putObject("department");
        } else {
            p.putObject("department").put("id", "dep-" + Math.abs(h.department().hashCode() % 1000))
                    .put("label", h.department());
        }
        p.putArray("customField").addObject().put("fieldId", "f1").put("fieldLabel", "Job  Function")
                .put("valueId", "v1").put("valueLabel", "Engineering");
        p.put("visibility", "PUBLIC");
        p.put("ref", SMARTRECRUITERS + "/v1/companies/" + board + "/postings/" + r.id());
        p.putObject("language").put("code", "en").put("label", "English").put("labelNative", "English (US)");
    }

    // ---- Adzuna -----------------------------------------------------------------------------

    private void adzuna(String market, List<DemoRecord> list) {
        int pages = Math.max(1, (list.size() + ADZUNA_PAGE - 1) / ADZUNA_PAGE);
        for (int page = 1; page <= pages; page++) {
            ObjectNode root = JSON.createObjectNode();
            root.put("__CLASS__", "Adzuna::API::Response::JobSearchResults");
            root.put("count", list.size());
            root.put("mean", 64_000.0);
            ArrayNode results = root.putArray("results");
            for (int i = (page - 1) * ADZUNA_PAGE; i < Math.min(list.size(), page * ADZUNA_PAGE); i++) {
                DemoRecord r = list.get(i);
                ObjectNode j = results.addObject();
                j.put("__CLASS__", "Adzuna::API::Response::Job");
                j.put("id", r.id());
                j.put("adref", "eyJhbGciOiJIUzI1NiJ9." + r.id());
                j.put("title", r.title() == null ? null : r.title().replaceFirst("(?i)(engineer)", "<strong>$1</strong>"));
                j.put("description", r.descriptionHtml());
                j.put("created", r.postedAt() == null ? null : r.postedAt().toString().replaceAll("\\.\\d+Z$", "Z"));
                j.put("redirect_url", r.url());
                j.put("salary_is_predicted", i % 3 == 0 ? "1" : "0");
                if (i % 3 == 0) {
                    j.put("salary_min", 55_000);
                    j.put("salary_max", 65_000);
                }
                j.put("contract_time", "full_time");
                j.putObject("company").put("__CLASS__", "Adzuna::API::Response::Company").put("display_name", r.company());
                ObjectNode loc = j.putObject("location");
                loc.put("__CLASS__", "Adzuna::API::Response::Location");
                loc.put("display_name", r.location());
                loc.putArray("area").add(market.toUpperCase(java.util.Locale.ROOT));
                j.putObject("category").put("__CLASS__", "Adzuna::API::Response::Category").put("label", "IT Jobs")
                        .put("tag", "it-jobs");
            }
            for (String query : ADZUNA_QUERIES) {
                putJson(ADZUNA + "/v1/api/jobs/" + market + "/search/" + page + "?app_id=demo&app_key=demo&results_per_page="
                        + ADZUNA_PAGE + "&what=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + "&content-type=application/json", root.toString());
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Hints hints(DemoRecord r) {
        return r.hints() == null ? Hints.NONE : r.hints();
    }

    private static String offsetTime(Instant t, int hours) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(hours)).toString();
    }

    private static String plain(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}
