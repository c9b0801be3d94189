package dev.jobintel.posting.location;

import dev.jobintel.posting.Hints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Location strings as Greenhouse, Lever, Ashby, Workable, SmartRecruiters, Workday-fed boards and
 * Adzuna write them, with what each must resolve to: the place that goes into job_hash, the
 * countries, and the remote place. "-" is none. A string two places share and that says nothing
 * more is left unresolved: a wrong place merges different jobs, an unresolved one merges none
 * (incident 3).
 */
class LocationStringsTest {

    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());

    @ParameterizedTest(name = "\"{0}\" → {1} in [{2}], {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // text                                   | place     | countries | remote place
            // ---- remote, with and without a scope
            "Remote (EMEA)                            | remote-emea   | -     | remote-emea",
            "Remote, LATAM                            | remote-latam  | -     | remote-latam",
            "Anywhere in the US                       | remote-us     | US    | remote-us",
            "Anywhere in the United States            | remote-us     | US    | remote-us",
            "United States (Remote)                   | remote-us     | US    | remote-us",
            "Remote - Canada (Toronto preferred)      | tor           | CA    | remote-ca",
            "Remote; US                               | remote-us     | US    | remote-us",
            "Remote - US: Eastern Time                | remote-us     | US    | remote-us",
            "Worldwide (Remote)                       | remote-global | -     | remote-global",
            "Home-based                               | remote        | -     | remote",
            "Home based - UK                          | remote-gb     | GB    | remote-gb",
            "Homebased, United Kingdom                | remote-gb     | GB    | remote-gb",
            "Work from home, India                    | remote-in     | IN    | remote-in",
            "Homeoffice (Germany)                     | remote-de     | DE    | remote-de",
            // German boards write remote work "Home Office"; US retailers name their headquarters so,
            // and the UK its interior ministry: only a German-speaking place beside it makes it remote.
            "Home Office (Germany)                    | remote-de     | DE    | remote-de",
            "Home Office, Deutschland                 | remote-de     | DE    | remote-de",
            "Berlin oder Home Office                  | ber           | DE    | remote-de",
            "Home Office                              | -             | -     | -",
            "Home Office - Bentonville, AR            | -             | US    | -",
            "München / Home Office                    | muc           | DE    | remote-de",
            "Home Office (UK)                         | -             | GB    | -",
            "Home Office, London                      | lon           | GB    | -",
            "RemoteCo Inc                             | -             | -     | -",
            // ---- Workday's and Greenhouse's ISO 3166-2 prefixes: "US-CA" is California
            "US-CA-Remote                             | remote-us     | US    | remote-us",
            "USA-CA-Remote                            | remote-us     | US    | remote-us",
            "US-NY-New York                           | nyc           | US    | -",
            "US-NY-Remote                             | remote-us     | US    | remote-us",  // New York the state, not the city
            "US-CA-San Francisco                      | sfo           | US    | -",
            "US-DE-Wilmington                         | -             | US    | -",
            "US-IN-Indianapolis                       | ind           | US    | -",
            "US-WA-Seattle                            | sea           | US    | -",
            "IN-KA-Bangalore                          | blr           | IN    | -",
            "CA-ON-Toronto                            | tor           | CA    | -",
            "DE-BE-Berlin                             | ber           | DE    | -",
            "AU-NSW-Sydney                            | syd           | AU    | -",
            // ---- cities with their states, regions, metro areas
            "Bengaluru, Karnataka, India              | blr           | IN    | -",
            "Greater London                           | lon           | GB    | -",
            "London Area, United Kingdom              | lon           | GB    | -",
            "San Francisco Bay Area                   | sfo           | US    | -",
            "Hybrid - Berlin                          | ber           | DE    | -",
            "Berlin / Munich / Hamburg                | ber           | DE    | -",
            "Paris, Île-de-France                     | par           | FR    | -",
            "São Paulo, SP                            | sao           | BR    | -",
            "Zürich                                   | zrh           | CH    | -",
            "Mexico City (CDMX)                       | mex           | MX    | -",
            "Monterrey, NL, Mexico                    | mty           | MX    | -",
            "Tel Aviv-Yafo                            | tlv           | IL    | -",
            "Ho Chi Minh City                         | sgn           | VN    | -",
            "Ho Chi Minh                              | sgn           | VN    | -",
            "London, England, United Kingdom          | lon           | GB    | -",
            "New York, NY, United States              | nyc           | US    | -",
            "Ljubljana, , Slovenia                    | lju           | SI    | -",
            "Paris, IDF, France                       | par           | FR    | -",
            "Montreal, QC, Canada                     | mtl           | CA    | -",
            "Office - London                          | lon           | GB    | -",
            "Washington DC-Baltimore Area             | was           | US    | -",
            "Athens, Attica, Greece                   | ath           | GR    | -",
            "Thessaloniki, Central Macedonia, Greece  | skg           | GR    | -",
            // ---- Adzuna's "town, county"
            "Cambridge, Cambridgeshire                | cbg           | GB    | -",
            "Reading, Berkshire                       | rdg           | GB    | -",
            "Reading, Berkshire, South East England, UK | rdg         | GB    | -",
            "Guildford, Surrey                        | -             | GB    | -",
            "Oxford, Oxfordshire                      | oxf           | GB    | -",
            "Reading, PA                              | -             | US    | -",
            "Birmingham, West Midlands                | bhx           | GB    | -",
            "Birmingham, AL                           | -             | US    | -",
            "Surrey, BC                               | -             | CA    | -",  // a town named like a county, then its province
            "Kent, WA                                 | -             | US    | -",
            // a US town named like an English county, then a state's code that is also a country's
            "Essex, MA                                | -             | US    | -",  // not Morocco
            "Essex, MD                                | -             | US    | -",  // not Moldova
            "Hampshire, IL                            | -             | US    | -",  // not Israel
            "Kent, DE                                 | -             | US    | -",  // not Germany
            "Ontario, CA                              | -             | CA    | -",  // a province, then its own country
            // ---- postal codes
            "London EC2A 4NE                          | lon           | GB    | -",
            "94105 San Francisco                      | sfo           | US    | -",
            "San Francisco, CA 94105                  | sfo           | US    | -",
            "10115 Berlin                             | ber           | DE    | -",
            "1011 AB Amsterdam                        | ams           | NL    | -",  // not Alberta
            "1017 CA Amsterdam                        | ams           | NL    | -",  // not Canada
            // ---- short codes and names that mean two things
            "Indianapolis, IN                         | ind           | US    | -",
            "Denver, CO                               | den           | US    | -",
            "Medellín, CO                             | mde           | CO    | -",
            "New York                                 | nyc           | US    | -",
            "York, UK                                 | -             | GB    | -",
            "York, PA                                 | -             | US    | -",
            "York                                     | -             | -     | -",
            "Atlanta, Georgia                         | atl           | US    | -",
            "Tbilisi, Georgia                         | tbs           | GE    | -",
            "Georgia (country)                        | -             | GE    | -",  // says it is not the state
            "Remote - Georgia (Country)               | remote-ge     | GE    | remote-ge",
            "Cambridge, MA                            | cbm           | US    | -",
            "Cambridge, Massachusetts                 | cbm           | US    | -",
            "Cambridge, UK                            | cbg           | GB    | -",
            "Cambridge (UK)                           | cbg           | GB    | -",
            "Cambridge                                | -             | -     | -",
            "US-MA-Cambridge                          | cbm           | US    | -",  // the state before the name says which
            "UK - Cambridge                           | cbg           | GB    | -",
            "San Jose, CA                             | sjc           | US    | -",
            "San José, Costa Rica                     | sjo           | CR    | -",
            "San Jose                                 | -             | -     | -",
            "Portland, OR                             | pdx           | US    | -",
            "Portland, Oregon, United States          | pdx           | US    | -",
            "Portland, ME                             | -             | US    | -",
            "Portland, ME, USA                        | -             | US    | -",
            "Portland, Maine                          | -             | US    | -",
            "Victoria, BC                             | -             | CA    | -",
            "Victoria, Australia                      | -             | AU    | -",
            "Melbourne, VIC                           | mel           | AU    | -",
            "Melbourne, FL                            | -             | US    | -",
            "Athens, GA                               | -             | US    | -",
            // a town named like a country, then its US state
            "Lebanon, NH                              | -             | US    | -",
            "Holland, MI                              | -             | US    | -",
            "Mexico, NY                               | -             | US    | -",
            "Panama City, FL                          | -             | US    | -",
            "India, IN                                | -             | IN    | -",  // the country's own code
            "Germany, Austria                         | -             | DE AT | -",
            // a street named after a place is not that place: an address names its city after it
            "1 Canada Square, London E14 5AB          | lon           | GB    | -",
            "45 Rue de Paris, Brussels                | bru           | BE    | -",
            "Avenida Brasil 1234, Lima                | lim           | PE    | -",
            "Rua Chile 10, Lisboa                     | lis           | PT    | -",
            "Piazza Venezia, Roma                     | rom           | IT    | -",
            "Mexico Street, Brooklyn                  | nyc           | US    | -",
            "Paris Avenue, New Orleans                | -             | -     | -",
            "1221 Avenue of the Americas, New York    | nyc           | US    | -",
            "Washington Street, Boston                | bos           | US    | -",
            "London St Pancras                        | lon           | GB    | -",  // a saint, not a street
            // so is a district named after one
            "Holland Park, London                     | lon           | GB    | -",  // not the Netherlands
            "Victoria Park, London                    | lon           | GB    | -",  // nor Australia's Victoria
            "Menlo Park, CA                           | sjc           | US    | -",  // a town's own name keeps its place
    })
    void resolves(String text, String place, String countries, String remotePlace) {
        ResolvedLocation r = RESOLVER.resolve(text);
        assertThat(r.place()).as("place").isEqualTo(place);
        assertThat(r.countries()).as("countries").isEqualTo(countries == null ? List.of() : List.of(countries.split(" ")));
        assertThat(r.remotePlace()).as("remote place").isEqualTo(remotePlace);
    }

    @Test
    void homeOfficeIsRemoteWhereTheSourceSaysThePostingIsGermanSpeaking() {
        // Adzuna's German market: the country is the source's, not the text's.
        Hints germany = new Hints(null, null, null, null, null, null, List.of("DE"), Map.of());
        assertThat(RESOLVER.resolve("Home Office", germany, null).remotePlace()).isEqualTo("remote-de");
        Hints us = new Hints(null, null, null, null, null, null, List.of("US"), Map.of());
        assertThat(RESOLVER.resolve("Home Office", us, null).remote()).isFalse();
    }
}
