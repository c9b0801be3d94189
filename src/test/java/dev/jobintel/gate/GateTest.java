package dev.jobintel.gate;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.LowerText;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.posting.location.ResolvedLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GateTest {

    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());
    private static final String LONG = "We build reliable payment systems for merchants across Europe. ".repeat(5);

    private static Gate gate(List<String> titleIn, List<String> titleOut, Set<String> placeIn, Set<String> placeOut,
                             boolean keepUnknown) {
        return new Gate(new Gate.Rules(titleIn.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList(),
                titleOut.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList(), placeIn, placeOut,
                keepUnknown, new AgencyDetector(AgencyList.bundled(), 0.7), 150));
    }

    private static GateDecision decide(Gate g, String company, String title, String location, String description) {
        Posting p = new Posting("test", "1", "https://example.com/1", company, title, location, description, null, Hints.NONE);
        return g.decide(Prepared.of(p, RESOLVER), false);
    }

    private static final Gate OPEN = gate(List.of(), List.of(), Set.of(), Set.of(), true);

    @Test
    void aGoodPostingPasses() {
        assertThat(decide(OPEN, "Acme", "Backend Engineer", "London", LONG).passed()).isTrue();
    }

    @Test
    void eachFilterRecordsItsReasonAndDetail() {
        Gate g = gate(List.of("engineer|developer"), List.of("\\bintern"), Set.of("GB", "remote-gb"), Set.of(), false);
        GateDecision title = decide(g, "Acme", "Sales Director", "London", LONG);
        assertThat(title.reason()).isEqualTo(FilterReason.TITLE);
        assertThat(title.detail()).contains("no include pattern");
        assertThat(decide(g, "Acme", "Engineering Intern", "London", LONG).detail()).contains("\\bintern");
        GateDecision place = decide(g, "Acme", "Backend Engineer", "Berlin", LONG);
        assertThat(place.reason()).isEqualTo(FilterReason.LOCATION);
        assertThat(place.detail()).contains("ber").contains("GB");
        assertThat(decide(g, "Acme", "Backend Engineer", "TBD", LONG).reason()).isEqualTo(FilterReason.LOCATION);
        assertThat(decide(g, "Hays", "Backend Engineer", "London", LONG).reason()).isEqualTo(FilterReason.AGENCY);
        GateDecision shortOne = decide(g, "Acme", "Backend Engineer", "London", "Apply now.");
        assertThat(shortOne.reason()).isEqualTo(FilterReason.TOO_SHORT);
        assertThat(shortOne.detail()).contains("10 characters");
        assertThat(decide(g, "Acme", "Backend Engineer", "Remote (UK)", LONG).passed()).isTrue();
    }

    @Test
    void incident20RemoteInADescriptionDoesNotLetAnyCountryThrough() {
        Gate ukOnly = gate(List.of(), List.of(), Set.of("GB", "remote-gb"), Set.of(), false);
        String remoteDescription = LONG + " This role is fully remote, work from anywhere!";
        assertThat(decide(ukOnly, "Acme", "Backend Engineer", "Mexico City", remoteDescription).reason())
                .isEqualTo(FilterReason.LOCATION);
        assertThat(decide(ukOnly, "Acme", "Backend Engineer", "Remote - US", remoteDescription).reason())
                .isEqualTo(FilterReason.LOCATION);
    }

    @Test
    void aRemoteOnlyFilterKeepsAJobRemoteInOneOfSeveralCountriesAndDropsItsOfficeCity() {
        Gate remoteEurope = gate(List.of(), List.of(), Set.of("remote-europe"), Set.of(), false);
        assertThat(decide(remoteEurope, "Acme", "Backend Engineer", "Remote - US; Remote - Germany", LONG).passed()).isTrue();
        assertThat(decide(remoteEurope, "Acme", "Backend Engineer", "Remote - Germany", LONG).passed()).isTrue();
        assertThat(decide(remoteEurope, "Acme", "Backend Engineer", "Berlin", LONG).reason()).isEqualTo(FilterReason.LOCATION);
        assertThat(decide(remoteEurope, "Acme", "Backend Engineer", "Remote - US", LONG).reason()).isEqualTo(FilterReason.LOCATION);
    }

    @Test
    void excludedAreasWinOverIncludes() {
        Gate g = gate(List.of(), List.of(), Set.of("europe"), Set.of("DE"), true);
        assertThat(decide(g, "Acme", "Backend Engineer", "Paris", LONG).passed()).isTrue();
        assertThat(decide(g, "Acme", "Backend Engineer", "Munich", LONG).reason()).isEqualTo(FilterReason.LOCATION);
        assertThat(decide(g, "Acme", "Backend Engineer", "TBD", LONG).passed()).isTrue();
    }

    @Test
    void aPlaceInSeveralExcludedAreasNamesTheNarrowestInEveryRun() {
        Gate g = gate(List.of(), List.of(), Set.of(), Set.of("europe", "GB"), true);
        // London is in both: the note names its country, not whichever of the two a set of its areas,
        // in an order that changes from one JVM to the next, happened to give first.
        assertThat(decide(g, "Acme", "Backend Engineer", "London", LONG).detail()).isEqualTo("place is in excluded area 'GB'");
    }

    @Test
    void aClosedPostingIsFilteredFirst() {
        Posting p = new Posting("test", "1", null, "Hays", "x", null, "", null, Hints.NONE);
        assertThat(OPEN.decide(new Prepared(p, ResolvedLocation.NONE, LowerText.of("")), true).reason())
                .isEqualTo(FilterReason.CLOSED);
    }

    @Test
    void theStrippedLengthIsWhatStripWouldLeave() {
        for (String s : java.util.List.of("", "   ", " a ", "\u2003text\u2003", "\n\tline one\nline two \r\n", "x", "\u00a0nbsp\u00a0")) {
            assertThat(Gate.strippedLength(s)).as("[%s]", s).isEqualTo(s.strip().length());
        }
    }
}
