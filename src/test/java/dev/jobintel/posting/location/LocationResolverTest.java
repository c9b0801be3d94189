package dev.jobintel.posting.location;

import dev.jobintel.posting.Hints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LocationResolverTest {

    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());

    private static ResolvedLocation resolve(String text) {
        return RESOLVER.resolve(text);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // incident 21: scoped remote strings keep their scope, and the city is not lost
            "Remote - US                    | remote-us",
            "Remote-US                      | remote-us",
            "US Remote                      | remote-us",
            "India - Remote                 | remote-in",
            "Remote (UK)                    | remote-gb",
            "Remote, Germany                | remote-de",
            "Remote - EMEA                  | remote-emea",
            "Remote, Europe                 | remote-europe",
            "Remote (US or Canada)          | remote-north_america",
            "Remote - NAM                   | remote-north_america",  // North America as sales regions write it, not Namibia
            "NAM - Remote                   | remote-north_america",
            "Remote (ET)                    | remote-north_america",  // Eastern Time, not Ethiopia
            "Remote - US (ET)               | remote-us",
            "Remote - Ethiopia              | remote-et",
            "Remote - New England           | remote-us",  // the US states, not England
            "Remote - England               | remote-gb",
            "Remote - Namibia               | remote-na",
            "Anywhere in the world          | remote-global",
            "Remote                         | remote",
            "London or Remote (UK)          | lon",
            "NYC; Remote, US                | nyc",
            "Hybrid - London                | lon",
            "London, England, United Kingdom| lon",
            "LONDON                         | lon",
            "San Francisco, CA              | sfo",
            "San Francisco Bay Area         | sfo",
            "New York City, NY; San Francisco, CA | nyc",
            "Bengaluru, Karnataka, India    | blr",
            "Bangalore                      | blr",
            // Galicia's capital, not Chile's: the longer name wins over "Santiago".
            "Santiago de Compostela         | scq",
            "Santiago de Compostela, Galicia, España | scq",
            "Santiago, Chile                | scl",
            // The town on the Polish border, as German boards write it, is not Frankfurt am Main.
            "Frankfurt (Oder)               | ffo",
            "Frankfurt an der Oder, Brandenburg | ffo",
            "Frankfurt am Main              | fra",
            "Frankfurt, Hessen, Germany     | fra",
            "Ljubljana, , Slovenia          | lju",
            "München, Bayern, Deutschland   | muc",
            "Munich, Germany                | muc",
            "Zürich                         | zrh",
            "Hong Kong SAR                  | hkg",  // as "Hong Kong": the city is the territory
            "Toronto, ON, Canada            | tor",
            "Cambridge, MA                  | cbm",
            "Cambridge, United Kingdom      | cbg",
            // "OK" and "OR" as words and as states.
            "Remote OK                      | remote",
            "Remote is okay                 | remote",
            "Remote - OK                    | remote-us",
            "Remote - OR                    | remote-us",
            "Berlin OR Munich               | ber",
    })
    void resolvesPlaces(String text, String place) {
        assertThat(resolve(text.strip()).place()).isEqualTo(place.strip());
    }

    @Test
    void multiLocationStringsKeepEveryCityAndTheRemoteScope() {
        ResolvedLocation r = resolve("NYC; Remote, US");
        assertThat(r.cities()).extracting(Places.City::code).containsExactly("nyc");
        assertThat(r.remoteScope()).isEqualTo("us");
        assertThat(r.area()).contains("nyc", "US", "north_america", "remote", "remote-us");

        ResolvedLocation two = resolve("New York City, NY; San Francisco, CA");
        assertThat(two.cities()).extracting(Places.City::code).containsExactly("nyc", "sfo");
        assertThat(two.countries()).containsExactly("US");
        assertThat(two.remote()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Remote - US or Canada   | remote-north_america", // the countries after "or" are more of where to work
            "US or Canada (Remote)   | remote-north_america",
            "Remote (US or Canada)   | remote-north_america",
            "Remote: UK or Ireland   | remote-europe",
            "London or Remote (UK)   | remote-gb",            // a city beside it is an office, not more scope
            "India - Remote          | remote-in",
            "Remote, UK; Remote, Ireland | remote-europe",   // so does a second remote segment
            "Remote - US; Remote - Canada | remote-north_america",
            "Remote, UK; Remote - EMEA | remote-emea",       // a region holding the country is the wider scope
            "London; Remote - UK     | remote-gb",
    })
    void countriesBesideARemoteSegmentWidenItsScope(String text, String remotePlace) {
        assertThat(resolve(text).remotePlace()).isEqualTo(remotePlace);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Remote - East Coast            | remote-us | US",   // the US's parts as its postings name them
            "Remote (US East Coast)         | remote-us | US",
            "Remote - West Coast            | remote-us | US",
            "Remote - Midwest               | remote-us | US",
            "Remote - Mid-West              | remote-us | US",
            "Remote - Pacific Northwest     | remote-us | US",
            "East Coast                     | -         | US",
            "Seattle, West Coast            | sea       | US",
            "Remote - Canada (West Coast)   | remote-ca | CA",   // beside only another country, that country's part
            "Remote - West Coast, Canada    | remote-ca | CA",
            "West Coast, New Zealand        | -         | NZ",
            "Armidale, New England, NSW     | -         | AU",
            "Remote - New England           | remote-us | US",
            "East Coast Park, Singapore     | sin       | SG",
    })
    void aPartOfTheUsNamedByItsPostingsIsTheUs(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}, remote {3}")
    @CsvSource(delimiter = '|', value = {
            "Remote - Europe - Berlin   | ber | DE | remote-europe",   // the region is the scope, Berlin an office in it
            "Remote (EMEA) - London     | lon | GB | remote-emea",
            "Anywhere in Europe, Berlin | ber | DE | remote-europe",
            "Berlin (Remote - Europe)   | ber | DE | remote-europe",   // after the marker, with no city between
            "Berlin, Germany (Remote within Europe) | ber | DE | remote-europe",
            "EMEA Remote, London        | lon | GB | remote-emea",     // right before the marker, with no city before
            "Remote - Germany, Austria - Vienna | vie | AT DE | remote-dach",  // Austria too, not Germany alone
            "Remote - Germany - Berlin  | ber | DE | remote-de",
            "Remote - Berlin, Europe    | ber | DE | remote-de",       // after the city, the region only qualifies it
            "Europe - Berlin - Remote   | ber | DE | remote-de",       // a location's hierarchy, then the marker
            "Berlin, Europe             | ber | DE | -",
    })
    void aPlaceBesideTheRemoteMarkerIsTheRemoteScopeNotACitysQualifier(String text, String place, String countries,
                                                                   String remotePlace) {
        assertPlaceAndCountries(text, place, countries);
        assertThat(resolve(text).remotePlace()).as(text).isEqualTo("-".equals(remotePlace) ? null : remotePlace);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // Places on different continents keep one part each: the first named used to be all of it.
            "Remote - US; Remote - Germany               | remote-de+us",
            "Remote - Germany; Remote - US               | remote-de+us",   // the same job_hash in either order
            "Remote (US, Canada, UK)                     | remote-gb+north_america",
            "US, Canada or UK (Remote)                   | remote-gb+north_america",
            "Remote - US / Remote - UK / Remote - Germany | remote-europe+us",
            "Remote, North America; Remote, Europe       | remote-europe+north_america",
            "Remote in US or Europe                      | remote-europe+us",
            "San Francisco, CA; Remote - US; Remote - UK | remote-gb+us",
            "Remote - US; Remote (Worldwide)             | remote-global",   // anywhere, whichever is written first
            "Remote (Worldwide); Remote - US             | remote-global",
            "Anywhere in Europe (Remote)                 | remote-europe",   // anywhere within the places named
            "Work from anywhere in the US                | remote-us",
    })
    void remotePlacesOnSeveralContinentsKeepEachOne(String text, String remotePlace) {
        assertThat(resolve(text).remotePlace()).isEqualTo(remotePlace);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Remote (CET ±2h)                    | remote-europe",
            "Remote - European time zones        | remote-europe",
            "Remote (EST/PST)                    | remote-north_america",
            "Remote, Pacific Time                | remote-north_america",
            "Remote (AEST)                       | remote-oceania",
            "Remote (GMT+1)                      | remote-emea",          // not GMT's Europe: the offset says it
            "Remote (GMT−3)                      | remote-americas",      // a minus sign, not a hyphen
            "Remote (UTC+5:30)                   | remote-apac",
            "Remote (UTC-5 to UTC+1)             | remote-americas+emea", // hours that span two continents
            "Remote (GMT-05:00) Eastern Time     | remote-north_america", // the named zone narrows the offset
            "Remote (UTC)                        | remote",               // UTC alone is no place
            "Remote (est. 2020)                  | remote",               // zone codes only in capitals
            "Remote - PT                         | remote-pt",            // a place wins: Portugal
            "Remote, Germany (EST hours)         | remote-de",            // a place wins over working hours
    })
    void aRemotePostingThatNamesOnlyItsHoursIsScopedByTheirTimeZone(String text, String remotePlace) {
        assertThat(resolve(text).remotePlace()).isEqualTo(remotePlace);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Remote - US; Remote - Germany", "Remote (UK)", "Remote, Europe", "Remote", "Anywhere in the world",
            "Remote (UTC-5 to UTC+1)", "Remote - DACH"})
    void aStoredRemoteScopeIsInTheSameAreasAsThePostingItCameFrom(String text) {
        // Reports match stored jobs by their scope; the gate matched the posting by its text.
        ResolvedLocation r = resolve(text);
        assertThat(RESOLVER.areaOfRemoteScope(r.remoteScope())).containsExactlyInAnyOrderElementsOf(r.area());
    }

    @Test
    void theCountriesARegionScopeStandsForAreNotStoredWithIt() {
        // "US or Canada" is stored as north_america: its scope's areas are fewer than the posting's, never other.
        ResolvedLocation r = resolve("Remote (US or Canada)");
        Set<String> stored = RESOLVER.areaOfRemoteScope(r.remoteScope());
        assertThat(r.area()).containsAll(stored).contains("US", "CA");
        assertThat(stored).contains("remote-north_america").doesNotContain("US", "CA");
    }

    @Test
    void aTimeZoneNeverPlacesAnOnSiteJob() {
        assertThat(resolve("Berlin (CET)").place()).isEqualTo("ber");
        assertThat(resolve("Berlin (CET)").regions()).isEmpty();
        assertThat(resolve("CET").isEmpty()).isTrue();
    }

    @Test
    void aRemoteJobBelongsToTheRemoteAreaOfEveryPlaceItNamesAndOfTheRegionsHoldingThem() {
        // A location filter on remote-de or remote-europe keeps a job remote in the US or Germany.
        assertThat(resolve("Remote - US; Remote - Germany").area())
                .contains("remote-us", "remote-north_america", "remote-de", "remote-europe", "remote-emea");
        // A job remote in the US or Canada is remote in the US.
        assertThat(resolve("Remote - US or Canada").area()).contains("remote-us", "remote-ca", "remote-north_america");
        // Remote within Germany is remote within Europe; the reverse does not hold.
        assertThat(resolve("Remote - Germany").area()).contains("remote-de", "remote-europe");
        assertThat(resolve("Remote - Europe").area()).contains("remote-europe").doesNotContain("remote-de");
        // The office city of a posting is not a place of remote work.
        assertThat(resolve("San Francisco, CA; Remote - UK").area()).contains("remote-gb").doesNotContain("remote-us");
        assertThat(resolve("Remote, Worldwide").area()).containsExactlyInAnyOrder("remote", "remote-global");
    }

    @Test
    void aTimeZoneIsNotACountry() {
        // "EST" is Estonia's three-letter code, and in a job's location always Eastern Standard Time:
        // the hours of North America, not a country.
        ResolvedLocation est = resolve("Remote (EST timezone)");
        assertThat(est.countries()).isEmpty();
        assertThat(est.remotePlace()).isEqualTo("remote-north_america");
        assertThat(resolve("Tallinn, Estonia").countries()).containsExactly("EE");
        assertThat(resolve("Remote - EE").remotePlace()).isEqualTo("remote-ee");
    }

    @Test
    void aHugeLocationIsReadOnlyAsFarAsAnyRealOneGoes() {
        String huge = "Berlin, Germany; " + "Remote - US; ".repeat(400_000);
        ResolvedLocation r = resolve(huge);
        assertThat(r.cities()).extracting(Places.City::code).containsExactly("ber");
        assertThat(r.remotePlace()).isEqualTo("remote-us");
        // What lies beyond the limit is not read.
        assertThat(resolve("Paris; " + "x".repeat(LocationResolver.TEXT_MAX) + "; London").cities())
                .extracting(Places.City::code).containsExactly("par");
    }

    @Test
    void stateAbbreviationAfterACityIsTheStateNotTheCountry() {
        // "CA" after San Francisco is California, not Canada.
        assertThat(resolve("San Francisco, CA").countries()).containsExactly("US");
        // "OR" closing the text after a comma is Oregon, not the word that separates two places.
        assertThat(resolve("Bend, OR").countries()).containsExactly("US");
        // Without a city, "CA" is Canada.
        assertThat(resolve("Remote - CA").remotePlace()).isEqualTo("remote-ca");
    }

    @Test
    void incident20ShortTokensNeverMatchInsideOtherWords() {
        // "co", "ny", "uk", "us", "in" must not be found inside words or in lower case.
        assertThat(resolve("Mexico City").place()).isEqualTo("mex");
        assertThat(resolve("Stockholm, Sweden").countries()).containsExactly("SE");
        assertThat(resolve("Barcelona").place()).isEqualTo("bcn");
        assertThat(resolve("Barcelona").countries()).containsExactly("ES");
        assertThat(resolve("work with us in a great company").isEmpty()).isTrue();
        assertThat(resolve("Sydney, NSW").countries()).containsExactly("AU");
    }

    @Test
    void aCityContradictedByItsQualifierIsDropped() {
        // London, Ontario is not London, England: no city, but the country is known.
        ResolvedLocation r = resolve("London, ON");
        assertThat(r.cities()).isEmpty();
        assertThat(r.countries()).containsExactly("CA");
        // Paris, Texas is not Paris, France.
        assertThat(resolve("Paris, TX").cities()).isEmpty();
    }

    @Test
    void unresolvableTextResolvesToNothing() {
        assertThat(resolve("TBD").isEmpty()).isTrue();
        assertThat(resolve("").isEmpty()).isTrue();
        assertThat(resolve(null).isEmpty()).isTrue();
        assertThat(resolve("Multiple locations").place()).isNull();
    }

    @Test
    void structuredHintsScopeAnUnscopedRemote() {
        Hints lever = new Hints(null, "remote", null, null, null, null, List.of("GB"), Map.of());
        assertThat(RESOLVER.resolve("Remote", lever, null).remotePlace()).isEqualTo("remote-gb");
        // Ashby: "Europe" with isRemote true.
        Hints ashby = new Hints(null, "Remote", true, null, null, null, List.of(), Map.of());
        assertThat(RESOLVER.resolve("Europe", ashby, null).remotePlace()).isEqualTo("remote-europe");
        // A hint country disambiguates a city name without a qualifier.
        Hints us = new Hints(null, null, null, null, null, null, List.of("US"), Map.of());
        assertThat(RESOLVER.resolve("Cambridge", us, null).place()).isEqualTo("cbm");
        // A state's code after a town is the state, unless the source says the posting is in that country.
        assertThat(RESOLVER.resolve("Dublin, CA", us, null).countries()).containsExactly("US");
        Hints germany = new Hints(null, null, null, null, null, null, List.of("DE"), Map.of());
        assertThat(RESOLVER.resolve("Potsdam, DE", germany, null).countries()).containsExactly("DE");
        Hints canada = new Hints(null, null, null, null, null, null, List.of("CA"), Map.of());
        assertThat(RESOLVER.resolve("Dublin, CA", canada, null).countries()).containsExactly("CA");
    }

    @Test
    void aHintCountryGivenByNameCountsAsItsCode() {
        // Ashby's addressCountry is a name ("United States", "USA"), as is Workable's country without
        // a countryCode: it says which Cambridge, and which Dublin, as "US" does.
        for (String name : List.of("United States", "USA")) {
            Hints ashby = new Hints(null, null, null, null, null, null, List.of(name), Map.of());
            assertThat(RESOLVER.resolve("Cambridge", ashby, null).place()).as(name).isEqualTo("cbm");
        }
        Hints uk = new Hints(null, null, null, null, null, null, List.of("United Kingdom"), Map.of());
        assertThat(RESOLVER.resolve("Cambridge", uk, null).place()).isEqualTo("cbg");
        Hints canada = new Hints(null, null, null, null, null, null, List.of("Canada"), Map.of());
        assertThat(RESOLVER.resolve("Dublin, CA", canada, null).countries()).containsExactly("CA");
        // A name that is no country stays for what it is: Ashby's "European Union" is a region.
        Hints eu = new Hints(null, "Remote", true, null, null, null, List.of("European Union"), Map.of());
        assertThat(RESOLVER.resolve("Remote", eu, null).remotePlace()).isEqualTo("remote-europe");
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Wilmington, DE    | US",  // Delaware, not Germany
            "Newark DE         | US",
            "Boise, ID         | US",  // Idaho, not Indonesia
            "Fort Collins, CO  | US",  // Colorado, not Colombia
            "Bloomington, IN   | US",  // Indiana, not India
            "Dublin, CA        | US",  // Dublin, California: the city table's Dublin is in Ireland
            "Remote - CA       | CA",  // no town before it: the country
            "CA                | CA",
            "Berlin, DE        | DE",  // a city the code agrees with
            "Toronto, CA       | CA",
            "Walldorf, Germany | DE",  // a country's name is never a state's code
    })
    void aStatesCodeAfterATownIsTheStateWhenItIsAlsoACountrysCode(String text, String country) {
        assertThat(resolve(text).countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "New Orleans, LA   | -   | US",  // Louisiana, not Los Angeles
            "Baton Rouge, LA   | -   | US",
            "Kochi, KL         | cok | IN",  // Kerala, not Kuala Lumpur as well
            "Kozhikode, KL, India | -  | IN",  // a town of Kerala, not Kuala Lumpur
            "Bangsar, KL, Malaysia | - | MY",
            "LA                | lax | US",  // the code alone, or after part of the city, is still the city's
            "Downtown LA       | lax | US",
            "Kuala Lumpur, KL  | kul | MY",
            "Lagos, LA         | los | NG",  // Lagos State's code, not Los Angeles
            "Manila, NCR       | mnl | PH",  // Metro Manila, not Delhi
            "Makati, NCR       | mnl | PH",
            "Taguig, National Capital Region | mnl | PH",
            "Hybrid in LA      | lax | US",  // "in" is no town of Louisiana
            "Office in KL      | kul | MY",
            "NY and LA         | lax | US",  // "and" before a city's code is no town either
    })
    void aStatesCodeAfterATownIsNotTheCityTheCodeAlsoNames(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Remote in DE        | remote-de | DE",  // "in" is no town of Delaware: the code reads as it does alone
            "Remote in IN        | remote-in | IN",
            "Remote in CA        | remote-ca | CA",  // as "Remote - CA"
            "Remote from DE      | remote-de | DE",
            "Remote in NY        | remote-us | US",  // a code only a state's is still the state
            "Based in Newark, DE | -         | US",  // after a town, the state
    })
    void aCountrysAndAStatesCodeAfterAWordThatIsNoTownReadsAsAlone(String text, String place, String country) {
        assertPlaceAndCountries(text, place, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "ANYWHERE IN EUROPE  | remote-europe | -",   // the word "in", written in capitals, is not India
            "HYBRID IN LONDON    | lon           | GB",
            "BASED IN LONDON     | lon           | GB",
            "REMOTE AT VIENNA    | vie           | AT",
            "REMOTE IN CANADA    | remote-ca     | CA",
            "FORT WAYNE, IN      | -             | US",  // after a comma, or last, it is the code
            "FORT WAYNE, IN, USA | -             | US",
            "BANGALORE, IN       | blr           | IN",
            "REMOTE - IN         | remote-in     | IN",
    })
    void inAndAtWrittenInCapitalsBeforeAPlaceAreTheWords(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "TO BE DETERMINED          | -         | -",   // the word "be", not Belgium
            "REMOTE - TO BE DETERMINED | remote    | -",
            "IT Office                 | -         | -",   // information technology, not Italy
            "IT Department, Pune       | pnq       | IN",
            "CO-LOCATED                | -         | -",   // not Colombia
            "NO PREFERENCE             | -         | -",   // not Norway
            "ME Office                 | -         | -",   // not Maine
            "Remote - IT               | remote-it | IT",  // alone, or beside a place or a marker, it is the code
            "IT Remote                 | remote-it | IT",
            "Milano, IT                | mil       | IT",
            "CO Denver                 | den       | US",
            "UK Office                 | -         | GB",  // a code that is no word: its country's office
            "Boise, ID Office          | -         | US",  // after a comma, a town's state
    })
    void aCodeThatIsAWordBeforeAnotherWordIsTheWord(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Remote - US (CA, NY, TX)  | remote-us            | US",     // California, not Canada
            "Remote US (IN, OH, MI)    | remote-us            | US",     // Indiana, not India
            "Remote - DE, NJ, PA       | remote-us            | US",     // Delaware and Pennsylvania, not Germany and Panama
            "Remote (CO or UT)         | remote-us            | US",     // Colorado, not Colombia
            "NY, CA                    | -                    | US",
            "Remote - US, CA           | remote-north_america | US CA",  // beside a country's code, still the country
            "Remote (DE, AT, CH)       | remote-dach          | DE AT CH",
    })
    void aCountrysCodeInAListOfUsStatesIsTheState(String text, String place, String countries) {
        ResolvedLocation r = resolve(text);
        assertThat(r.place()).isEqualTo("-".equals(place) ? null : place);
        assertThat(r.countries()).containsExactly(countries.split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Curitiba/PR          | cwb | BR",     // Paraná, as Brazilian boards write "Cidade/UF": not Puerto Rico
            "Porto Alegre/RS      | poa | BR",     // not Serbia
            "Recife/PE            | rec | BR",     // not Peru
            "Florianópolis/SC     | flo | BR",     // not South Carolina
            "San Francisco / CA   | sfo | US",     // not Canada
            "London/NY            | lon | GB US",  // a code the city does not agree with is another place
            "NYC/SF               | nyc | US",
    })
    void aCodeAfterASlashThatIsTheCitysOwnStateAddsNoCountry(String text, String place, String countries) {
        ResolvedLocation r = resolve(text);
        assertThat(r.place()).isEqualTo(place);
        assertThat(r.countries()).containsExactly(countries.split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}, in {2}")
    @CsvSource(delimiter = '|', value = {
            "Remote - Anywhere except India         | remote-global | -",   // not remote in India
            "Remote - Europe (excl. UK)             | remote-europe | -",   // not placed in the UK
            "Remote (EU, excluding France, Germany) | remote-europe | -",
            "Remote - EMEA (except Russia)          | remote-emea   | -",
            "Remote in US (not available in CO)     | remote-us     | US",  // nor in Colombia
            "Hybrid, not fully remote - Berlin      | ber           | DE",  // the clause ends at the dash
            "Austin, TX (Not Remote)                | aus           | US",  // "not remote" is still the marker
            "Remote (exclusive to US residents)     | remote-us     | US",  // exclusive to: only there, not except
    })
    void placesAfterAnExclusionAreNotTheJobs(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Moose Jaw, SK, Canada   | CA",  // Saskatchewan, not Slovakia: the country named after it says so
            "Corner Brook, NL, Canada| CA",
            "Lima, PE, Peru          | PE",
            "Eindhoven, NL           | NL",  // the code alone after a town is still the country's
            "Victoria, BC            | CA",  // a town named like Australia's state, then its province
            "Victoria, Australia     | AU",
            "Savannah, Georgia       | US",  // the state's name is the state's...
            "Georgia                 | US",
            "Tbilisi, Georgia        | GE",  // ...unless a city of the country is beside it
            "Batumi, Georgia, GE     | GE",
            "Texas, USA              | US",
            "Germany, Austria        | DE AT",
    })
    void aNameOrCodeTwoPlacesShareIsReadFromWhatTheSegmentSaysBesideIt(String text, String countries) {
        assertThat(resolve(text).countries()).containsExactly(countries.split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" names no country")
    @CsvSource(delimiter = '|', value = {
            "San Juan, PR",        // Puerto Rico or Paraná: never Brazil for Puerto Rico's capital
            "Londrina, PR",
            "Prince Albert, SK",   // Saskatchewan or Slovakia
            "Olinda, PE",          // Pernambuco, Prince Edward Island or Peru
            "Karnal, HR",          // Haryana or Croatia
            "Mount Gambier, SA",   // South Australia or Saudi Arabia
            "Caxias do Sul, RS",   // Rio Grande do Sul or Serbia
            "Feira de Santana, BA", // Bahia or Bosnia and Herzegovina
            "Parintins, AM",       // Amazonas or Armenia
            "Bhilai, CG",          // Chhattisgarh or the Republic of the Congo
            "Bern (BE)",           // a Swiss city, then Berlin's or Belgium's code
    })
    void aCodeAfterATownThatIsACountrysAndAnotherCountrysSubdivisionNamesNeither(String text) {
        assertThat(resolve(text).countries()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Alice Springs, NT           | -",   // the Northern Territory or the Northwest Territories
            "Yellowknife, NT             | -",
            "Alice Springs, NT, Australia| AU",  // a later country says which
            "Yellowknife, NT, Canada     | CA",
            "Darwin, NT                  | AU",  // a city of the table in the Northern Territory
            "Darwin, Northern Territory  | AU",
            "Niterói, RJ                 | BR",  // Rio de Janeiro: Indian boards write Rajasthan by name
            "Surrey, BC                  | CA",  // British Columbia: Mexico's towns written so are the table's
            "Moncton, NB                 | CA",  // New Brunswick: Dutch boards do not write North Brabant so
    })
    void aCodeAfterATownThatIsTheStateOfTwoCountriesThatWriteTownsSoNamesNeither(String text, String country) {
        List<String> countries = resolve(text).countries();
        if ("-".equals(country)) {
            assertThat(countries).isEmpty();
        } else {
            assertThat(countries).containsExactly(country);
        }
    }

    @Test
    void theSourcesCountryHintDecidesAStateCodeTwoCountriesShare() {
        Hints au = new Hints(null, null, null, null, null, null, List.of("AU"), Map.of());
        assertThat(RESOLVER.resolve("Alice Springs, NT", au, null).countries()).containsExactly("AU");
    }

    @ParameterizedTest(name = "\"{0}\" with hints {1} is in {2}")
    @CsvSource(delimiter = '|', value = {
            "San Juan, PR         | PR | PR",
            "San Juan, PR         | US | -",   // the US is neither of the two: the code still says nothing
            "Londrina, PR         | BR | BR",
            "Prince Albert, SK    | CA | CA",
            "Prince Albert, SK    | SK | SK",
    })
    void theSourcesCountryHintsDecideSuchACode(String text, String hint, String country) {
        Hints hints = new Hints(null, null, null, null, null, null, List.of(hint), Map.of());
        List<String> countries = RESOLVER.resolve(text, hints, null).countries();
        if ("-".equals(country)) {
            assertThat(countries).containsExactly(hint); // the hint's own country, as for any placeless text
        } else {
            assertThat(countries).containsExactly(country);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Curitiba, PR          | BR",   // a city of the table says which
            "Maringá - PR, Brasil  | BR",   // so does a country after the code
            "San Juan, Puerto Rico | PR",
            "Remote - PR           | PR",   // the code alone is the country's
            "Prince Albert, SK, Canada | CA",
    })
    void aCodeBothACountrysAndASubdivisionsIsReadWhereTheSegmentSaysWhich(String text, String country) {
        assertThat(resolve(text).countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Leuven, BE   | BE",   // Berlin's code too, but German boards do not write "Town, BE"
            "Pattaya, TH  | TH",   // Thuringia's
            "Gdynia, PL   | PL",
            "Thiès, SN    | SN",   // Saxony's
            "Getafe, ES   | ES",   // Espírito Santo's, but boards write Spain's towns so far more often
            "York, UK     | GB",   // Uttarakhand's, as boards write it, but not of an unknown town
            "Baden, CH    | CH",   // Chandigarh's
            "Joinville, BR | BR",  // Bihar's
    })
    void aCountrysCodeAfterATownIsTheCountryWhereTheOtherCountryWritesNoStateCodes(String text, String country) {
        assertThat(resolve(text).countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Salvador, BA      | ssa | BR",   // Bahia, not Bosnia and Herzegovina
            "Vitória, ES       | vix | BR",   // Espírito Santo, not Spain
            "Manaus, AM        | mao | BR",   // Amazonas, not Armenia
            "Fortaleza, CE     | for | BR",
            "Joinville - SC    | jov | BR",   // Santa Catarina, not South Carolina
            "Blumenau, SC      | bnu | BR",
            "Maceió, AL        | mcz | BR",   // Alagoas, not Alabama
            "Belém - PA        | bel | BR",   // Pará, not Pennsylvania
            "São Luís, MA      | slz | BR",   // Maranhão, not Massachusetts
            "Cuiabá, MT        | cgb | BR",   // Mato Grosso, not Montana
            "Campo Grande, MS  | cgr | BR",   // Mato Grosso do Sul, not Mississippi
            "Joinville-le-Pont | par | FR",
            "Greenville, SC    | -   | US",   // after a town the table does not know, the codes read as before
            "Mobile, AL        | -   | US",
            "Erie, PA          | -   | US",
            "Vitoria-Gasteiz   | vit | ES",   // the Basque capital, not Vitória
            "El Salvador       | -   | SV",   // the country, not Salvador
    })
    void aBrazilianStatesCodeAfterItsCityKeepsTheCity(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Chandigarh, CH    | ixc | IN",   // the union territory, not Switzerland
            "Chandigarh, HR    | ixc | IN",   // Haryana's capital too
            "Raipur, CG        | rpr | IN",   // Chhattisgarh, not the Congo
            "Patna, BR         | pat | IN",   // Bihar, not Brazil
            "Dehradun, UK      | ded | IN",   // Uttarakhand, not the United Kingdom
            "London, UK        | lon | GB",
            "Ranchi, JH        | -   | IN",
    })
    void anIndianStatesCodeAfterItsCityKeepsTheCity(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Zürich (ZH)       | zrh | CH",   // the canton's code, which the table knows only as South Holland's
            "Zurich, ZH        | zrh | CH",
            "Belfast, NI       | bfs | GB",   // Northern Ireland as UK boards write it, not Lower Saxony
            "Birmingham, AL    | -   | US",   // a US state's code still names a town of the state...
            "London, ON        | -   | CA",   // ...as a Canadian province's does
            "Frankfurt, BB     | -   | DE",   // another subdivision of the city's own country: another town
    })
    void aCodeAfterACityThatTheTableKnowsOnlyElsewhereKeepsTheCity(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Milano (MI)       | mil | IT",   // Milan's province as Italian boards write it, not Michigan
            "Milano, MI        | mil | IT",
            "Bologna (BO)      | blq | IT",   // not Bolivia
            "Genova (GE)       | gen | IT",   // not Georgia
            "Geneva (GE)       | gva | CH",   // the canton, not Georgia
            "Winterthur (ZH)   | wtr | CH",   // a Swiss city, then its canton's code: not South Holland
            "Delft, ZH         | dlf | NL",
            "Detroit, MI       | dtw | US",   // the codes still name their other places
            "Remote - MI       | remote-us | US",
            "Santa Cruz, BO    | -   | BO",
            "Batumi, GE        | -   | GE",
            "Firenze (FI)      | flr | IT",   // not Finland
            "Bari (BA)         | bri | IT",   // not Bosnia or Bahia
            "Catania (CT)      | cta | IT",   // not Connecticut
            "Trento (TN)       | tnt | IT",   // not Tennessee
            "Bergamo (BG)      | bgy | IT",   // not Bulgaria
            "Pisa (PI)         | psa | IT",   // not Piauí
            "Napoli (NA)       | nap | IT",
            "Padova (PD)       | pad | IT",
            "Venezia (VE)      | vce | IT",   // not Venezuela
            "Palermo (PA)      | pmo | IT",   // not Pennsylvania or Panama
            "Modena (MO)       | mdn | IT",   // not Missouri
            "Parma (PR)        | pmf | IT",   // not Puerto Rico or Paraná
            "Cagliari (CA)     | cag | IT",   // not California or Canada
            "Como (CO)         | cmo | IT",   // not Colorado or Colombia
            "Varese (VA)       | qvr | IT",   // not Virginia
            "Perugia (PG)      | peg | IT",   // not Papua New Guinea
            "Monza (MB)        | mza | IT",   // not Manitoba
            "Vicenza (VI)      | vic | IT",   // not the US Virgin Islands
            "Bolzano (BZ)      | bzo | IT",   // not Belize
            "Lucca (LU)        | luc | IT",   // not Luxembourg
            "Siena (SI)        | sie | IT",   // not Slovenia
            "Cuneo (CN)        | cuf | IT",   // not China
            "Asti (AT)         | ast | IT",   // not Austria
            "Savona (SV)       | svo | IT",   // not El Salvador
            "Lecco (LC)        | lco | IT",   // not Saint Lucia
            "Livorno (LI)      | lvn | IT",   // not Liechtenstein
            "Cremona (CR)      | cre | IT",   // not Costa Rica
            "Frosinone (FR)    | frs | IT",   // not France
            "Grosseto (GR)     | gro | IT",   // not Greece
            "Pistoia (PT)      | pst | IT",   // not Portugal
            "Catanzaro (CZ)    | czo | IT",   // not Czechia
            "Ancona (AN)       | aoi | IT",   // not Andalusia
            "Messina (ME)      | mes | IT",   // not Maine or Montenegro
            "Mantova (MN)      | mnt | IT",   // not Minnesota or Mongolia
            "Alessandria (AL)  | ale | IT",   // not Alabama or Albania
            "Arezzo (AR)       | arz | IT",   // not Arkansas or Argentina
            "Innsbruck (AT)    | -   | AT",   // after a town the table does not know, a country's code reads as before
            "Coimbra, PT       | -   | PT",
            "Nantes (FR)       | nte | FR",
            "Bangor, ME        | -   | US",
            "Duluth, MN        | -   | US",
            "Sevilla (SE)      | svq | ES",   // Seville's province as Spanish boards write it, not Sweden
            "Málaga (MA)       | agp | ES",   // not Massachusetts or Morocco
            "Seville, Andalusia, Spain | svq | ES",
            "Granada (GR)      | grx | ES",   // not Greece
            "Valladolid (VA)   | vll | ES",   // not Virginia
            "Murcia (MU)       | mjv | ES",   // not Mauritius
            "Granada, Andalusia | grx | ES",
            "Patras, GR        | -   | GR",
            "Golden, CO        | -   | US",   // after a town the table does not know, the codes read as before
            "Arlington, VA     | -   | US",
            "Brandon, MB       | -   | CA",
            "Worcester, MA     | -   | US",
            "Lund, SE          | -   | SE",
            "Lae, PG           | -   | PG",
            "Venice, CA        | -   | US",   // the Los Angeles district, not Venezia
            "Parma, OH         | -   | US",
            "Palermo, Buenos Aires, Argentina | bue | AR",  // the barrio, not Sicily's capital
            "Pittsburgh, PA    | pit | US",
            "Curitiba, PR      | cwb | BR",
            "Florence, SC      | -   | US",   // a US state's code after the city is a town of that name there
            "Naples, FL        | -   | US",
            "Verona, WI        | -   | US",
            "Espoo, FI         | hel | FI",   // the codes still name their other places
            "Stamford, CT      | -   | US",
            "Knoxville, TN     | -   | US",
            "Plovdiv, BG       | -   | BG",
    })
    void anItalianProvincesOrASwissCantonsCodeAfterItsCityKeepsTheCity(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Monterrey, NL     | mty | MX",   // Nuevo León as Mexican boards write it: a known city says which
            "Haarlem, NL       | hlm | NL",   // the Netherlands, not Newfoundland
            "Tijuana, BC       | tij | MX",   // Baja California, not British Columbia
            "Mexicali, BC      | mxl | MX",
            "Bogotá, DC        | bog | CO",   // Bogotá's Capital District as ATS state fields write it, not Washington's
            "Washington, DC    | was | US",
            "Georgetown, DC    | -   | US",
            "Cork, CO          | ork | IE",   // ISO 3166-2 region codes after their city: County Cork, not Colorado
            "Stockholm, AB     | sto | SE",   // Stockholm County, not Alberta
            "Johannesburg, GT  | jnb | ZA",   // Gauteng, not Guatemala
            "Beijing, BJ       | bjs | CN",   // not Benin
            "Shenzhen, GD      | szx | CN",   // Guangdong, not Grenada
            "Hanoi, HN         | han | VN",   // not Honduras
            "Ho Chi Minh City, SG | sgn | VN", // not Singapore
            "Montevideo, MO    | mvd | UY",   // not Missouri
            "Aurora, CO        | -   | US",   // after a town the table does not know, the codes read as before
            "Red Deer, AB      | -   | CA",
            "Springfield, MO   | -   | US",
            "Singapore, SG     | sin | SG",
            "Chemnitz, SN      | cmz | DE",   // Saxony, not Senegal
            "Vancouver, BC     | van | CA",
            "Thiès, SN         | -   | SN",
            "Rosario, SF       | ros | AR",   // Santa Fe as Argentine boards write it, not San Francisco
            "Córdoba, AR       | cor | AR",   // Argentina's, not a town of Arkansas
            "Mendoza, AR       | mdz | AR",
            "Little Rock, AR   | -   | US",
            "Ra'anana, IL      | tlv | IL",   // Tel Aviv's tech towns, not towns of Illinois
            "Netanya, IL       | tlv | IL",
            "Rehovot, IL       | tlv | IL",
            "Beer Sheva, IL    | bsh | IL",
            "Yokneam, IL       | hfa | IL",
            "Springfield, IL   | -   | US",
            "Sliema, MT        | mla | MT",   // Malta's, not towns of Montana
            "St. Julian's, MT  | mla | MT",
            "Valletta, MT      | mla | MT",
            "Bozeman, MT       | -   | US",
            "Bandung, ID       | bdo | ID",   // Indonesia's, not towns of Idaho
            "Surabaya, ID      | sub | ID",
            "Yogyakarta, ID    | jog | ID",
            "Boise, ID         | -   | US",
            "Córdoba, Spain    | odb | ES",
            "Córdoba           | -   | -",    // a city of two countries with nothing that says which
            "Hybrid in SF      | sfo | US",
    })
    void aCodeSeveralPlacesShareAfterACityOfOneOfThemKeepsTheCity(String text, String city, String country) {
        assertPlaceAndCountries(text, city, country);
    }

    @ParameterizedTest(name = "\"{0}\" names no place")
    @CsvSource(delimiter = '|', value = {
            "Kozhikode, KL",   // a town of Kerala, or a part of Kuala Lumpur ("Bangsar, KL"): not Kuala Lumpur itself
            "Bangsar, KL",
            "Venado Tuerto, SF", // a town of Santa Fe, not San Francisco
    })
    void aCitysCodeThatIsAlsoAnotherCountrysSubdivisionsAfterATownNamesNeither(String text) {
        assertThat(resolve(text).isEmpty()).isTrue();
    }

    @Test
    void georgeTownBesideTheCaymanIslandsIsNotPenang() {
        // George Town is Penang's capital and the Cayman Islands' (funds and fintech employers post there).
        ResolvedLocation cayman = resolve("George Town, Cayman Islands");
        assertThat(cayman.place()).isNotEqualTo("pen");
        assertThat(cayman.countries()).containsExactly("KY");
        assertThat(resolve("George Town, Penang, Malaysia").place()).isEqualTo("pen");
        assertThat(resolve("Louisville, KY").countries()).containsExactly("US");
        // "KY" is Kentucky, however little else the string says: the islands' ISO code is not one of their codes.
        assertThat(resolve("Paducah, KY").countries()).containsExactly("US");
        assertThat(resolve("Remote - KY").remotePlace()).isEqualTo("remote-us");
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // A town sharing a hub's name, in the county, province or country written after it.
            "Wellington, Somerset                 | GB",
            "Wellington, Somerset, United Kingdom | GB",
            "Hyderabad, Sindh                     | PK",
            "Hyderabad, Sindh, Pakistan           | PK",
    })
    void aTownNamedLikeAHubIsNotTheHubWhereItsRegionSaysOtherwise(String text, String country) {
        ResolvedLocation r = resolve(text);
        assertThat(r.cities()).isEmpty();
        assertThat(r.countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            // The hubs themselves, and the places the new names could be confused with.
            "Wellington, New Zealand    | wlg | NZ",
            "Wellington                 | wlg | NZ",
            "Hyderabad, Telangana       | hyd | IN",
            "Hyderabad                  | hyd | IN",
    })
    void theHubsStillResolveBesideTheirOwnRegion(String text, String city, String country) {
        ResolvedLocation r = resolve(text);
        assertThat(r.place()).isEqualTo(city);
        assertThat(r.countries()).containsExactly(country);
    }

    @Test
    void theNewRegionsCodesAndNamesDoNotTakeOtherPlaces() {
        assertThat(resolve("Somerset, NJ").countries()).containsExactly("US");
        assertThat(resolve("Sioux Falls, SD").countries()).containsExactly("US");
        assertThat(resolve("Remote - SD").place()).isEqualTo("remote-us");
        assertThat(resolve("Taunton, Somerset, England").countries()).containsExactly("GB");
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            // Countries the table lacked, and capitals of the larger new markets.
            "Almaty, Kazakhstan                 | ala | KZ",
            "Astana, Kazakhstan                 | nqz | KZ",
            "Nur-Sultan                         | nqz | KZ",
            "Tashkent, Uzbekistan               | tas | UZ",
            "Bishkek, Kyrgyzstan                | fru | KG",
            "Baku, Azerbaijan                   | bak | AZ",
            "Minsk, Belarus                     | msq | BY",
            "Pristina, Kosovo                   | pri | XK",
            "Algiers, Algeria                   | alg | DZ",
            "Dar es Salaam, Tanzania            | dar | TZ",
            "Ebene, Mauritius                   | mru | MU",
            "Abidjan, Côte d'Ivoire             | abj | CI",
            "Abidjan, Ivory Coast               | abj | CI",
            "Phnom Penh, Cambodia               | pnh | KH",
            "Yangon, Myanmar                    | rgn | MM",
            "San Salvador, El Salvador          | sal | SV",
            "Tegucigalpa, Honduras              | tgu | HN",
            "Port of Spain, Trinidad and Tobago | pos | TT",  // not Spain
            "Kingston, Jamaica                  | -   | JM",
            "Hamilton, Bermuda                  | -   | BM",
            "Papua New Guinea                   | -   | PG",  // the longest name, not Guinea
            "Equatorial Guinea                  | -   | GQ",
            "Guinea-Bissau                      | -   | GW",
            "Conakry, Guinea                    | -   | GN",
            "Nigeria                            | -   | NG",  // not Niger
            "Benin City, Nigeria                | bni | NG",  // not Benin
            "Minna, Niger State, Nigeria        | -   | NG",  // Nigeria's state, not Niger
            "Niger State                        | -   | NG",
            "Port Harcourt, Niger Delta         | -   | NG",
            "Niamey, Niger                      | -   | NE",
            "Cotonou, Benin                     | -   | BJ",
            "Kinshasa, DR Congo                 | -   | CD",
            "Dominica                           | -   | DM",
            "Santo Domingo, Dominican Republic  | -   | DO",
            "Douglas, Isle of Man               | -   | IM",
            "Saipan, CNMI                       | -   | MP",  // another code than the ISO one
            "Road Town, BVI                     | -   | VG",
            "Dili, Timor-Leste                  | -   | TL",  // no code, still its name
            "Macau SAR                          | -   | MO",
    })
    void theCountriesAddedToTheTableResolve(String text, String city, String country) {
        ResolvedLocation r = resolve(text);
        assertThat(r.cities()).extracting(Places.City::code).containsExactlyElementsOf("-".equals(city) ? List.of() : List.of(city));
        assertThat(r.countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            // A capital that shares its name with a place the table holds: the country after it decides.
            "St. John's, Antigua and Barbuda | AG",  // Newfoundland's St. John's, contradicted
            "St. John's, Antigua             | AG",
            "Victoria, Seychelles            | SC",  // a town named like Australia's state
            "Victoria, Australia             | AU",
            "Victoria                        | AU",
            "Jersey City, NJ                 | US",  // the longest name, not the island
            "Jersey City                     | US",
            "New Jersey                      | US",
            "Newark, New Jersey              | US",
            "St Helier, Jersey               | JE",
            "Remote - Jersey                 | JE",
            "Palestine, TX                   | US",  // a town named like a country, then its state
            "Cuba, MO                        | US",
    })
    void aNewCountryNamedLikeAnotherPlaceTakesOnlyItsOwn(String text, String country) {
        assertThat(resolve(text).countries()).containsExactly(country);
    }

    @Test
    void theHubsANewCountryCouldBeConfusedWithStayWhereTheyWere() {
        assertThat(resolve("St. John's, NL").place()).isEqualTo("yyt");
        assertThat(resolve("St. John's").place()).isEqualTo("yyt");
        assertThat(resolve("Melbourne, Victoria").place()).isEqualTo("mel");
        assertThat(resolve("Melbourne, Victoria").countries()).containsExactly("AU");
        assertThat(resolve("Jersey City, NJ").place()).isEqualTo("jcy");
        assertThat(resolve("Lagos, Nigeria").place()).isEqualTo("los");
        // "Congo" alone is either Congo: neither is read.
        assertThat(resolve("Congo").countries()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // ISO codes that are words or other places' codes in capitals are no country's code.
            "ML Engineer                   | -",          // machine learning, not Mali
            "Senior ML Engineer - Remote   | remote",
            "OPEN TO REMOTE                | remote",     // not Tonga
            "REMOTE AND HYBRID             | remote",     // not Andorra's "AND"
            "Remote - AD                   | remote",
            "Remote - CI/CD                | remote",     // not Côte d'Ivoire nor the DR Congo
            "Remote - TZ                   | remote",     // a time zone, not Tanzania
            "Remote (US TZ)                | remote-us",
            "Remote - SR                   | remote",     // senior, not Suriname
            "Remote, AS                    | remote",     // not American Samoa
            "Remote, US                    | remote-us",
            "REMOTE TO US                  | remote-us",
            "Remote - AZ                   | remote-us",  // Arizona, not Azerbaijan
            "Remote - ME                   | remote-us",  // Maine, not Montenegro
            "Remote - KZ                   | remote-kz",  // a code that is no word stays the country's
            "Remote - DRC                  | remote-cd",
    })
    void anIsoCodeThatIsAWordOrAnotherPlacesCodeIsNotTheCountrys(String text, String place) {
        assertThat(resolve(text).place()).isEqualTo("-".equals(place) ? null : place);
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', value = {
            "Phoenix, AZ          | US",  // not Azerbaijan
            "Portland, ME         | US",  // not Montenegro
            "Minneapolis, MN      | US",  // not Mongolia
            "Charlotte, NC        | US",  // not New Caledonia
            "Columbia, SC         | US",  // not the Seychelles
            "Florianópolis, SC    | BR",
            "Curitiba - PR        | BR",  // Paraná, not Puerto Rico
            "New Orleans, LA      | US",  // not Laos
            "München, BY          | DE",  // Bavaria, not Belarus
            "Louisville, KY       | US",
    })
    void aSubdivisionsCodeIsNotANewCountrysCode(String text, String country) {
        assertThat(resolve(text).countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            // SmartRecruiters' fullLocation and Workday write "city, local region code, country";
            // the table knows many such codes only as another place's.
            "Zürich, ZH, Switzerland   | zrh | CH",  // not South Holland
            "Bern, BE, Switzerland     | brn | CH",  // not Belgium
            "Geneva, GE, Switzerland   | gva | CH",  // not Georgia
            "Milano, MI, Italy         | mil | IT",  // not Michigan
            "Bologna, BO, Italy        | blq | IT",  // not Bolivia
            "Cork, CO, Ireland         | ork | IE",  // not Colorado
            "Stockholm, AB, Sweden     | sto | SE",  // not Alberta
            "Bogotá, DC, Colombia      | bog | CO",
            "Toronto, ON, Canada       | tor | CA",  // codes the table knows still agree
            "Sydney, NSW, Australia    | syd | AU",
    })
    void aLocalRegionCodeBetweenACityAndItsCountryKeepsTheCity(String text, String city, String country) {
        ResolvedLocation r = resolve(text);
        assertThat(r.place()).isEqualTo(city);
        assertThat(r.countries()).containsExactly(country);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Remoto                   | remote",
            "Remoto - Brasil          | remote-br",
            "Remoto (Brasil)          | remote-br",
            "Remoto, México           | remote-mx",
            "Trabajo remoto, España   | remote-es",
            "Remoto - LATAM           | remote-latam",
            "Teletrabajo              | remote",
            "Télétravail, France      | remote-fr",
            "100% télétravail         | remote",
            "À distance               | remote",
            "Praca zdalna, Polska     | remote-pl",
            "In remoto, Italia        | remote-it",
            "Thuiswerken              | remote",
    })
    void remoteWrittenInOtherLanguagesIsRemote(String text, String remotePlace) {
        assertThat(resolve(text).remotePlace()).isEqualTo(remotePlace);
    }

    @Test
    void aHomeOfficeIsNotRemote() {
        // US retailers call their headquarters the home office.
        assertThat(resolve("Home Office - Bentonville, AR").remote()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Austin, TX (Not Remote) | aus", "Not Remote - Austin, TX | aus",
            "No remote - Berlin | ber", "Non-Remote | -"})
    void aLocationSayingNotRemoteIsOnSite(String text, String city) {
        ResolvedLocation r = resolve(text);
        assertThat(r.remote()).isFalse();
        assertThat(r.onsite()).isTrue();
        assertThat(r.place()).isEqualTo("-".equals(city) ? null : city);
    }

    @Test
    void remoteFriendlyIsTheTaxonomysHybridNotRemote() {
        ResolvedLocation r = resolve("Berlin (remote-friendly)");
        assertThat(r.remote()).isFalse();
        assertThat(r.hybrid()).isTrue();
        assertThat(r.place()).isEqualTo("ber");
    }

    @Test
    void aCodeBetweenACityAndAnotherCountryStillContradictsIt() {
        assertThat(resolve("London, ON, Canada").cities()).isEmpty();
        assertThat(resolve("Paris, TX, USA").cities()).isEmpty();
    }

    @Test
    void aNameBothACountrysAndAStatesIsTheCountryWhenTheSourceSaysSo() {
        Hints georgia = new Hints(null, null, null, null, null, null, List.of("GE"), Map.of());
        assertThat(RESOLVER.resolve("Batumi, Georgia", georgia, null).countries()).containsExactly("GE");
    }

    @Test
    void theUrlIsTheLastResort() {
        assertThat(RESOLVER.resolve(null, Hints.NONE, "https://careers.example.de/jobs/123").countries())
                .containsExactly("DE");
        // A country domain sold as a word is no country: Lever's jobs.lever.co is not in Colombia.
        assertThat(RESOLVER.resolve("TBD", Hints.NONE, "https://jobs.lever.co/acme/6f1c2d3e").countries()).isEmpty();
        assertThat(RESOLVER.resolve("Remote", Hints.NONE, "https://boards.greenhouse.io/acme/jobs/1").remotePlace())
                .isEqualTo("remote");
        assertThat(RESOLVER.resolve(null, Hints.NONE, "https://example.com/careers/london/backend-engineer").place())
                .isEqualTo("lon");
        // The text wins over the URL.
        assertThat(RESOLVER.resolve("Berlin", Hints.NONE, "https://example.com/careers/london/x").place())
                .isEqualTo("ber");
    }

    @Test
    void aUrlNamingACityTwoCountriesShareChoosesNeither() {
        // "Cambridge" as text is left unresolved (incident 3); the same word in the path says no more.
        assertThat(RESOLVER.resolve("Cambridge", Hints.NONE, "https://careers.example.com/cambridge/1").place())
                .isNull();
        assertThat(RESOLVER.resolve(null, Hints.NONE, "https://careers.example.com/san-jose/2").countries()).isEmpty();
        // A country domain says which.
        assertThat(RESOLVER.resolve(null, Hints.NONE, "https://careers.example.co.uk/cambridge/3").place())
                .isEqualTo("cbg");
    }

    @Test
    void aRememberedResolutionIsTheSameAsAFreshOneWhateverTheUrlAndHints() {
        Hints remote = new Hints(null, "Remote", true, null, null, null, List.of(), Map.of());
        Hints gb = new Hints(null, null, null, null, null, null, List.of("GB"), Map.of());
        List<String> texts = java.util.Arrays.asList("Remote", "London", null, "Berlin or Remote (EU)", "");
        List<Hints> hints = List.of(Hints.NONE, remote, gb);
        List<String> urls = java.util.Arrays.asList(null, "https://careers.example.de/jobs/1",
                "https://example.com/careers/london/x", "https://boards.example.com/acme/jobs/2");
        LocationResolver shared = new LocationResolver(Gazetteer.bundled());
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                for (Hints h : hints) {
                    for (String url : urls) {
                        assertThat(shared.resolve(text, h, url)).as("%s %s %s", text, h, url)
                                .isEqualTo(new LocationResolver(Gazetteer.bundled()).resolve(text, h, url));
                    }
                }
            }
        }
        // Past its limit the cache starts over and answers stay the same.
        for (int i = 0; i <= LocationResolver.CACHE_LIMIT; i++) {
            shared.resolve("Office " + i, Hints.NONE, null);
        }
        assertThat(shared.resolve("Remote", remote, "https://careers.example.de/jobs/1").remotePlace()).isEqualTo("remote-de");
    }

    @Test
    void segmentsSplitOnSeparatorsAndTheWordOrButNotInsideParentheses() {
        assertThat(LocationResolver.segments("London or Remote (UK)")).containsExactly("London", "Remote (UK)");
        assertThat(LocationResolver.segments("Remote (US or Canada)")).containsExactly("Remote (US or Canada)");
        assertThat(LocationResolver.segments("NYC; Remote, US | Berlin/Paris"))
                .containsExactly("NYC", "Remote, US", "Berlin", "Paris");
        assertThat(LocationResolver.segments("Oregon")).containsExactly("Oregon");
    }

    /** The place {@code text} resolves to and its countries, each "-" for none (as the tables above write them). */
    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            // Cities listed with commas: the smallest code of them, whichever is written first, as with ';'.
            "Berlin, Munich                 | ber | DE",
            "Munich, Berlin                 | ber | DE",
            "Berlin, Munich, Hamburg        | ber | DE",
            "Hamburg, Munich, Berlin        | ber | DE",
            "Munich, Hamburg                | ham | DE",
            "London, Manchester             | lon | GB",
            "Manchester, London             | lon | GB",
            "Berlin, Munich, Germany        | ber | DE",   // the list, then the country of both
            "Munich, Berlin, Germany        | ber | DE",
            "New York, NY, Los Angeles, CA  | lax | US",   // each city with its state
            "Los Angeles, CA, New York, NY  | lax | US",
            "Remote, London, Manchester     | lon | GB",
            // A city, then its own region, state or country: one city.
            "Paris, France                  | par | FR",
            "Portland, OR                   | pdx | US",
            "Cambridge, MA                  | cbm | US",
            "Vancouver, BC                  | van | CA",
            "London, Ontario                | -   | CA",   // a town of Ontario, not London
            "New York, New York             | nyc | US",   // the city again, or its state
            "São Paulo, São Paulo           | sao | BR",
            "Singapore, Singapore           | sin | SG",
            "Seattle, Washington            | sea | US",   // the state, not Washington, D.C.
            "Atlanta, Georgia               | atl | US",
            "Tbilisi, Georgia               | tbs | GE",
            "Palermo, Buenos Aires, Argentina | bue | AR",
            // A town, then the metropolitan area it is in: the town.
            "Fremont, Bay Area              | sjc | US",
            "Palo Alto, San Francisco Bay Area | sjc | US",
            "Gurgaon, Delhi NCR             | ggn | IN",
            "Gurgaon, Delhi                 | ggn | IN",   // the table gives Delhi as Gurugram's metro
            "Noida, Delhi, India            | noi | IN",
            "Jersey City, New York          | jcy | US",
            "Delhi, Gurgaon                 | del | IN",   // a list, the metro first: the smallest code
            "Mumbai, Delhi                  | bom | IN",   // two cities
            "Gurgaon, NCR                   | ggn | IN",
            // Without a comma, a metro written as one is its first city's.
            "Washington DC-Baltimore Area   | was | US",
    })
    void citiesListedWithCommasAreAListWhicheverIsWrittenFirst(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            // A town of the table decides by its own country.
            "Walldorf (DE)      | wdf | DE",   // SAP's seat, not Delaware
            "Walldorf, DE       | wdf | DE",
            "Berlin (DE)        | ber | DE",
            "Paris (FR)         | par | FR",
            "Milano (IT)        | mil | IT",
            "Pune (IN)          | pnq | IN",
            "Indianapolis (IN)  | ind | US",
            "Toronto (CA)       | tor | CA",
            "San Diego (CA)     | san | US",
            "Córdoba (AR)       | cor | AR",
            "Arezzo (AR)        | arz | IT",
            // After a town it does not know, in parentheses, "DE" is Germany: Delaware's towns are written "Town, DE".
            "Heidelberg (DE)    | -   | DE",
            "Mannheim (DE)      | -   | DE",
            "Dover (DE), USA    | -   | US",   // a later country still says which
            "Wilmington, DE     | -   | US",
            "Newark DE          | -   | US",
            // Codes of a large country and a large US state in parentheses: neither, as with "San Juan, PR".
            "Carmel (IN)        | -   | -",
            "Hosur (IN)         | -   | -",
            "Fresno (CA)        | -   | -",
            "Bentonville (AR)   | -   | -",
            "Fresno (CA), USA   | -   | US",
            "Hosur (IN), India  | -   | IN",
            "Fresno, CA         | -   | US",   // with a comma, the state as before
            "Bloomington, IN    | -   | US",
            "Austin (TX)        | aus | US",   // a code only a state's is the state
            "Remote (DE)        | remote-de | DE",
            "Remote (CA)        | remote-ca | CA",
            "Innsbruck (AT)     | -   | AT",
    })
    void aCodeInParenthesesAfterATownIsTheCountryWhereTheTownsAreWrittenSo(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Brindisi (BR)      | bds | IT",   // the province's code, not Brazil or Bihar
            "Brindisi, Italy    | bds | IT",
            "Latina (LT)        | qlt | IT",   // not Lithuania
            "Latina, LT         | qlt | IT",
            "América Latina     | -   | -",    // Latin America still, the longer name
            "Remote - América Latina | remote-latam | -",
            "Vilnius (LT)       | vno | LT",   // the codes still name their other places
            "Klaipėda, LT       | -   | LT",
            "Curitiba (BR)      | cwb | BR",
            "Joinville, BR      | jov | BR",
            "Patna, BR          | pat | IN",
            "Aracaju SE         | aju | BR",   // Sergipe, not Sweden
            "Aracaju, SE        | aju | BR",
            "Aracaju, SE, Brazil | aju | BR",
            "Aracaju, Sergipe   | aju | BR",
            "Lund, SE           | -   | SE",   // after a town the table does not know, Sweden as before
            "Uppsala (SE)       | -   | SE",
            "Stockholm, SE      | sto | SE",
            "Sevilla (SE)       | svq | ES",
            "Remote - SE        | remote-se | SE",
    })
    void townsWithAProvinceOrStateCodeThatIsAnotherCountrysAreTheirCountrys(String text, String place, String countries) {
        assertPlaceAndCountries(text, place, countries);
    }

    private static void assertPlaceAndCountries(String text, String place, String countries) {
        ResolvedLocation r = resolve(text);
        assertThat(r.place()).as(text).isEqualTo("-".equals(place) ? null : place);
        if ("-".equals(countries)) {
            assertThat(r.countries()).as(text).isEmpty();
        } else {
            assertThat(r.countries()).as(text).containsExactly(countries.split(" "));
        }
    }
}
