package dev.jobintel.cli;

import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.store.LandCounts;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fetch and status summaries say, for counts a fetch or a ledger can hold, and how they print money. */
class SummariesTest {

    private static String fetchSummary(LandCounts counts) {
        return fetchSummary(counts, 0);
    }

    private static String fetchSummary(LandCounts counts, int closed) {
        StringWriter out = new StringWriter();
        Runner.FetchResult r = new Runner.FetchResult("run", List.of(
                new Lander.BoardResult("greenhouse", "acme", counts, 0, closed, true, false, null, null)));
        Summaries.fetch(new PrintWriter(out, true), r, 1_000_000_000L);
        return out.toString();
    }

    @Test
    void aPostingListedAgainAfterItWasFilteredAsClosedIsNotCalledChangedNorNothingNew() {
        // Nothing changed, but one posting filtered as closed is back on its board: it is to be decided.
        String s = fetchSummary(new LandCounts(0, 0, 3, 1));
        assertThat(s).contains("0 new, 0 changed, 3 seen again")
                .contains("1 posting went back to pending to be decided again")
                .contains("listed again after being filtered as closed")
                .doesNotContain("Nothing new");
    }

    @Test
    void theCostLedgerCountsOneCallAndOneJobInTheSingular() {
        StringWriter out = new StringWriter();
        Summaries.cost(new PrintWriter(out, true), new dev.jobintel.store.LlmCalls.Totals(1, 0, 1, 0, 0, 0, 0, 0, 1));
        assertThat(out.toString()).contains("over 1 call (1 without an answer), 1 model-classified job,");
    }

    @Test
    void onePostingClosedIsSaidOfOnePosting() {
        assertThat(fetchSummary(new LandCounts(0, 0, 3, 0), 1)).contains("1 posting left its board and was closed");
        assertThat(fetchSummary(new LandCounts(0, 0, 3, 0), 2)).contains("2 postings left their boards and were closed");
    }

    @Test
    void anUnchangedFetchIsNothingNew() {
        assertThat(fetchSummary(new LandCounts(0, 0, 3, 0))).contains("Nothing new").doesNotContain("went back to pending");
    }

    /** Outcome counts in the ledger's order, with any others after them, as StatusReport folds them. */
    private static Map<String, StatusReport.OutcomeCount> outcomes(long enriched, long merged, long filtered, long failed,
                                                                  long pending, Map<String, Long> others) {
        Map<String, StatusReport.OutcomeCount> m = new LinkedHashMap<>();
        long[] counts = {enriched, merged, filtered, failed, pending};
        for (int i = 0; i < counts.length; i++) {
            m.put(StatusReport.ORDER.get(i), new StatusReport.OutcomeCount(counts[i], Map.of(), 0));
        }
        others.forEach((o, n) -> m.put(o, new StatusReport.OutcomeCount(n, Map.of(), 0)));
        return m;
    }

    private static String bySource(Map<String, StatusReport.OutcomeCount> overall,
                                   Map<String, Map<String, StatusReport.OutcomeCount>> bySource) {
        long raw = overall.values().stream().mapToLong(StatusReport.OutcomeCount::count).sum();
        StatusReport s = new StatusReport("jdbc:sqlite:x.db", raw, overall, bySource, 0, 0, List.of(), List.of(),
                List.of(), null, List.of());
        StringWriter w = new StringWriter();
        Summaries.bySource(new PrintWriter(w, true), s);
        return w.toString();
    }

    @Test
    void aSourcesRowAddsUpWhenAHandMadeChangeLeftAnOutcomeJobintelDoesNotWrite() {
        // A posting of ashby set to 'Merged' by hand: the ledger lists it by name, and so must its source's row.
        Map<String, Map<String, StatusReport.OutcomeCount>> bySource = new TreeMap<>();
        bySource.put("ashby", outcomes(274, 10, 15, 0, 0, Map.of("Merged", 1L)));
        bySource.put("lever", outcomes(267, 10, 24, 0, 0, Map.of()));
        String out = bySource(outcomes(541, 20, 39, 0, 0, Map.of("Merged", 1L)), bySource);
        assertThat(out).containsPattern("source +postings +enriched +merged +filtered +failed +pending +other\n")
                .containsPattern("ashby +300 +274 +10 +15 +0 +0 +1\n")
                .containsPattern("lever +301 +267 +10 +24 +0 +0 +0\n");
    }

    @Test
    void theLedgersReasonsAddUpWhenHandMadeRowsHaveNone() {
        Map<String, StatusReport.OutcomeCount> overall = outcomes(10, 0, 0, 0, 0, Map.of());
        // One filtered with an empty reason, two failed with none, beside postings with reasons.
        overall.put("filtered", new StatusReport.OutcomeCount(92, new TreeMap<>(Map.of("", 1L, "agency", 56L,
                "too_short", 35L)), 0));
        overall.put("failed", new StatusReport.OutcomeCount(3, new TreeMap<>(Map.of("timeout", 1L)), 1));
        StatusReport s = new StatusReport("jdbc:sqlite:x.db", 105, overall, Map.of(), 10, 0, List.of(), List.of(),
                List.of(), null, List.of());
        StringWriter w = new StringWriter();
        Summaries.ledger(new PrintWriter(w, true), s);
        assertThat(w.toString()).containsPattern("filtered +92 +agency 56, too_short 35, \\(no reason\\) 1\n")
                .containsPattern("failed +3 +timeout 1, \\(no reason\\) 2 \\(1 retryable\\)\n");
    }

