package dev.jobintel.cli;

import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.store.LandCounts;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fetch summary says, for counts a fetch can produce. */
class SummariesTest {

    private static String fetchSummary(LandCounts counts) {
        StringWriter out = new StringWriter();
        Runner.FetchResult r = new Runner.FetchResult("run", List.of(
                new Lander.BoardResult("greenhouse", "acme", counts, 0, 0, true, false, null, null)));
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
    void anUnchangedFetchIsNothingNew() {
        assertThat(fetchSummary(new LandCounts(0, 0, 3, 0))).contains("Nothing new").doesNotContain("went back to pending");
    }
}
