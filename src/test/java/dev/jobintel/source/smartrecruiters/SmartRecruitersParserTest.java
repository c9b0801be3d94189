package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SmartRecruitersParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourcesConfig.Board UBISOFT = new SourcesConfig.Board("Ubisoft2", null, null);
    private static final SourcesConfig.Board SPORTRADAR = new SourcesConfig.Board("Sportradar", "Sportradar AG", null);

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = SmartRecruitersParserTest.class.getResourceAsStream("/samples/smartrecruiters/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    @Test
    void theUbisoftListItemKeepsItsFrenchTitleAndEveryFact() throws Exception {
        JsonNode item = sample("hunt_ubisoft2_postings_limit2.json").path("content").get(0);
        Posting p = SmartRecruitersParser.posting(item, null, UBISOFT);

        assertThat(p.source()).isEqualTo("smartrecruiters");
        assertThat(p.sourceJobId()).isEqualTo("744000151912444");
        assertThat(p.title()).isEqualTo("Spécialiste Fiabilité outils et infrastructures - TGQF");
        assertThat(p.company()).as("company.name without a board name").isEqualTo("Ubisoft");
        assertThat(p.url()).as("no detail: the public page by id").isEqualTo("https://jobs.smartrecruiters.com/Ubisoft2/744000151912444");
        assertThat(p.locationText()).isEqualTo("Montreal, QC, Canada");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-09-25T18:18:52.891Z"));
        assertThat(p.description()).as("no detail, no description").isEmpty();
        assertThat(p.hints().remote()).isFalse();
        assertThat(p.hints().workplace()).isNull();
        assertThat(p.hints().employmentType()).isEqualTo("permanent");
        assertThat(p.hints().experienceLevel()).as("incident 17: the level reaches the classifier").isEqualTo("mid_senior_level");
        assertThat(p.hints().department()).isEqualTo("Ubisoft");
        assertThat(p.hints().countries()).containsExactly("CA");
        assertThat(p.hints().extra())
                .containsEntry("function", "Engineering")
                .containsEntry("industry", "Entertainment")
                .containsEntry("Organizational Unit", "Montréal studio")
                .containsEntry("Job Function", "Infrastructure & Operations")
                .containsEntry("Work flexibility", "Office-based")
                .doesNotContainKey("Job  Function");
    }

    @Test
    void theSecondUbisoftItemIsAnInternshipInParis() throws Exception {
        JsonNode item = sample("hunt_ubisoft2_postings_limit2.json").path("content").get(1);
        Posting p = SmartRecruitersParser.posting(item, null, UBISOFT);
        assertThat(p.sourceJobId()).isEqualTo("744000151872065");
        assertThat(p.title()).isEqualTo("CRM Webmarketing Assistant");
        assertThat(p.locationText()).isEqualTo("Paris, IDF, France");
        assertThat(p.hints().countries()).containsExactly("FR");
        assertThat(p.hints().employmentType()).isEqualTo("intern");
        assertThat(p.hints().experienceLevel()).isEqualTo("not_applicable");
    }

    @Test
    void theSportradarListItemWithItsDetailMapsEveryField() throws Exception {
        JsonNode item = sample("atlas_ops_sportradar_postings_list_TRIMMED.EXTRACTED.json").path("content").get(0);
        JsonNode detail = sample("atlas_ops_sportradar_posting_detail.EXTRACTED.json");
        Posting p = SmartRecruitersParser.posting(item, detail, SPORTRADAR);

        assertThat(p.sourceJobId()).isEqualTo("744000153670469");
        assertThat(p.title()).isEqualTo("Machine Learning Engineer (m/f/d)");
        assertThat(p.company()).as("the board's name wins").isEqualTo("Sportradar AG");
        assertThat(p.url()).isEqualTo("https://jobs.smartrecruiters.com/Sportradar/744000153670469-machine-learning-engineer-m-f-d-");
        assertThat(p.locationText()).as("', ,' collapsed").isEqualTo("Ljubljana, Slovenia");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-10-06T06:39:24.356Z"));
        assertThat(p.hints().department()).as("department is {}").isNull();
        assertThat(p.hints().experienceLevel()).isEqualTo("associate");
        assertThat(p.hints().employmentType()).isEqualTo("permanent");
        assertThat(p.hints().countries()).containsExactly("SI");
        assertThat(p.hints().extra()).containsEntry("Worker Type", "Employee").containsEntry("industry", "Sports")
                .containsEntry("Recruiting Start Date", "2026-10-01");
    }

    @Test
    void theDescriptionJoinsTheNonEmptySectionsUnderTheirTitlesAsText() throws Exception {
        String text = SmartRecruitersParser.description(sample("atlas_ops_sportradar_posting_detail.EXTRACTED.json"));

        assertThat(text).startsWith("Company Description\n\nWe’re the world’s leading sports technology company")
                .contains("\nJob Description\n", "ABOUT US:", "- Strong knowledge of machine learning",
                        "strong programming skills in Python", "\nAdditional Information\n", "At Sportradar, we celebrate")
                .as("the empty qualifications section has no heading").doesNotContain("Qualifications")
                .doesNotContain("<p>", "<br>", "<strong>", "&#xa0;", "\u00a0", "&amp;", "sr-tagline");
        assertThat(text.indexOf("Company Description")).isLessThan(text.indexOf("Job Description"));
        assertThat(text.indexOf("Job Description")).isLessThan(text.indexOf("Additional Information"));
    }

    @Test
    void stringCoordinatesAndNoFullLocationAreFine() throws Exception {
        JsonNode item = json("{\"id\":\"1\",\"name\":\"Dev\",\"location\":{\"city\":\"Montreal\",\"country\":\"ca\","
                + "\"latitude\":\"45.5018869\",\"longitude\":\"not a number\",\"remote\":true,\"hybrid\":false}}");
        Posting p = SmartRecruitersParser.posting(item, null, UBISOFT);
        assertThat(p.locationText()).as("city, country without fullLocation").isEqualTo("Montreal, CA");
        assertThat(p.hints().remote()).isTrue();
        assertThat(p.hints().workplace()).isEqualTo("remote");
    }

    @Test
    void hybridWinsOverRemoteAsTheWorkplace() throws Exception {
        Posting p = SmartRecruitersParser.posting(json("{\"id\":\"1\",\"name\":\"Dev\","
                + "\"location\":{\"remote\":true,\"hybrid\":true,\"fullLocation\":\"Berlin, BE, Germany\"}}"), null, UBISOFT);
        assertThat(p.hints().workplace()).isEqualTo("hybrid");
        assertThat(p.hints().remote()).isTrue();
    }

    @Test
    void labelsStandInForMissingIds() throws Exception {
        Posting p = SmartRecruitersParser.posting(json("{\"id\":\"1\",\"name\":\"Dev\","
                + "\"typeOfEmployment\":{\"label\":\"Full-time\"},\"experienceLevel\":{\"id\":\"\",\"label\":\"Senior\"}}"),
                null, UBISOFT);
        assertThat(p.hints().employmentType()).isEqualTo("Full-time");
        assertThat(p.hints().experienceLevel()).isEqualTo("Senior");
    }

    @Test
    void aPostingWithoutIdOrNameIsInvalidWithItsReason() throws Exception {
        assertThat(reason("{\"name\":\"Dev\"}")).isEqualTo("no_id");
        assertThat(reason("{\"id\":\"\",\"name\":\"Dev\"}")).isEqualTo("no_id");
        assertThat(reason("{\"id\":\"1\",\"name\":null}")).isEqualTo("no_title");
        assertThat(reason("{\"id\":\"1\",\"title\":\"Dev\"}")).as("the title is 'name'").isEqualTo("no_title");
    }

    private static String reason(String s) throws IOException {
        BoardApiSource.Invalid e = catchThrowableOfType(BoardApiSource.Invalid.class,
                () -> SmartRecruitersParser.posting(json(s), null, UBISOFT));
        assertThat(e).as(s).isNotNull();
        return e.reason();
    }

    @Test
    void nullsAndEmptiesEverywhereDoNotThrow() throws Exception {
        JsonNode item = json("{\"id\":\"1\",\"name\":\"Dev\",\"company\":null,\"releasedDate\":\"\",\"location\":null,"
                + "\"industry\":{},\"department\":null,\"function\":{\"id\":null,\"label\":\"\"},\"typeOfEmployment\":null,"
                + "\"experienceLevel\":{},\"customField\":[null,{\"fieldLabel\":\"\",\"valueLabel\":\"x\"},"
                + "{\"fieldLabel\":\"Brands\",\"valueLabel\":null}]}");
        JsonNode detail = json("{\"postingUrl\":\"\",\"jobAd\":{\"sections\":{\"companyDescription\":null,"
                + "\"jobDescription\":{\"title\":null,\"text\":\"<p>Build things.</p>\"},\"qualifications\":{\"title\":\"Q\"},"
                + "\"additionalInformation\":{\"title\":\"A\",\"text\":\"<p></p>\"}}}}");
        Posting p = SmartRecruitersParser.posting(item, detail, new SourcesConfig.Board("acme", null, null));
        assertThat(p.company()).isEqualTo("acme");
        assertThat(p.url()).isEqualTo("https://jobs.smartrecruiters.com/acme/1");
        assertThat(p.locationText()).isNull();
        assertThat(p.postedAt()).isNull();
        assertThat(p.description()).isEqualTo("Build things.");
        assertThat(p.hints().isEmpty()).as("%s", p.hints()).isTrue();

        assertThat(SmartRecruitersParser.description(json("{\"jobAd\":null}"))).isEmpty();
        assertThat(SmartRecruitersParser.description(json("{\"jobAd\":{\"sections\":[]}}"))).isEmpty();
    }
}
