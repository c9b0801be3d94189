package dev.jobintel.source.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.JsonStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Greenhouse parser on real recorded bodies (samples/greenhouse, provenance in SOURCES.md). */
class GreenhouseParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourcesConfig.Board VERCEL = new SourcesConfig.Board("vercel", null, null);

    private static List<Posting> parse(String sample, SourcesConfig.Board board) throws IOException {
        List<Posting> out = new ArrayList<>();
        try (InputStream in = GreenhouseParserTest.class.getResourceAsStream("/samples/greenhouse/" + sample)) {
            JsonStream.items(in, "jobs", job -> {
                try {
                    out.add(GreenhouseParser.posting(job, board));
                } catch (BoardApiSource.Invalid e) {
                    throw new AssertionError(e);
                }
            });
        }
        return out;
    }

    @Test
    void theModernVercelBodyMapsEveryField() throws IOException {
        List<Posting> jobs = parse("hunt_vercel_jobs_content_true_TRIMMED.json", VERCEL);
        assertThat(jobs).hasSize(2);
        Posting p = jobs.get(0);
        assertThat(p.source()).isEqualTo("greenhouse");
        assertThat(p.sourceJobId()).isEqualTo("6136160004");
        assertThat(p.title()).isEqualTo("Account Executive, Commercial");
        assertThat(p.company()).isEqualTo("Vercel");
        assertThat(p.url()).isEqualTo("https://job-boards.greenhouse.io/vercel/jobs/6136160004");
        assertThat(p.locationText()).isEqualTo("Hybrid - London; London, England, United Kingdom");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-08-06T16:50:10Z"));
        assertThat(p.hints().department()).isEqualTo("Account Executive");
        assertThat(p.hints().extra()).containsEntry("Career Site Categories", "Sales").containsEntry("requisition_id", "1311");
        // Entity-escaped HTML, cut mid-word by the sample's author, becomes clean text.
        assertThat(p.description()).startsWith("About Vercel:").doesNotContain("&lt;").doesNotContain("<div");
        assertThat(new LocationResolver(Gazetteer.bundled()).resolve(p.locationText(), p.hints(), p.url()).place())
                .isEqualTo("lon");
    }

    @Test
    void theBoardNameFromConfigWinsOverTheBody() throws IOException {
        List<Posting> jobs = parse("hunt_vercel_jobs_content_true_TRIMMED.json",
                new SourcesConfig.Board("vercel", "Vercel Inc.", null));
        assertThat(jobs).allSatisfy(p -> assertThat(p.company()).isEqualTo("Vercel Inc."));
    }

    @Test
    void the2013BodyWithEmptyDepartmentsAndNoCompanyName() throws IOException {
        List<Posting> jobs = parse("greenhouse_io_2013_embed_jobs_content_true.json",
                new SourcesConfig.Board("generalassembly", null, null));
        assertThat(jobs).extracting(Posting::sourceJobId).containsExactly("721", "722");
        assertThat(jobs.get(0).company()).isEqualTo("generalassembly");
        assertThat(jobs.get(0).hints().department()).isNull();
        assertThat(jobs.get(1).hints().department()).isEqualTo("Finance");
        assertThat(jobs.get(0).description()).startsWith("Who this job is right for").doesNotContain("&amp;");
        assertThat(jobs.get(0).postedAt()).isEqualTo(Instant.parse("2013-09-12T21:01:50Z"));
    }

    @Test
    void theDocumentedExampleIsDoublyEscapedAndHasOfficeLocationsButNotItsParentOffices() throws IOException {
        List<Posting> jobs = parse("docs_example_list_jobs_content_true.json", new SourcesConfig.Board("vaulttec", null, null));
        Posting p = jobs.get(0);
        assertThat(p.sourceJobId()).isEqualTo("127817");
        // "East Coast" (in "United States") is the parent of the job's "New York City": not where the job is.
        assertThat(p.locationText()).isEqualTo("NYC; New York, NY, United States");
        assertThat(p.description()).doesNotContain("&lt;").doesNotContain("&amp;").doesNotContain("<p>");
        assertThat(p.hints().department()).isEqualTo("Department of Departments");
    }

    @Test
    void anOfficeWithoutALocationIsNamedByItsNameAndTheNoOfficeBucketIsNoPlace() throws Exception {
        // offices[].location may be null: the office's name is then all the API says of where it is.
        JsonNode job = JSON.readTree("{\"id\": 1, \"title\": \"SRE\", \"absolute_url\": \"https://x/j/1\", "
                + "\"location\": {\"name\": \"Hybrid - London\"}, \"offices\": ["
                + "{\"id\": 10, \"name\": \"London\", \"location\": \"London, England, United Kingdom\", \"parent_id\": null, \"child_ids\": []}, "
                + "{\"id\": 11, \"name\": \"Berlin\", \"location\": null, \"parent_id\": null, \"child_ids\": []}, "
                + "{\"id\": 12, \"name\": \"Lisbon\", \"location\": null, \"parent_id\": null, \"child_ids\": []}, "
                + "{\"id\": 0, \"name\": \"No Office\", \"location\": null}]}");
        assertThat(GreenhouseParser.posting(job, VERCEL).locationText())
                .isEqualTo("Hybrid - London; London, England, United Kingdom; Berlin; Lisbon");
    }

    @Test
    void idsAboveThirtyTwoBitsStayExactText() throws Exception {
        JsonNode job = JSON.readTree("{\"id\": 9876543210123, \"title\": \"SRE\", \"absolute_url\": \"https://x/j/1\"}");
        assertThat(GreenhouseParser.posting(job, VERCEL).sourceJobId()).isEqualTo("9876543210123");
    }

    @Test
    void nullsEverywhereDoNotThrowAndMissingEssentialsAreInvalid() throws Exception {
        JsonNode sparse = JSON.readTree("{\"id\": 1, \"title\": \"SRE\", \"absolute_url\": \"https://x/j/1\", "
                + "\"location\": null, \"metadata\": null, \"content\": null, \"offices\": [{\"location\": null}], "
                + "\"departments\": null, \"internal_job_id\": null, \"requisition_id\": null, \"updated_at\": null}");
        Posting p = GreenhouseParser.posting(sparse, VERCEL);
        assertThat(p.locationText()).isNull();
        assertThat(p.description()).isEmpty();
        assertThat(p.hints().extra()).containsEntry("prospect_post", "true");

        assertThat(catchThrowableOfType(BoardApiSource.Invalid.class, () -> GreenhouseParser.posting(
                JSON.readTree("{\"id\": 1, \"title\": \"null\", \"absolute_url\": \"https://x\"}"), VERCEL)).reason())
                .isEqualTo("no_title");
        assertThat(catchThrowableOfType(BoardApiSource.Invalid.class, () -> GreenhouseParser.posting(
                JSON.readTree("{\"id\": 1, \"title\": \"SRE\"}"), VERCEL)).reason()).isEqualTo("no_url");
        assertThat(catchThrowableOfType(BoardApiSource.Invalid.class, () -> GreenhouseParser.posting(
                JSON.readTree("{\"title\": \"SRE\", \"absolute_url\": \"https://x\"}"), VERCEL)).reason()).isEqualTo("no_id");
    }

    @Test
    void payTransparencyRangesAreAStructuredSalary() throws Exception {
        JsonNode job = JSON.readTree("{\"id\": 1, \"title\": \"SRE\", \"absolute_url\": \"https://x/j/1\", "
                + "\"pay_input_ranges\": [{\"min_cents\": 12000000, \"max_cents\": 15000000, \"currency_type\": \"USD\"}]}");
        var s = GreenhouseParser.posting(job, VERCEL).hints().salary();
        assertThat(s.min()).isEqualTo(120000.0);
        assertThat(s.max()).isEqualTo(150000.0);
        assertThat(s.currency()).isEqualTo("USD");
    }
}
