package dev.jobintel.source.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AshbyParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourcesConfig.Board LINEAR = new SourcesConfig.Board("linear", "Linear", null);
    private static final String BASE = "\"id\":\"j1\",\"title\":\"Engineer\",\"jobUrl\":\"https://jobs.ashbyhq.com/acme/j1\"";

    private static List<Posting> sample() throws Exception {
        try (InputStream in = AshbyParserTest.class.getResourceAsStream("/samples/ashby/hunt_linear_job_board_TRIMMED.json")) {
            assertThat(in).as("sample on the classpath").isNotNull();
            List<Posting> out = new ArrayList<>();
            for (JsonNode job : JSON.readTree(in).path("jobs")) {
                out.add(AshbyParser.posting(job, LINEAR));
            }
            return out;
        }
    }

    private static Posting parse(String fields) throws Exception {
        return AshbyParser.posting(json("{" + BASE + (fields.isEmpty() ? "" : "," + fields) + "}"), LINEAR);
    }

    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    @Test
    void theRealLinearJobsMap() throws Exception {
        List<Posting> ps = sample();
        assertThat(ps).hasSize(2);

        Posting europe = ps.get(0);
        assertThat(europe.source()).isEqualTo("ashby");
        assertThat(europe.sourceJobId()).isEqualTo("d3bc1ced-3ce4-4086-a050-555055dbb1ff");
        assertThat(europe.title()).isEqualTo("Senior / Staff Fullstack Engineer");
        assertThat(europe.url()).isEqualTo("https://jobs.ashbyhq.com/linear/d3bc1ced-3ce4-4086-a050-555055dbb1ff");
        assertThat(europe.company()).isEqualTo("Linear");
        assertThat(europe.locationText()).isEqualTo("Europe");
        assertThat(europe.postedAt()).isEqualTo(Instant.parse("2021-04-27T20:13:45.158Z"));
        assertThat(europe.hints().countries()).as("a region, passed on as is").containsExactly("European Union");
        assertThat(europe.hints().workplace()).isEqualTo("Remote");
        assertThat(europe.hints().remote()).isTrue();
        assertThat(europe.hints().employmentType()).isEqualTo("FullTime");
        assertThat(europe.hints().department()).isEqualTo("Product");
        assertThat(europe.hints().extra()).containsEntry("team", "Engineering").doesNotContainKey("compensation");
        assertThat(europe.hints().salary()).as("empty compensation").isNull();

        Posting america = ps.get(1);
        assertThat(america.sourceJobId()).isEqualTo("cd5ae036-0223-427a-b038-ba16ef9dcb32");
        assertThat(america.locationText()).isEqualTo("North America");
        assertThat(america.postedAt()).isEqualTo(Instant.parse("2021-08-18T20:48:26.891Z"));
        assertThat(america.hints().countries()).containsExactly("United States");

        for (Posting p : ps) {
            assertThat(p.description()).startsWith("At Linear, we're building the product development system for teams and agents.")
                    .contains("\n\nFounded in 2019, Linear has become the platform of choice")
                    .doesNotContainPattern("<[a-zA-Z/!]").doesNotContainPattern("&[a-zA-Z]+;")
                    .doesNotContainPattern("&#[0-9xX]+;");
        }
    }

    @Test
    void titlesAreTrimmedAndSecondaryLocationsJoinThePrimaryOne() throws Exception {
        Posting p = AshbyParser.posting(json("""
                {"id":"j1","title":"  Security Engineer, Cloud","jobUrl":"https://jobs.ashbyhq.com/acme/j1",
                 "location":"New York, NY (HQ)",
                 "secondaryLocations":[{"location":"San Francisco, CA","address":null},{"location":"new york, ny (hq)"},
                                       {"location":null},{"address":{"postalAddress":{"addressCountry":"USA"}}}]}"""),
                new SourcesConfig.Board("acme", null, null));
        assertThat(p.title()).isEqualTo("Security Engineer, Cloud");
        assertThat(p.locationText()).isEqualTo("New York, NY (HQ); San Francisco, CA");
        assertThat(p.company()).as("no board name: the slug").isEqualTo("acme");
    }

    @Test
    void everyLocationsAddressCountryIsAHintNotOnlyThePrimaryOnes() throws Exception {
        Posting p = parse("""
                "location":"London","address":{"postalAddress":{"addressLocality":"London","addressCountry":"United Kingdom"}},
                "secondaryLocations":[
                  {"location":"Berlin","address":{"postalAddress":{"addressLocality":"Berlin","addressCountry":"Germany"}}},
                  {"location":"Manchester","address":{"postalAddress":{"addressCountry":"united kingdom"}}},
                  {"location":"Remote","address":null},{"location":"Paris","address":{"postalAddress":null}},
                  {"location":"Toronto","address":{"postalAddress":{"addressCountry":"Canada"}}}]""");
        assertThat(p.locationText()).isEqualTo("London; Berlin; Manchester; Remote; Paris; Toronto");
        // The primary's first, each country once.
        assertThat(p.hints().countries()).containsExactly("United Kingdom", "Germany", "Canada");

        // A job whose primary location has no address still gets its secondary locations' countries.
        Posting remote = parse("""
                "location":"Remote","address":null,"isRemote":true,
                "secondaryLocations":[{"location":"Remote - US","address":{"postalAddress":{"addressCountry":"United States"}}},
                                      {"location":"Remote - Canada","address":{"postalAddress":{"addressCountry":"Canada"}}}]""");
        assertThat(remote.hints().countries()).containsExactly("United States", "Canada");
    }

    @Test
    void theHtmlDescriptionWinsAndPlainTextIsTheFallback() throws Exception {
        assertThat(parse("\"descriptionHtml\":\"<p style=\\\"min-height:1.5em\\\">Build &amp; ship.</p><p>Rust</p>\","
                + "\"descriptionPlain\":\"ignored\"").description()).isEqualTo("Build & ship.\n\nRust");
        assertThat(parse("\"descriptionHtml\":null,\"descriptionPlain\":\"Plain  text.\\n\\n\\nMore.\"").description())
                .isEqualTo("Plain text.\n\nMore.");
    }

    @Test
    void aJobWithoutIdTitleOrUrlIsInvalid() {
        assertThatThrownBy(() -> AshbyParser.posting(json("{\"title\":\"Engineer\",\"jobUrl\":\"https://x/y\"}"), LINEAR))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_id"));
        assertThatThrownBy(() -> AshbyParser.posting(json("{\"id\":\"j1\",\"title\":\" \",\"jobUrl\":\"https://x/y\"}"), LINEAR))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_title"));
        assertThatThrownBy(() -> AshbyParser.posting(json("{\"id\":\"j1\",\"title\":\"Engineer\"}"), LINEAR))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_url"));
    }

    @Test
    void anUnlistedJobIsARejectNotAPosting() throws Exception {
        assertThatThrownBy(() -> parse("\"isListed\":false"))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> {
                    assertThat(e.reason()).isEqualTo("unlisted");
                    assertThat(e.getMessage()).contains("j1");
                });
        assertThat(parse("\"isListed\":true").sourceJobId()).isEqualTo("j1");
        assertThat(parse("\"isListed\":null").sourceJobId()).as("unknown is listed").isEqualTo("j1");
    }

    @Test
    void aSalaryComponentBecomesASalary() throws Exception {
        Posting p = parse("""
                "compensation":{"compensationTierSummary":"$211.4K – $290.6K • Offers Equity",
                  "scrapeableCompensationSalarySummary":"$211.4K - $290.6K",
                  "compensationTiers":[],
                  "summaryComponents":[
                    {"compensationType":"EquityPercentage","interval":"NONE","currencyCode":null,"minValue":0.01,"maxValue":0.02},
                    {"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":211400,"maxValue":290600}]}""");
        assertThat(p.hints().salary()).isEqualTo(new Salary(211_400.0, 290_600.0, "USD", Salary.Period.YEAR));
        assertThat(p.hints().extra()).containsEntry("compensation", "$211.4K – $290.6K • Offers Equity");
    }

    @Test
    void tierComponentsAreReadWhenTheSummaryHasNoSalary() throws Exception {
        Posting p = parse("""
                "compensation":{"compensationTierSummary":null,"summaryComponents":[
                    {"compensationType":"Salary","interval":"1 YEAR","currencyCode":null,"minValue":null,"maxValue":null}],
                  "compensationTiers":[
                    {"id":"t1","title":"Zone A","components":[
                      {"compensationType":"Bonus","interval":"1 YEAR","currencyCode":"EUR","minValue":5000,"maxValue":null}]},
                    {"id":"t2","title":"Zone B","components":[
                      {"compensationType":"Salary","interval":"1 MONTH","currencyCode":"EUR","minValue":null,"maxValue":7000}]}]}""");
        assertThat(p.hints().salary()).isEqualTo(new Salary(null, 7000.0, "EUR", Salary.Period.MONTH));
        assertThat(p.hints().extra()).doesNotContainKey("compensation");
    }

    @Test
    void compensationWithOnlyNullsIsNoSalary() throws Exception {
        Posting p = parse("""
                "compensation":{"compensationTierSummary":null,"scrapeableCompensationSalarySummary":null,
                  "compensationTiers":[{"id":null,"tierSummary":null,"title":null,"additionalInformation":null,
                    "components":[{"compensationType":"Salary","interval":null,"currencyCode":null,"minValue":null,"maxValue":null}]}],
                  "summaryComponents":[{"compensationType":null,"interval":null,"currencyCode":null,"minValue":null,"maxValue":null}]}""");
        assertThat(p.hints().salary()).isNull();
        assertThat(parse("\"compensation\":null").hints().salary()).isNull();
        assertThat(parse("\"compensation\":{\"compensationTiers\":null,\"summaryComponents\":null}").hints().salary()).isNull();
    }

    @Test
    void nullsAnywhereDoNotThrow() throws Exception {
        Posting p = parse("""
                "department":null,"team":null,"employmentType":null,"location":null,"secondaryLocations":null,
                "publishedAt":null,"isListed":null,"isRemote":null,"workplaceType":null,"address":null,
                "descriptionHtml":null,"descriptionPlain":null,"compensation":null""");
        assertThat(p.locationText()).isNull();
        assertThat(p.description()).isEmpty();
        assertThat(p.postedAt()).isNull();
        assertThat(p.hints().isEmpty()).isTrue();
        assertThat(parse("\"address\":{\"postalAddress\":null}").hints().countries()).isEmpty();
        assertThat(parse("\"address\":{\"postalAddress\":{\"addressCountry\":null}}").hints().countries()).isEmpty();
    }

    @Test
    void isRemoteAndWorkplaceTypeTravelSeparatelyEvenWhenTheyDisagree() throws Exception {
        Posting p = parse("\"isRemote\":true,\"workplaceType\":\"Hybrid\"");
        assertThat(p.hints().remote()).isTrue();
        assertThat(p.hints().workplace()).isEqualTo("Hybrid");
        assertThat(parse("\"isRemote\":false").hints().remote()).isFalse();
    }
}