    @Test
    void theLedgerLineCountsOneOfEachInTheSingular() {
        Map<String, StatusReport.OutcomeCount> one = outcomes(1, 0, 0, 0, 0, Map.of());
        StatusReport s = new StatusReport("jdbc:sqlite:x.db", 1, one, Map.of("lever", one), 1, 1, List.of(), List.of(),
                List.of(), null, List.of());
        StringWriter w = new StringWriter();
        Summaries.ledger(new PrintWriter(w, true), s);
        assertThat(w.toString()).startsWith("Ledger: 1 raw posting, 1 enriched job, 1 reject\n");
    }

    @Test
    void noOtherColumnWhenEveryOutcomeIsOneJobintelWrites() {
        Map<String, Map<String, StatusReport.OutcomeCount>> bySource = new TreeMap<>();
        bySource.put("lever", outcomes(267, 10, 24, 0, 0, Map.of()));
        assertThat(bySource(outcomes(267, 10, 24, 0, 0, Map.of()), bySource)).doesNotContain("other")
                .containsPattern("lever +301 +267 +10 +24 +0 +0\n");
    }

    /** Four calls' costs as the cost ledger holds them (Haiku 4.5, cache read, 150-odd output tokens each). */
    private static final double[] CALLS = {0.002114, 0.001989, 0.002025, 0.002122};

    @Test
    void theSameCallsSummedInAnotherOrderShowTheSameCost() {
        // The run adds its calls up as they answer; the ledger's SUM in the order of their rows.
        double asAnswered = CALLS[3] + CALLS[2] + CALLS[1] + CALLS[0];
        double byRow = CALLS[0] + CALLS[1] + CALLS[2] + CALLS[3];
        assertThat(asAnswered).as("a bit apart, either side of $0.00825").isNotEqualTo(byRow);
        assertThat(Summaries.usd(asAnswered)).isEqualTo(Summaries.usd(byRow)).isEqualTo("$0.0083");
    }

    @Test
    void dollarsAboveOneShowCents() {
        assertThat(Summaries.usd(1234.565)).isEqualTo("$1,234.57");
        assertThat(Summaries.usd(0.00004)).isEqualTo("$0.0000");
    }

    @Test
    void aFailingBoardSaysWhenItLastFailedSoThatOneNoLongerFetchedIsTold() {
        long failed = java.time.Instant.parse("2026-03-02T09:15:30Z").toEpochMilli();
        long now = java.time.Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();
        StringWriter w = new StringWriter();
        Summaries.boards(new PrintWriter(w, true), List.of(new dev.jobintel.store.BoardHealth.Row("lever", "gone-co", 3,
                null, failed, 404, "no such board", null, 0, "fetched", false, null, null)), now);
        assertThat(w.toString()).contains("last failed").containsPattern("gone-co .* 2026-03-02 09:15 UTC .*HTTP 404");
    }

    @Test
    void aBoardRemovedFromTheConfigurationIsNotSaidToBeTriedAgainWhateverItsBackOff() {
        long now = java.time.Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();
        long until = now + java.time.Duration.ofHours(6).toMillis();
        StringWriter w = new StringWriter();
        Summaries.boards(new PrintWriter(w, true), List.of(
                new dev.jobintel.store.BoardHealth.Row("lever", "removed-co", 3, null, now - 1, 404, "no such board", until,
                        0, "fetched", false, false, null),
                new dev.jobintel.store.BoardHealth.Row("lever", "kept-co", 3, null, now - 1, 404, "no such board", until,
                        0, "fetched", false, true, null),
                new dev.jobintel.store.BoardHealth.Row("greenhouse", "replayed-co", 0, now - 5, now - 1, null,
                        "no recorded response", null, 0, "replayed", false, true, null),
                new dev.jobintel.store.BoardHealth.Row("import", "cut.jsonl.gz", 0, null, now - 1, null,
                        "the file ends inside its gzip data", null, 0, "imported", true, null, null)), now);
        assertThat(w.toString())
                .containsPattern("removed-co .*never: no longer configured")
                .containsPattern("kept-co .*backed off until 2026-11-30 18:00 UTC")
                .containsPattern("replayed-co +0 \\(replayed, not counted\\) .*no recorded response +next run")
                .containsPattern("cut.jsonl.gz +partly read .*when imported again");
    }

    @Test
    void aBoardsLastErrorNamesItsHttpStatusOnce() {
        assertThat(Summaries.withStatus(404, "not found (HTTP 404): unknown board or posting"))
                .isEqualTo("not found (HTTP 404): unknown board or posting");
        assertThat(Summaries.withStatus(200, "the body is not JSON")).isEqualTo("HTTP 200: the body is not JSON");
        assertThat(Summaries.withStatus(null, "timed out: read")).isEqualTo("timed out: read");
        assertThat(Summaries.withStatus(503, null)).isEqualTo("HTTP 503");
        assertThat(Summaries.withStatus(null, null)).isEmpty();
    }
}
