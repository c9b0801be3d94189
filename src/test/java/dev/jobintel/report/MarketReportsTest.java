package dev.jobintel.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketReportsTest {

    @Test
    void quartilesInterpolateBetweenNeighbours() {
        List<Double> v = List.of(10.0, 20.0, 30.0, 40.0);
        assertThat(MarketReports.quantile(v, 0.5)).isEqualTo(25.0);
        assertThat(MarketReports.quantile(v, 0.25)).isCloseTo(17.5, within(1e-9));
        assertThat(MarketReports.quantile(List.of(7.0), 0.75)).isEqualTo(7.0);
    }

    @Test
    void aRemoteScopeIsNamedInWordsPartByPart() {
        java.util.Map<String, String> names = java.util.Map.of("de", "Germany", "us", "United States", "europe", "Europe");
        assertThat(MarketReports.scopeName("de+us", names)).isEqualTo("Germany or United States");
        assertThat(MarketReports.scopeName("europe", names)).isEqualTo("Europe");
        assertThat(MarketReports.scopeName("global", names)).isEqualTo("anywhere");
        assertThat(MarketReports.scopeName("", names)).isEqualTo("not stated");
        assertThat(MarketReports.scopeName("xk", names)).as("a code the tables lack").isEqualTo("XK");
    }

    @Test
    void aJobsPlaceSaysWhereItMayBeDoneRemotely() {
        java.util.Map<String, String> names = java.util.Map.of("gb", "United Kingdom", "europe", "Europe");
        assertThat(MarketReports.remotePlace("Remote", false, "europe", names)).isEqualTo("Remote (Europe)");
        assertThat(MarketReports.remotePlace("London", true, "gb", names)).isEqualTo("London, or remote (United Kingdom)");
        assertThat(MarketReports.remotePlace("Remote", false, "", names)).as("from where, not stated").isEqualTo("Remote");
        assertThat(MarketReports.remotePlace("London", true, "", names)).isEqualTo("London, or remote");
        assertThat(MarketReports.remotePlace("London", true, null, names)).isEqualTo("London");
        assertThat(MarketReports.remotePlace("Germany", false, null, names)).isEqualTo("Germany");
    }

    @Test
    void payIsAnnualisedByItsPeriod() {
        assertThat(MarketReports.perYear("year")).isEqualTo(1);
        assertThat(MarketReports.perYear("month")).isEqualTo(12);
        assertThat(MarketReports.perYear("week")).isEqualTo(52);
        assertThat(MarketReports.perYear("day")).isEqualTo(260);
        assertThat(MarketReports.perYear("hour")).isEqualTo(2080);
    }

    @Test
    void sharesArePercentagesAndNoneOfNothing() {
        // Unrounded: each format rounds once (ReportFormatTest).
        assertThat(MarketReports.share(1, 3)).isCloseTo(33.3333, within(1e-4));
        assertThat(MarketReports.share(2, 3)).isCloseTo(66.6667, within(1e-4));
        assertThat(MarketReports.share(0, 0)).isNull();
    }

    @Test
    void statedPayReadsAsItIsStated() {
        assertThat(MarketReports.pay(90_000.0, 120_000.0, "USD", "year")).isEqualTo("90,000–120,000 USD a year");
        assertThat(MarketReports.pay(70_000.0, null, "EUR", "year")).isEqualTo("from 70,000 EUR a year");
        assertThat(MarketReports.pay(null, 45.5, "GBP", "hour")).isEqualTo("up to 45.50 GBP an hour");
        assertThat(MarketReports.pay(80_000.0, 80_000.0, "CAD", "year")).isEqualTo("80,000 CAD a year");
        assertThat(MarketReports.pay(null, null, null, null)).isEmpty();
    }

    @Test
    void aWeekNoJobIsDatedInIsARowOfZerosNotLeftOut() {
        // Weeks 100 and 98 had jobs, 99 none: read down the table, 100 and 98 must not look consecutive.
        List<long[]> counted = List.of(new long[] {100, 15, 15}, new long[] {98, 91, 90}, new long[] {97, 5, 5});
        assertThat(MarketReports.everyWeek(counted, 15, null, null)).extracting(w -> List.of(w[0], w[1], w[2]))
                .containsExactly(List.of(100L, 15L, 15L), List.of(99L, 0L, 0L), List.of(98L, 91L, 90L),
                        List.of(97L, 5L, 5L));
        assertThat(MarketReports.everyWeek(counted, 2, null, null)).as("the limit counts weeks, the empty one included")
                .extracting(w -> w[0]).containsExactly(100L, 99L);
        assertThat(MarketReports.everyWeek(List.of(), 15, null, null)).isEmpty();
    }

    @Test
    void sinceAWeekTheWeeksAfterItAreAllThereQuietOrNot() {
        // --since in week 95: weeks 96 and 95 had no job, and are the weeks since then as much as 97 is.
        List<long[]> counted = List.of(new long[] {98, 91, 90}, new long[] {97, 5, 5});
        assertThat(MarketReports.everyWeek(counted, 15, null, 95L)).extracting(w -> List.of(w[0], w[1], w[2]))
                .containsExactly(List.of(98L, 91L, 90L), List.of(97L, 5L, 5L), List.of(96L, 0L, 0L), List.of(95L, 0L, 0L));
        assertThat(MarketReports.everyWeek(counted, 3, null, 95L)).as("within the limit").extracting(w -> w[0])
                .containsExactly(98L, 97L, 96L);
        assertThat(MarketReports.everyWeek(counted, 15, null, 97L)).extracting(w -> w[0]).containsExactly(98L, 97L);
        assertThat(MarketReports.everyWeek(List.of(), 15, null, 95L)).as("no job since: no rows").isEmpty();
    }

    @Test
    void theWeeksRunToTheWeekTheJobsWereLastSeenInQuietOrNot() {
        // Last seen in week 100; the newest job counted is of week 98.
        List<long[]> counted = List.of(new long[] {98, 91, 90}, new long[] {97, 5, 5});
        assertThat(MarketReports.everyWeek(counted, 15, 100L, null)).extracting(w -> List.of(w[0], w[1], w[2]))
                .containsExactly(List.of(100L, 0L, 0L), List.of(99L, 0L, 0L), List.of(98L, 91L, 90L), List.of(97L, 5L, 5L));
        assertThat(MarketReports.everyWeek(counted, 1, 100L, null)).extracting(w -> w[0]).containsExactly(100L);
        assertThat(MarketReports.everyWeek(counted, 15, 98L, 96L)).extracting(w -> w[0]).containsExactly(98L, 97L, 96L);
        assertThat(MarketReports.everyWeek(List.of(), 15, 100L, 95L)).as("no job: no rows").isEmpty();
    }
}
