package dev.jobintel.source.workable;

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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkableParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourcesConfig.Board HUCKBERRY = new SourcesConfig.Board("huckberry", "Huckberry", null);

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = WorkableParserTest.class.getResourceAsStream("/samples/workable/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode job(String json) throws IOException {
        return JSON.readTree(json);
    }

    @Test
    void theRecordedHuckberryJobMapsEveryField() throws Exception {
        JsonNode body = sample("atlas_ops_huckberry_widget_v1_body.EXTRACTED.json");
        Posting p = WorkableParser.posting(body.path("jobs").get(0), HUCKBERRY);

        assertThat(p.source()).isEqualTo("workable");
        assertThat(p.sourceJobId()).isEqualTo("62180FD5F9");
        assertThat(p.title()).isEqualTo("Associate Designer, Apparel");
        assertThat(p.url()).isEqualTo("https://apply.workable.com/j/62180FD5F9");
        assertThat(p.company()).isEqualTo("Huckberry");
        assertThat(p.locationText()).as("the one visible location repeats the job's own place")
                .isEqualTo("Austin, Texas, United States");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-09-17T00:00:00Z"));
        assertThat(p.hints().remote()).isFalse();
        assertThat(p.hints().employmentType()).isEqualTo("Full-time");
        assertThat(p.hints().department()).isEqualTo("Product & Merchandising");
        assertThat(p.hints().experienceLevel()).isEqualTo("Associate");
        assertThat(p.hints().countries()).containsExactly("US");
        assertThat(p.hints().workplace()).isNull();
        assertThat(p.hints().extra()).containsEntry("function", "Design").containsEntry("industry", "Retail")
                .as("education is 'Unspecified'").doesNotContainKey("education");
    }

    @Test
    void theDescriptionIsTextWithoutTagsOrEntities() throws Exception {
        JsonNode body = sample("atlas_ops_huckberry_widget_v1_body.EXTRACTED.json");
        String text = WorkableParser.posting(body.path("jobs").get(0), HUCKBERRY).description();

        assertThat(text).startsWith("At Huckberry, we build apparel meant to be lived in")
                .contains("Requirements\n", "- 2-4 years of experience in the apparel industry", "PLM & Miro board",
                        "you’ll act as the glue", "Paid Vacation & Paid Sick Leave")
                .doesNotContain("<p>", "<li>", "</", "&amp;", "&nbsp;", "\u00a0");
    }

    @Test
    void theEmptyRecordedBodyHasNoJobs() throws Exception {
        assertThat(sample("atlas_ops_huckberry_widget_v1_empty_body.EXTRACTED.json").path("jobs")).isEmpty();
    }

    @Test
    void withoutABoardNameTheAccountSlugIsTheCompany() throws Exception {
        Posting p = WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"https://apply.workable.com/j/A1\"}"),
                new SourcesConfig.Board("huckberry", null, null));
        assertThat(p.company()).isEqualTo("huckberry");
    }

    @Test
    void theShortlinkStandsInForAMissingUrl() throws Exception {
        Posting p = WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"\","
                + "\"shortlink\":\"https://apply.workable.com/j/A1?utm_source=x\"}"), HUCKBERRY);
        assertThat(p.url()).isEqualTo("https://apply.workable.com/j/A1");
    }

    @Test
    void aJobWithoutShortcodeTitleOrUrlIsInvalidWithItsReason() throws Exception {
        assertThat(reason("{\"title\":\"Dev\",\"url\":\"https://apply.workable.com/j/A1\"}")).isEqualTo("no_id");
        assertThat(reason("{\"shortcode\":\"null\",\"title\":\"Dev\",\"url\":\"https://x\"}")).isEqualTo("no_id");
        assertThat(reason("{\"shortcode\":\"A1\",\"title\":\"  \",\"url\":\"https://apply.workable.com/j/A1\"}"))
                .isEqualTo("no_title");
        assertThat(reason("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":null,\"shortlink\":\"\"}")).isEqualTo("no_url");
    }

    private static String reason(String json) throws IOException {
        BoardApiSource.Invalid e = catchThrowableOfType(BoardApiSource.Invalid.class,
                () -> WorkableParser.posting(job(json), HUCKBERRY));
        assertThat(e).as(json).isNotNull();
        return e.reason();
    }

    @Test
    void nullsAndEmptyStringsEverywhereDoNotThrowAndGiveNoHints() throws Exception {
        String json = "{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"https://apply.workable.com/j/A1\","
                + "\"code\":\"\",\"employment_type\":\"\",\"telecommuting\":null,\"department\":null,"
                + "\"published_on\":\"\",\"created_at\":null,\"country\":\"\",\"city\":null,\"state\":\"\","
                + "\"education\":\"\",\"experience\":\"Unspecified\",\"function\":\"\",\"industry\":null,"
                + "\"locations\":[{\"country\":null,\"countryCode\":\"\",\"city\":\"\",\"region\":null,\"hidden\":null},null],"
                + "\"description\":null}";
        Posting p = WorkableParser.posting(job(json), HUCKBERRY);
        assertThat(p.locationText()).isNull();
        assertThat(p.description()).isEmpty();
        assertThat(p.postedAt()).isNull();
        assertThat(p.hints().isEmpty()).as("no hint from placeholders: %s", p.hints()).isTrue();

        assertThatCode(() -> WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\","
                + "\"url\":\"https://x.example/j\",\"locations\":null,\"telecommuting\":\"yes\"}"), HUCKBERRY))
                .doesNotThrowAnyException();
    }

    @Test
    void unspecifiedIsNeverAHint() throws Exception {
        Posting p = WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"https://x.example/j\","
                + "\"experience\":\"Unspecified\",\"education\":\"Unspecified\",\"function\":\"unspecified\","
                + "\"industry\":\"Retail\"}"), HUCKBERRY);
        assertThat(p.hints().experienceLevel()).isNull();
        assertThat(p.hints().extra()).containsOnlyKeys("industry");
    }

    @Test
    void visibleExtraLocationsJoinTheTextAndHiddenOnesDoNot() throws Exception {
        Posting p = WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"https://x.example/j\","
                + "\"telecommuting\":true,\"published_on\":null,\"created_at\":\"2026-09-16\","
                + "\"city\":\"Berlin\",\"state\":\"\",\"country\":\"Germany\",\"locations\":["
                + "{\"city\":\"Berlin\",\"region\":\"\",\"country\":\"Germany\",\"countryCode\":\"de\",\"hidden\":false},"
                + "{\"city\":\"Lisbon\",\"region\":\"Lisbon\",\"country\":\"Portugal\",\"countryCode\":\"PT\",\"hidden\":false},"
                + "{\"city\":\"Madrid\",\"region\":\"\",\"country\":\"Spain\",\"countryCode\":\"ES\",\"hidden\":true},"
                + "{\"city\":\"Vienna\",\"country\":\"Austria\",\"hidden\":false}]}"), HUCKBERRY);
        assertThat(p.locationText()).isEqualTo("Berlin, Germany; Lisbon, Lisbon, Portugal; Vienna, Austria");
        assertThat(p.hints().countries()).containsExactly("DE", "PT", "Austria");
        assertThat(p.hints().remote()).isTrue();
        assertThat(p.postedAt()).as("created_at when published_on is missing").isEqualTo(Instant.parse("2026-09-16T00:00:00Z"));
    }

    @Test
    void withoutLocationsTheJobsCountryNameIsTheCountryHint() throws Exception {
        Posting p = WorkableParser.posting(job("{\"shortcode\":\"A1\",\"title\":\"Dev\",\"url\":\"https://x.example/j\","
                + "\"country\":\"United Kingdom\",\"city\":\"London\",\"locations\":[]}"), HUCKBERRY);
        assertThat(p.hints().countries()).containsExactly("United Kingdom");
        assertThat(p.locationText()).isEqualTo("London, United Kingdom");
    }
}
