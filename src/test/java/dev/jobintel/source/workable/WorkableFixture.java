package dev.jobintel.source.workable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.ApiFixture;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.testing.LocalServer;

import java.util.List;

/** Workable widget API bodies in the real shape (see samples/workable). */
public final class WorkableFixture implements ApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String source() {
        return "workable";
    }

    @Override
    public JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher) {
        return new WorkableSource(new SourcesConfig.BoardSource(baseUrl, null, null, boards), fetcher, 4);
    }

    @Override
    public void serveBoard(LocalServer server, String slug, int postings) {
        server.on(boardPath(slug), LocalServer.Reply.json(body(slug, postings)));
    }

    @Override
    public String boardPath(String slug) {
        return "/api/v1/widget/accounts/" + slug;
    }

    @Override
    public String emptyBody() {
        return "{\"jobs\":[]}";
    }

    /**
     * An account body of {@code n} jobs: 10-hex-digit shortcodes, date-only dates, raw HTML
     * descriptions, the placeholders Workable uses ("" and "Unspecified"), and the account name
     * after the jobs array, as the API may send it.
     */
    public static String body(String slug, int n) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode jobs = root.putArray("jobs");
        for (int i = 0; i < n; i++) {
            String code = String.format("%010X", 0x62180FD5F9L + i);
            ObjectNode j = jobs.addObject();
            j.put("title", (i % 3 == 0 ? "Senior " : "") + "Backend Engineer " + i);
            j.put("shortcode", code);
            j.put("code", "");
            j.put("employment_type", i % 4 == 0 ? "" : "Full-time");
            j.put("telecommuting", i % 2 == 1);
            if (i % 5 == 0) {
                j.putNull("department");
            } else {
                j.put("department", "Engineering");
            }
            j.put("url", "https://apply.workable.com/j/" + code);
            j.put("shortlink", "https://apply.workable.com/j/" + code);
            j.put("application_url", "https://apply.workable.com/j/" + code + "/apply");
            j.put("published_on", "2026-09-17");
            j.put("created_at", "2026-09-16");
            j.put("country", "Germany");
            j.put("city", "Berlin");
            j.put("state", "");
            j.put("education", "Unspecified");
            j.put("experience", "Mid-Senior level");
            j.put("function", "Engineering");
            j.put("industry", "Computer Software");
            j.putArray("locations").addObject().put("country", "Germany").put("countryCode", "DE").put("city", "Berlin")
                    .put("region", "").put("hidden", false);
            j.put("description", "<p>We build payment rails in Java and Kafka. You have 5+ years of experience with "
                    + "distributed systems and care about reliability, observability &amp; clean APIs.&nbsp;</p>"
                    + "<p><strong>Requirements</strong></p><ul><li>PostgreSQL</li><li>Kubernetes</li></ul>"
                    + "<p><strong>Benefits</strong></p><ul><li>30 days of holiday</li></ul>");
        }
        root.put("name", "Acme " + slug);
        root.put("description", "<p>Acme builds things.</p>");
        return root.toString();
    }
}
