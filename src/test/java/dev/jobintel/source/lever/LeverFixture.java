package dev.jobintel.source.lever;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.ApiFixture;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.testing.LocalServer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Lever Postings API bodies in the real shape (see samples/lever): a bare array per page, served
 * for whatever {@code skip} and {@code limit} the request asks, as Lever does.
 */
public final class LeverFixture implements ApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String source() {
        return "lever";
    }

    @Override
    public JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher) {
        return new LeverSource(new SourcesConfig.BoardSource(baseUrl, baseUrl, null, boards), fetcher, 4);
    }

    @Override
    public void serveBoard(LocalServer server, String slug, int postings) {
        server.on(boardPath(slug), req -> LocalServer.Reply.json(page(slug, postings, req)));
    }

    @Override
    public String boardPath(String slug) {
        return "/v0/postings/" + slug;
    }

    @Override
    public String emptyBody() {
        return "[]";
    }

    /**
     * The page of a board of {@code n} postings that {@code req} asks for; a null request (a
     * reply captured outside a request) is the first page at the default page size.
     */
    static String page(String slug, int n, LocalServer.Request req) {
        int skip = req == null ? 0 : param(req, "skip", 0);
        int limit = req == null ? LeverSource.DEFAULT_PAGE_SIZE : param(req, "limit", n);
        return body(slug, skip, Math.max(0, Math.min(n, skip + limit) - skip));
    }

    static int param(LocalServer.Request req, String name, int fallback) {
        String q = req.uri().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Integer.parseInt(pair.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }

    /** {@code count} postings of board {@code slug} from index {@code from}, as a Lever page. */
    public static String body(String slug, int from, int count) {
        ArrayNode page = JSON.createArrayNode();
        for (int i = from; i < from + count; i++) {
            String id = id(slug, i);
            ObjectNode p = page.addObject();
            p.put("additionalPlain", "Acme is an equal opportunity employer. We welcome applicants of every background.");
            p.put("additional", "<div>Acme is an equal opportunity employer. We welcome applicants of every background.</div>");
            ObjectNode cat = p.putObject("categories");
            cat.put("commitment", i % 4 == 3 ? "Contract" : "Full-time");
            cat.put("department", "Engineering");
            cat.put("location", i % 2 == 0 ? "London" : "Berlin");
            cat.put("team", "Payments");
            cat.putArray("allLocations").add(i % 2 == 0 ? "London" : "Berlin").add("Remote - Europe");
            p.put("createdAt", 1_782_214_185_805L + i * 60_000L);
            p.put("descriptionPlain", "We build payment rails in Java and Kafka. You have 5+ years of experience with "
                    + "distributed systems and care about reliability, observability and clean APIs.");
            p.put("description", "<div><p>We build payment rails in Java and Kafka. You have 5+ years of experience "
                    + "with distributed systems and care about reliability, observability and clean APIs.</p></div>");
            p.put("id", id);
            p.putArray("lists").addObject().put("text", "What You'll Do")
                    .put("content", "<li>Design and run services that move money for millions of merchants.</li>"
                            + "<li>Own PostgreSQL schemas and Kubernetes deployments end to end.</li>");
            p.put("text", (i % 3 == 0 ? "Senior " : "") + "Backend Engineer " + i);
            p.put("country", i % 2 == 0 ? "GB" : "DE");
            p.put("workplaceType", i % 2 == 0 ? "hybrid" : "remote");
            p.put("opening", "");
            p.put("openingPlain", "");
            p.put("hostedUrl", "https://jobs.lever.co/" + slug + "/" + id);
            p.put("applyUrl", "https://jobs.lever.co/" + slug + "/" + id + "/apply");
        }
        return page.toString();
    }

    /** A stable UUID per board and index, as Lever's ids are UUIDs. */
    public static String id(String slug, int i) {
        return UUID.nameUUIDFromBytes((slug + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
