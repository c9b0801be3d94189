package dev.jobintel.source.ashby;

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

/** Ashby public job board bodies in the real shape (see samples/ashby), compensation included. */
public final class AshbyFixture implements ApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String source() {
        return "ashby";
    }

    @Override
    public JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher) {
        return new AshbySource(new SourcesConfig.BoardSource(baseUrl, baseUrl, null, boards), fetcher, 4);
    }

    @Override
    public void serveBoard(LocalServer server, String slug, int postings) {
        server.on(boardPath(slug), LocalServer.Reply.json(body(slug, postings)));
    }

    @Override
    public String boardPath(String slug) {
        return "/posting-api/job-board/" + slug;
    }

    @Override
    public String emptyBody() {
        return "{\"jobs\":[]}";
    }

    /** A board body of {@code n} listed jobs; every other one states a salary. */
    public static String body(String slug, int n) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "1");
        ArrayNode jobs = root.putArray("jobs");
        for (int i = 0; i < n; i++) {
            String id = UUID.nameUUIDFromBytes((slug + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            ObjectNode j = jobs.addObject();
            j.put("id", id);
            j.put("title", (i % 5 == 0 ? " " : "") + (i % 3 == 0 ? "Senior " : "") + "Backend Engineer " + i);
            j.put("department", "Engineering");
            j.put("team", "Payments");
            j.put("employmentType", "FullTime");
            j.put("location", i % 2 == 0 ? "London" : "New York, NY (HQ)");
            j.put("shouldDisplayCompensationOnJobPostings", i % 2 == 0);
            j.putArray("secondaryLocations").addObject().put("location", "Remote - Europe")
                    .putObject("address").putObject("postalAddress").put("addressCountry", "European Union");
            j.put("publishedAt", "2026-08-06T12:50:10.158+00:00");
            j.put("isListed", true);
            j.put("isRemote", i % 2 == 1);
            j.put("workplaceType", i % 2 == 1 ? "Remote" : "Hybrid");
            j.putObject("address").putObject("postalAddress")
                    .put("addressCountry", i % 2 == 0 ? "United Kingdom" : "United States");
            j.put("jobUrl", "https://jobs.ashbyhq.com/" + slug + "/" + id);
            j.put("applyUrl", "https://jobs.ashbyhq.com/" + slug + "/" + id + "/application");
            j.put("descriptionHtml", "<p style=\"min-height:1.5em\">We build payment rails in Java and Kafka. You have "
                    + "5+ years of experience with distributed systems and care about reliability, observability and "
                    + "clean APIs.</p><p>Our team of twelve engineers ships to production many times a day.</p>"
                    + "<ul><li><p style=\"min-height:1.5em\">PostgreSQL</p></li><li><p>Kubernetes</p></li></ul>");
            j.put("descriptionPlain", "We build payment rails in Java and Kafka. You have 5+ years of experience with "
                    + "distributed systems and care about reliability, observability and clean APIs.\n\nOur team of twelve "
                    + "engineers ships to production many times a day.\n\n• PostgreSQL\n• Kubernetes");
            ObjectNode comp = j.putObject("compensation");
            ArrayNode summary = comp.putArray("summaryComponents");
            if (i % 2 == 0) {
                comp.put("compensationTierSummary", "£85K – £110K • Offers Equity");
                comp.put("scrapeableCompensationSalarySummary", "£85K - £110K");
                summary.addObject().put("compensationType", "Salary").put("interval", "1 YEAR")
                        .put("currencyCode", "GBP").put("minValue", 85_000).put("maxValue", 110_000);
                summary.addObject().put("compensationType", "EquityPercentage").put("interval", "NONE")
                        .putNull("currencyCode").putNull("minValue").putNull("maxValue");
            } else {
                comp.putNull("compensationTierSummary");
                comp.putNull("scrapeableCompensationSalarySummary");
            }
            comp.putArray("compensationTiers");
        }
        return root.toString();
    }
}
