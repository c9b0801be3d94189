package dev.jobintel.posting.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            "uk              | GB",             // though Uttarakhand's code is the same
            "Chandigarh      | ixc",            // the city, not the union territory
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
            "Kazakhstan      | KZ",
            "Jersey          | JE",             // the island: "New Jersey" is a longer name
            "Ivory Coast     | CI",
            "remote-Kosovo   | remote-xk",      // not in ISO 3166-1, but its user-assigned code is used
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

    /** Territories with no population to hire in. */
    private static final Set<String> UNINHABITED = Set.of("AQ", "BV", "HM", "TF", "GS", "UM", "IO");

    @Test
    void everyInhabitedIso3166CountryIsInTheTable() {
        List<String> missing = new ArrayList<>();
        for (String iso : Locale.getISOCountries()) {
            if (!UNINHABITED.contains(iso) && PLACES.country(iso) == null) {
                missing.add(iso);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(PLACES.country("XK").name()).isEqualTo("Kosovo");
    }

    @Test
    void aCountryListingNoCodesHasNoneAndOneGivingNoListHasItsIsoCode(@TempDir Path dir) throws IOException {
        // Andorra's "AD" is an advertisement and "AND" the word: it lists codes: [].
        assertThat(PLACES.byCode("AD")).isEmpty();
        assertThat(PLACES.byCode("AND")).isEmpty();
        assertThat(PLACES.byName("andorra")).containsExactly(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "AD"));
        Path extra = dir.resolve("places.yaml");
        Files.writeString(extra, """
                countries:
                  - {code: "XA", name: Listless, region: europe}
                  - {code: "XB", name: Codeless, region: europe, codes: []}
                  - {code: "AD", aliases: [principality of andorra]}
                  - {code: "DE", aliases: [teutonia]}
                """);
        Gazetteer g = Gazetteer.withExtension(extra);
        assertThat(g.byCode("XA")).containsExactly(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "XA"));
        assertThat(g.byCode("XB")).isEmpty();
        // Adding aliases to a bundled country keeps its codes as they were, none or its own.
        assertThat(g.byCode("AD")).isEmpty();
        assertThat(g.byName("principality of andorra")).containsExactly(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "AD"));
        assertThat(g.byCode("DE")).contains(new Gazetteer.Ref(Gazetteer.Kind.COUNTRY, "DE"));
    }
}
