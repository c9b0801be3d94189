package dev.jobintel.posting.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Areas as users write them in location filters and report filters. */
class GazetteerAreaTest {

    private static final Gazetteer PLACES = Gazetteer.bundled();

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "lon             | lon",
            "LON             | lon",
            "London          | lon",
            "Zürich          | zrh",
            "gb              | GB",
            "UK              | GB",             // another code of the country
            "Germany         | DE",
            "Deutschland     | DE",
            "Singapore       | SG",             // a city-state: the country holds the city
            "Luxembourg      | LU",
            "europe          | europe",
            "North America   | north_america",
            "EU              | europe",         // a region's code
            "remote          | remote",
            "Remote-US       | remote-us",
            "remote-Germany  | remote-de",
            "remote-Europe   | remote-europe",
            "remote-global   | remote-global",
    })
    void anAreaIsACodeOrANameThatMeansOnePlace(String given, String area) {
        assertThat(PLACES.areaCode(given)).isEqualTo(area);
    }

    @Test
    void whatIsNoAreaSaysWhy() {
        assertThat(PLACES.areaCode("Georgia")).isNull();
        assertThat(PLACES.areaProblem("Georgia")).contains("names more than one place").contains("country GE")
                .contains("subdivision US:GA");
        assertThat(PLACES.areaCode("Cambridge")).isNull();
        assertThat(PLACES.areaProblem("Cambridge")).contains("city cbg").contains("city cbm");
        assertThat(PLACES.areaCode("California")).isNull();
        assertThat(PLACES.areaProblem("California")).contains("state or province");
        assertThat(PLACES.areaCode("remote-London")).isNull();
        assertThat(PLACES.areaProblem("remote-London")).contains("London is a city");
        assertThat(PLACES.areaCode("Atlantis")).isNull();
        assertThat(PLACES.areaProblem("Atlantis")).contains("is not a city").contains("remote-europe");
        assertThat(PLACES.areaCode(null)).isNull();
    }

    @Test
    void aRegionHoldsTheCountriesOfTheRegionsItIncludes() {
        assertThat(PLACES.countriesIn("dach")).containsExactlyInAnyOrder("DE", "AT", "CH", "LI");
        assertThat(PLACES.countriesIn("europe")).contains("DE", "GB", "PL", "SE").doesNotContain("US", "AE");
        assertThat(PLACES.countriesIn("DE")).containsExactly("DE");
        assertThat(PLACES.countriesIn("lon")).isEmpty();
    }

    @Test
    void aCountryListingNoCodesHasNoneAndOneGivingNoListHasItsIsoCode(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("places.yaml");
        Files.writeString(extra, """
                countries:
                  - {code: "XA", name: Listless, region: europe}
                  - {code: "XB", name: Codeless, region: europe, codes: []}
                  - {code: "DE", aliases: [teutonia]}
                """);
        Gazetteer g = Gazetteer.withExtension(extra);
        assertThat(g.byCode("XA")).containsExactly(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "XA"));
        assertThat(g.byCode("XB")).isEmpty();
        assertThat(g.byName("codeless")).containsExactly(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "XB"));
        // Adding aliases to a bundled country keeps its codes.
        assertThat(g.byCode("DE")).contains(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "DE"));
        assertThat(g.byCode("KY")).doesNotContain(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "KY"));
    }
}
