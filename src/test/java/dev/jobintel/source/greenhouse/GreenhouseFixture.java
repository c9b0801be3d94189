package dev.jobintel.source.greenhouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.ApiFixture;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.testing.LocalServer;

import java.util.List;

/** Greenhouse Job Board API bodies in the real shape (see samples/greenhouse). */
public final class GreenhouseFixture implements ApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String source() {
        return "greenhouse";
    }

    @Override
    public JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher) {
        return new GreenhouseSource(new SourcesConfig.BoardSource(baseUrl, baseUrl, null, boards), fetcher, 4);
    }

    @Override
    public void serveBoard(LocalServer server, String slug, int postings) {
        server.on(boardPath(slug), LocalServer.Reply.json(body(slug, postings)));
    }

    @Override
    public String boardPath(String slug) {
        return "/v1/boards/" + slug + "/jobs";
    }

    @Override
    public String emptyBody() {
        return "{\"jobs\":[],\"meta\":{\"total\":0}}";
    }

    /** A board body of {@code n} jobs with ids above 2^32 and entity-escaped content. */
    public static String body(String slug, int n) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode jobs = root.putArray("jobs");
        for (int i = 0; i < n; i++) {
            // Greenhouse ids are unique across boards and above 2^32.
            long id = 6_000_000_000L + (long) Math.floorMod(slug.hashCode(), 10_000) * 100_000 + i;
            ObjectNode j = jobs.addObject();
            j.put("absolute_url", "https://job-boards.greenhouse.io/" + slug + "/jobs/" + id);
            j.putObject("location").put("name", i % 2 == 0 ? "Hybrid - London" : "New York, NY");
            j.putNull("metadata");
            j.put("id", id);
            j.put("updated_at", "2026-09-24T13:34:54-04:00");
            j.put("title", (i % 3 == 0 ? "Senior " : "") + "Backend Engineer " + i);
            j.put("company_name", "Acme " + slug);
            j.put("first_published", "2026-08-06T12:50:10-04:00");
            j.put("content", "&lt;p&gt;We build payment rails in Java and Kafka. You have 5+ years of experience "
                    + "with distributed systems and care about reliability, observability and clean APIs.&lt;/p&gt;"
                    + "&lt;ul&gt;&lt;li&gt;PostgreSQL&lt;/li&gt;&lt;li&gt;Kubernetes&lt;/li&gt;&lt;/ul&gt;");
            j.putArray("departments").addObject().put("id", 1).put("name", "Engineering").putNull("parent_id");
            j.putArray("offices");
        }
        root.putObject("meta").put("total", n);
        return root.toString();
    }
}
