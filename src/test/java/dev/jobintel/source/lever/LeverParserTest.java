package dev.jobintel.source.lever;

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

class LeverParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourcesConfig.Board SPOTIFY = new SourcesConfig.Board("spotify", "Spotify", null);

    private static List<Posting> sample() throws Exception {
        try (InputStream in = LeverParserTest.class.getResourceAsStream("/samples/lever/hunt_spotify_postings_TRIMMED.json")) {
            assertThat(in).as("sample on the classpath").isNotNull();
            List<Posting> out = new ArrayList<>();
            for (JsonNode item : JSON.readTree(in)) {
                out.add(LeverParser.posting(item, SPOTIFY));
            }
            return out;
        }
    }

    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    @Test
    void theRealSpotifyPostingsMap() throws Exception {
        List<Posting> ps = sample();
        assertThat(ps).hasSize(2);

        Posting android = ps.get(0);
        assertThat(android.source()).isEqualTo("lever");
        assertThat(android.sourceJobId()).isEqualTo("2193db3f-77c5-43b8-b030-8f92c9882bf1");
        assertThat(android.title()).isEqualTo("Android Engineer - Experience");
        assertThat(android.url()).isEqualTo("https://jobs.lever.co/spotify/2193db3f-77c5-43b8-b030-8f92c9882bf1");
        assertThat(android.company()).isEqualTo("Spotify");
        assertThat(android.locationText()).as("allLocations beyond the primary one").isEqualTo("London; Stockholm");
        assertThat(android.postedAt()).isEqualTo(Instant.parse("2026-06-23T11:29:45.805Z")); // createdAt 1782214185805 ms
        assertThat(android.hints().countries()).containsExactly("GB");
        assertThat(android.hints().workplace()).isEqualTo("hybrid");
        assertThat(android.hints().employmentType()).isEqualTo("Permanent");
        assertThat(android.hints().department()).isEqualTo("Engineering");
        assertThat(android.hints().extra()).containsEntry("team", "Experience").doesNotContainKey("salary_description");
        assertThat(android.hints().salary()).isNull();

        Posting vietnam = ps.get(1);
        assertThat(vietnam.sourceJobId()).isEqualTo("d87833d0-fb78-4794-b45d-3fe5c8274bc8");
        assertThat(vietnam.title()).isEqualTo("Artist & Label Partnerships Contractor, Vietnam");
        assertThat(vietnam.locationText()).as("allLocations repeating the primary adds nothing").isEqualTo("Ho Chi Minh");
        assertThat(vietnam.postedAt()).isEqualTo(Instant.parse("2026-08-27T03:43:07.805Z"));
        assertThat(vietnam.hints().countries()).containsExactly("VN");
        assertThat(vietnam.hints().employmentType()).isEqualTo("Short Term");
        assertThat(vietnam.hints().department()).isEqualTo("Content");
        assertThat(vietnam.hints().extra()).containsEntry("team", "Music Business");
    }

    @Test
    void theDescriptionIsDescriptionThenListsThenAdditionalAsCleanText() throws Exception {
        List<Posting> ps = sample();
        String android = ps.get(0).description();
        assertThat(android).startsWith("We design Spotify’s consumer experience—end to end");
        assertThat(android).contains("\n\nWhat You'll Do\n\n-", "Develop and maintain mobile client components",
                "\n\nWho You Are\n\n-", "\n\nWhere You'll Be\n\n-", "This role is based in London or Stockholm.",
                "\n\nSpotify is an equal opportunity employer");
        assertThat(android.indexOf("What You'll Do")).isLessThan(android.indexOf("Who You Are"));
        assertThat(android.indexOf("Where You'll Be")).isLessThan(android.indexOf("equal opportunity employer"));

        String vietnam = ps.get(1).description();
        assertThat(vietnam).startsWith("Spotify is looking for a short-term contractor for the Artist & Label Partnerships team");
        assertThat(vietnam).contains("- This contract is based in Ho Chi Minh City, Vietnam.");
        for (Posting p : ps) {
            assertThat(p.description()).doesNotContainPattern("<[a-zA-Z/!]").doesNotContainPattern("&[a-zA-Z]+;")
                    .doesNotContainPattern("&#[0-9xX]+;").doesNotContain("\u00a0");
            assertThat(p.description().length()).isGreaterThan(1_500);
        }
    }

    @Test
    void aListItemWhoseParagraphStartsOnTheNextLineOfTheMarkupKeepsItsTextOnTheBulletsLine() throws Exception {
        // Spotify's lists write "<li>\n<p>Develop and maintain…</p>\n</li>": the markup's line break is no text.
        String android = sample().get(0).description();
        assertThat(android).contains("What You'll Do\n\n- Develop and maintain mobile client components",
                "\n\n- Build high-quality, well-tested", "Who You Are\n\n- You have experience developing Android");
        assertThat(android).as("no bullet alone on its line").doesNotContainPattern("(?m)^-\\s*$");
    }

    @Test
    void theOpeningIsNotRepeatedAndAMissingDescriptionFallsBackToPlainText() throws Exception {
        Posting p = LeverParser.posting(json("""
                {"id":"a","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/a",
                 "opening":"<p>Hello from Acme.</p>","description":"<p>Hello from Acme.</p><p>We build things.</p>",
                 "lists":[{"text":"R&D <5 years","content":"<li>Java</li>"}],"additional":""}"""),
                new SourcesConfig.Board("acme", null, null));
        assertThat(p.description()).isEqualTo("Hello from Acme.\n\nWe build things.\n\nR&D <5 years\n\n- Java");
        assertThat(p.company()).as("no board name: the slug").isEqualTo("acme");

        Posting plain = LeverParser.posting(json("""
                {"id":"b","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/b",
                 "descriptionPlain":"Plain words.","additionalPlain":"Equal opportunity."}"""), SPOTIFY);
        assertThat(plain.description()).isEqualTo("Plain words.\n\nEqual opportunity.");
    }

    @Test
    void aPostingWithoutIdTitleOrUrlIsInvalid() {
        assertThatThrownBy(() -> LeverParser.posting(json("{\"text\":\"Engineer\",\"hostedUrl\":\"https://x/y\"}"), SPOTIFY))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_id"));
        assertThatThrownBy(() -> LeverParser.posting(json("{\"id\":\"null\",\"text\":\"Engineer\"}"), SPOTIFY))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_id"));
        assertThatThrownBy(() -> LeverParser.posting(json("{\"id\":\"a\",\"text\":\"  \",\"hostedUrl\":\"https://x/y\"}"), SPOTIFY))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> assertThat(e.reason()).isEqualTo("no_title"));
        assertThatThrownBy(() -> LeverParser.posting(json("{\"id\":\"a\",\"text\":\"Engineer\",\"hostedUrl\":null}"), SPOTIFY))
                .isInstanceOfSatisfying(BoardApiSource.Invalid.class, e -> {
                    assertThat(e.reason()).isEqualTo("no_url");
                    assertThat(e.getMessage()).contains("a");
                });
    }

    @Test
    void aSalaryRangeBecomesASalaryWithItsPeriod() throws Exception {
        Posting p = LeverParser.posting(json("""
                {"id":"a","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/a",
                 "salaryRange":{"currency":"usd","interval":"per-year-salary","min":150000,"max":190000},
                 "salaryDescriptionPlain":"Base pay varies by location."}"""), SPOTIFY);
        assertThat(p.hints().salary()).isEqualTo(new Salary(150_000.0, 190_000.0, "USD", Salary.Period.YEAR));
        assertThat(p.hints().extra()).containsEntry("salary_description", "Base pay varies by location.");

        assertThat(LeverParser.salary(json("{\"currency\":\"EUR\",\"interval\":\"per-month-salary\",\"min\":4000}")))
                .isEqualTo(new Salary(4000.0, null, "EUR", Salary.Period.MONTH));
        assertThat(LeverParser.salary(json("{\"currency\":\"GBP\",\"interval\":\"per-hour-wage\",\"min\":20,\"max\":25}")))
                .isEqualTo(new Salary(20.0, 25.0, "GBP", Salary.Period.HOUR));
        assertThat(LeverParser.salary(json("{\"currency\":\"USD\",\"interval\":\"per-year-salary\",\"min\":0,\"max\":null}")))
                .as("no usable bound").isNull();
        assertThat(LeverParser.salary(json("null"))).isNull();
    }

    @Test
    void unspecifiedWorkplaceAndAbsentCountryAreNoHints() throws Exception {
        Posting p = LeverParser.posting(json("""
                {"id":"a","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/a?lever-source=linkedin",
                 "workplaceType":"unspecified","country":null,"categories":{"location":"Berlin"}}"""), SPOTIFY);
        assertThat(p.hints().workplace()).isNull();
        assertThat(p.hints().countries()).isEmpty();
        assertThat(p.url()).as("tracking parameter removed").isEqualTo("https://jobs.lever.co/acme/a");
        assertThat(p.locationText()).isEqualTo("Berlin");
    }

    @Test
    void nullsAnywhereDoNotThrow() throws Exception {
        Posting p = LeverParser.posting(json("""
                {"id":"a","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/a","categories":null,
                 "createdAt":null,"description":null,"descriptionPlain":null,"lists":null,"additional":null,
                 "workplaceType":null,"country":null,"salaryRange":null,"salaryDescriptionPlain":null}"""), SPOTIFY);
        assertThat(p.locationText()).isNull();
        assertThat(p.description()).isEmpty();
        assertThat(p.postedAt()).isNull();
        assertThat(p.hints().isEmpty()).isTrue();

        Posting q = LeverParser.posting(json("""
                {"id":"b","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/b",
                 "categories":{"location":null,"allLocations":[null,"",  "Paris", 3]},
                 "lists":[null,{"text":null,"content":null},{"text":"Stack"}],
                 "salaryRange":{"currency":null,"interval":null,"min":null,"max":null}}"""), SPOTIFY);
        assertThat(q.locationText()).isEqualTo("Paris");
        assertThat(q.description()).isEqualTo("Stack");
        assertThat(q.hints().salary()).isNull();
    }
}
