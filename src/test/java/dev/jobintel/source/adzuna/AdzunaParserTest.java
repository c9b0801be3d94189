package dev.jobintel.source.adzuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.BoardApiSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Adzuna results in the documented layout (see shared/samples/SOURCES.md §6). */
class AdzunaParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A result as Adzuna documents it: __CLASS__ on every object, a numeric string id, highlights. */
    private static final String RESULT = """
            {
              "__CLASS__": "Adzuna::API::Response::Job",
              "id": "4012345678",
              "adref": "eyJhbGciOiJIUzI1NiJ9.eyJzIjoiYWJjIn0.c2lnbmF0dXJl",
              "title": "Senior <strong>Java</strong> Developer",
              "description": "We are hiring a <strong>Java</strong> developer to build payment rails with Kafka &amp; PostgreSQL…",
              "created": "2026-11-08T18:07:39Z",
              "redirect_url": "https://www.adzuna.co.uk/jobs/land/ad/4012345678?se=Qk9PTQ&utm_medium=api&utm_source=a1b2c3d4&v=E2B1F5",
              "latitude": 51.5237,
              "longitude": -0.0786,
              "salary_min": 70000,
              "salary_max": 85000.0,
              "salary_is_predicted": 0,
              "contract_type": "permanent",
              "contract_time": "full_time",
              "company": {"__CLASS__": "Adzuna::API::Response::Company", "display_name": "Acme Payments Ltd"},
              "location": {"__CLASS__": "Adzuna::API::Response::Location", "display_name": "Shoreditch, East London",
                           "area": ["UK", "London", "East London", "Shoreditch"]},
              "category": {"__CLASS__": "Adzuna::API::Response::Category", "label": "IT Jobs", "tag": "it-jobs"}
            }
            """;

    private static ObjectNode result() throws Exception {
        return (ObjectNode) JSON.readTree(RESULT);
    }

    private static Posting parse(JsonNode n, String country) throws BoardApiSource.Invalid {
        return AdzunaParser.posting(n, country);
    }

    @Test
    void everyDocumentedFieldIsMapped() throws Exception {
        Posting p = parse(result(), "gb");
        assertThat(p.source()).isEqualTo("adzuna");
        assertThat(p.sourceJobId()).isEqualTo("4012345678");
        assertThat(p.url()).isEqualTo("https://www.adzuna.co.uk/jobs/land/ad/4012345678");
        assertThat(p.company()).isEqualTo("Acme Payments Ltd");
        assertThat(p.title()).isEqualTo("Senior Java Developer");
        assertThat(p.locationText()).isEqualTo("Shoreditch, East London");
        assertThat(p.description()).isEqualTo("We are hiring a Java developer to build payment rails with Kafka & PostgreSQL…");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-11-08T18:07:39Z"));
        assertThat(p.hints().salary()).isEqualTo(new Salary(70000.0, 85000.0, "GBP", Salary.Period.YEAR));
        assertThat(p.hints().employmentType()).isEqualTo("full_time");
        assertThat(p.hints().countries()).containsExactly("GB");
        assertThat(p.hints().extra()).containsExactly(entry("category", "IT Jobs"));
    }

    @Test
    void highlightTagsAreRemovedFromTitleAndDescription() throws Exception {
        ObjectNode r = result();
        r.put("title", "<strong>Software</strong> <strong>Engineer</strong> (Platform)");
        r.put("description", "<strong>Software</strong> engineer wanted. Our <strong>engineers</strong> ship daily");
        Posting p = parse(r, "gb");
        assertThat(p.title()).isEqualTo("Software Engineer (Platform)");
        assertThat(p.description()).isEqualTo("Software engineer wanted. Our engineers ship daily").doesNotContain("strong");
    }

    @Test
    void aPredictedSalaryIsNotAStatedSalary() throws Exception {
        ObjectNode r = result();
        r.put("salary_is_predicted", 1);
        r.put("salary_min", 52341.87);
        r.put("salary_max", 52341.87);
        Posting p = parse(r, "gb");
        assertThat(p.hints().salary()).isNull();
        assertThat(p.hints().extra()).contains(entry("predicted_salary", "52341.87-52341.87"));
    }

    @Test
    void salaryIsPredictedComesAsIntOrString() throws Exception {
        ObjectNode stated = result();
        stated.put("salary_is_predicted", "0");
        assertThat(parse(stated, "gb").hints().salary()).isEqualTo(new Salary(70000.0, 85000.0, "GBP", Salary.Period.YEAR));

        ObjectNode predicted = result();
        predicted.put("salary_is_predicted", "1");
        Posting p = parse(predicted, "gb");
        assertThat(p.hints().salary()).isNull();
        assertThat(p.hints().extra()).contains(entry("predicted_salary", "70000-85000"));

        ObjectNode intOne = result();
        intOne.put("salary_is_predicted", 1);
        assertThat(parse(intOne, "gb").hints().salary()).isNull();
    }

    @Test
    void theUkMarketIsBritainWithItsCountryAndItsCurrency() throws Exception {
        ObjectNode stated = result();
        stated.put("salary_is_predicted", 0);
        Posting p = parse(stated, "uk");
        assertThat(p.hints().salary()).isEqualTo(new Salary(70000.0, 85000.0, "GBP", Salary.Period.YEAR));
        assertThat(p.hints().countries()).containsExactly("GB");
    }

    @Test
    void aSalaryWithoutThePredictedFlagIsNotTakenAsStated() throws Exception {
        ObjectNode r = result();
        r.remove("salary_is_predicted");
        Posting p = parse(r, "gb");
        assertThat(p.hints().salary()).isNull();
        assertThat(p.hints().extra()).contains(entry("unconfirmed_salary", "70000-85000"));
    }

    @Test
    void currencyAndCountryFollowTheMarket() throws Exception {
        assertThat(parse(result(), "us").hints().salary().currency()).isEqualTo("USD");
        assertThat(parse(result(), "de").hints().salary().currency()).isEqualTo("EUR");
        assertThat(parse(result(), "ch").hints().salary().currency()).isEqualTo("CHF");
        assertThat(parse(result(), "de").hints().countries()).containsExactly("DE");
        assertThat(parse(result(), "GB").hints().countries()).containsExactly("GB");
        Posting unknownMarket = parse(result(), "xx");
        assertThat(unknownMarket.hints().salary().currency()).isNull();
        assertThat(unknownMarket.hints().salary().period()).isEqualTo(Salary.Period.YEAR);
    }

    @Test
    void contractTypeIsTheEmploymentTypeWhenContractTimeIsMissing() throws Exception {
        ObjectNode r = result();
        r.putNull("contract_time");
        r.put("contract_type", "contract");
        assertThat(parse(r, "gb").hints().employmentType()).isEqualTo("contract");
        r.remove("contract_type");
        assertThat(parse(r, "gb").hints().employmentType()).isNull();
    }

    @Test
    void aContractIsAContractWhateverItsHours() throws Exception {
        ObjectNode r = result();
        r.put("contract_type", "contract");
        r.put("contract_time", "full_time");
        assertThat(parse(r, "gb").hints().employmentType()).as("not a permanent full-time job").isEqualTo("contract");
        r.put("contract_time", "part_time");
        assertThat(parse(r, "gb").hints().employmentType()).isEqualTo("contract");
        r.put("contract_type", "permanent");
        assertThat(parse(r, "gb").hints().employmentType()).isEqualTo("part_time");
    }

    @Test
    void absentAndNullOptionalFieldsAreFine() throws Exception {
        String minimal = """
                {"__CLASS__": "Adzuna::API::Response::Job", "id": "129698749", "title": "Data Engineer",
                 "redirect_url": "https://www.adzuna.com/details/129698749?utm_source=api",
                 "description": null, "created": null, "salary_min": null, "salary_max": null,
                 "salary_is_predicted": "0", "contract_type": null, "latitude": null,
                 "company": {"__CLASS__": "Adzuna::API::Response::Company"},
                 "location": {"__CLASS__": "Adzuna::API::Response::Location", "area": []},
                 "category": {"__CLASS__": "Adzuna::API::Response::Category", "tag": "it-jobs"}}
                """;
        Posting p = parse(JSON.readTree(minimal), "us");
        assertThat(p.sourceJobId()).isEqualTo("129698749");
        assertThat(p.url()).isEqualTo("https://www.adzuna.com/details/129698749");
        assertThat(p.company()).isEmpty();
        assertThat(p.locationText()).isNull();
        assertThat(p.description()).isEmpty();
        assertThat(p.postedAt()).isNull();
        assertThat(p.hints().salary()).isNull();
        assertThat(p.hints().employmentType()).isNull();
        assertThat(p.hints().extra()).isEmpty();
        assertThat(p.hints().countries()).containsExactly("US");

        Posting bare = parse(JSON.readTree("{\"id\": 7, \"title\": \"QA\", \"redirect_url\": \"https://www.adzuna.de/x/7\"}"), "de");
        assertThat(bare.sourceJobId()).isEqualTo("7");
        assertThat(bare.locationText()).isNull();
    }

    @Test
    void theAreaHierarchyIsTheLocationOnlyWhenDisplayNameIsMissing() throws Exception {
        ObjectNode r = result();
        ((ObjectNode) r.get("location")).remove("display_name");
        assertThat(parse(r, "gb").locationText()).isEqualTo("Shoreditch, East London, London, UK");
    }

    @Test
    void incident7TrackingParametersAreStrippedSoOnePostingHasOneUrl() throws Exception {
        ObjectNode a = result();
        ObjectNode b = result();
        a.put("redirect_url", "https://www.adzuna.co.uk/jobs/land/ad/4012345678?se=AAAA&utm_medium=api&utm_source=k1&v=1");
        b.put("redirect_url", "https://www.adzuna.co.uk/jobs/land/ad/4012345678?utm_source=k2&se=BBBB&v=77&utm_campaign=z");
        String ua = parse(a, "gb").url();
        String ub = parse(b, "gb").url();
        assertThat(ua).isEqualTo(ub).isEqualTo("https://www.adzuna.co.uk/jobs/land/ad/4012345678");
        assertThat(ua).doesNotContain("se=", "utm_", "v=");
    }

    @Test
    void missingIdTitleOrUrlIsInvalidWithItsReason() throws Exception {
        ObjectNode noId = result();
        noId.remove("id");
        assertThatThrownBy(() -> parse(noId, "gb")).isInstanceOf(BoardApiSource.Invalid.class)
                .extracting(e -> ((BoardApiSource.Invalid) e).reason()).isEqualTo("no_id");

        ObjectNode blankTitle = result();
        blankTitle.put("title", "<strong></strong> ");
        assertThatThrownBy(() -> parse(blankTitle, "gb"))
                .extracting(e -> ((BoardApiSource.Invalid) e).reason()).isEqualTo("no_title");

        ObjectNode nullTitle = result();
        nullTitle.putNull("title");
        assertThatThrownBy(() -> parse(nullTitle, "gb"))
                .extracting(e -> ((BoardApiSource.Invalid) e).reason()).isEqualTo("no_title");

        ObjectNode noUrl = result();
        noUrl.put("redirect_url", " ");
        assertThatThrownBy(() -> parse(noUrl, "gb"))
                .extracting(e -> ((BoardApiSource.Invalid) e).reason()).isEqualTo("no_url");
    }
}
