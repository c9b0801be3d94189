package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.ApiFixture;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.testing.LocalServer;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * SmartRecruiters Posting API bodies in the real shape (see samples/smartrecruiters): a paged
 * list that answers each request's {@code limit} and {@code offset}, and a detail per posting.
 */
public final class SmartRecruitersFixture implements ApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_ID = 744_000_150_000_000L;
    public static final String DESCRIPTION = "<p>We build payment rails in Java and Kafka. You have 5+ years of "
            + "experience with distributed systems and care about reliability, observability and clean APIs.&#xa0;</p>"
            + "<ul><li>PostgreSQL</li><li>Kubernetes</li></ul><br>\n<p>Hybrid from our office, two days a week.</p>";

    @Override
    public String source() {
        return "smartrecruiters";
    }

    @Override
    public JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher) {
        return new SmartRecruitersSource(new SourcesConfig.BoardSource(baseUrl, null, null, boards), fetcher, 4);
    }

    /**
     * The list answers from the request's offset and limit (a request of null, as
     * {@link LocalServer#scripted} makes, gets the first page). LocalServer routes by exact path,
     * so each posting's detail path gets a route, all sharing one function that builds the body
     * when asked.
     */
    @Override
    public void serveBoard(LocalServer server, String slug, int postings) {
        server.on(boardPath(slug), req -> LocalServer.Reply.json(page(slug, postings, param(req, "offset", 0),
                param(req, "limit", SmartRecruitersSource.DEFAULT_PAGE_SIZE))));
        Function<LocalServer.Request, LocalServer.Reply> detail = req -> {
            String path = req.uri().getPath();
            return LocalServer.Reply.json(detail(slug, Long.parseLong(path.substring(path.lastIndexOf('/') + 1))));
        };
        for (int i = 0; i < postings; i++) {
            server.on(detailPath(slug, id(i)), detail);
        }
    }

    @Override
    public String boardPath(String slug) {
        return "/v1/companies/" + slug + "/postings";
    }

    public static String detailPath(String slug, String id) {
        return "/v1/companies/" + slug + "/postings/" + id;
    }

    @Override
    public String emptyBody() {
        return "{\"offset\":0,\"limit\":100,\"totalFound\":0,\"content\":[]}";
    }

    /** The id of the {@code i}-th posting: a 15-digit numeric string, like the real ones. */
    public static String id(int i) {
        return Long.toString(FIRST_ID + i);
    }

    /** The list page of a board of {@code n} postings starting at {@code offset}. */
    public static String page(String slug, int n, int offset, int limit) {
        return page(n, offset, limit, i -> item(slug, i));
    }

    /** As {@link #page(String, int, int, int)}, with the {@code i}-th list item as {@code items} makes it. */
    public static String page(int n, int offset, int limit, java.util.function.IntFunction<ObjectNode> items) {
        ObjectNode root = JSON.createObjectNode();
        root.put("offset", offset);
        root.put("limit", limit);
        root.put("totalFound", n);
        ArrayNode content = root.putArray("content");
        for (int i = offset; i < Math.min(n, offset + limit); i++) {
            content.add(items.apply(i));
        }
        return root.toString();
    }

    /** A list item: no description; department {} on every fourth; string coordinates; a ", ," location. */
    public static ObjectNode item(String slug, int i) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id(i));
        p.put("name", (i % 3 == 0 ? "Senior " : "") + "Backend Engineer " + i);
        p.put("uuid", "3dcce003-7085-4207-846f-" + String.format("%012d", i));
        p.put("refNumber", "REF" + i);
        p.putObject("company").put("identifier", slug).put("name", "Acme " + slug);
        p.put("releasedDate", "2026-10-06T06:39:24.356Z");
        ObjectNode loc = p.putObject("location");
        loc.put("city", "Ljubljana").put("country", "si").put("remote", i % 2 == 1).put("hybrid", false)
                .put("latitude", "46.0569465").put("longitude", "14.5057515").put("fullLocation", "Ljubljana, , Slovenia");
        p.putObject("industry").put("id", "sports").put("label", "Sports");
        if (i % 4 == 0) {
            p.putObject("department");
        } else {
            p.putObject("department").put("id", "13847731").put("label", "Engineering");
        }
        p.putObject("function").put("id", "engineering").put("label", "Engineering");
        p.putObject("typeOfEmployment").put("id", "permanent").put("label", "Full-time");
        p.putObject("experienceLevel").put("id", "mid_senior_level").put("label", "Mid-Senior Level");
        p.putArray("customField").addObject().put("fieldId", "COUNTRY").put("fieldLabel", "Country/Region")
                .put("valueId", "si").put("valueLabel", "Slovenia");
        p.put("visibility", "PUBLIC");
        p.put("ref", "https://api.smartrecruiters.com/v1/companies/" + slug + "/postings/" + id(i));
        p.putObject("language").put("code", "en").put("label", "English").put("labelNative", "English (US)");
        return p;
    }

    /** The detail of posting {@code id}: the job-ad sections (one empty, as real ones are) and the public URL. */
    public static String detail(String slug, long id) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", Long.toString(id));
        d.put("name", "Backend Engineer " + (id - FIRST_ID));
        d.put("postingUrl", "https://jobs.smartrecruiters.com/" + slug + "/" + id + "-backend-engineer");
        d.put("applyUrl", "https://jobs.smartrecruiters.com/" + slug + "/" + id + "-backend-engineer?oga=true");
        ObjectNode sections = d.putObject("jobAd").putObject("sections");
        sections.putObject("companyDescription").put("title", "Company Description")
                .put("text", "<p>Acme " + slug + " runs payments for merchants.</p>");
        sections.putObject("jobDescription").put("title", "Job Description").put("text", DESCRIPTION);
        sections.putObject("qualifications").put("title", "Qualifications").put("text", "");
        sections.putObject("additionalInformation").put("title", "Additional Information")
                .put("text", "<div sr-tagline=\"\"></div><p><em>We welcome every applicant.</em></p>");
        d.put("active", true);
        return d.toString();
    }

    private static int param(LocalServer.Request req, String name, int fallback) {
        URI uri = req == null ? null : req.uri();
        String query = uri == null ? null : uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Integer.parseInt(pair.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }
}
