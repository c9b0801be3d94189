package dev.jobintel.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptionTest {

    @Test
    void commandsThatWriteSayWhatAStopMeansAndTheOthersStayQuiet() {
        for (String writer : new String[] {"run", "fetch", "import", "enrich", "retry", "backfill"}) {
            assertThat(Interruption.message(new String[] {writer, "--db", "x.db"})).as(writer)
                    .startsWith("jobintel " + writer + ": interrupted");
        }
        // A stopped retry leaves what it re-queued pending; run again it re-queues nothing and enriches
        // nothing, so "run it again" would leave them there: enrich is what goes on.
        assertThat(Interruption.message(new String[] {"retry", "--reason", "invalid_output"}))
                .contains("'jobintel enrich' decides the pending ones").doesNotContain("run it again to go on");
        assertThat(Interruption.message(new String[] {"db", "export", "jobs", "--out", "x.jsonl"}))
                .contains("no file was written");
        assertThat(Interruption.message(new String[] {"db", "export", "jobs", "--out=x.jsonl"}))
                .contains("no file was written");
        // To standard output (redirected to a file, or piped on) the lines written before the stop are there.
        assertThat(Interruption.message(new String[] {"db", "export", "postings"}))
                .doesNotContain("no file was written").contains("standard output").contains("incomplete");
        assertThat(Interruption.message(new String[] {"db", "copy", "--to", "x.db"})).contains("unless it said 'Copied', the target holds none of it");
        assertThat(Interruption.message(new String[] {"bench", "pipeline"})).contains("temporary files are removed");
        // With --dir the generated file and database are the user's, in a directory of the user's: kept.
        for (String[] dir : new String[][] {{"bench", "pipeline", "--dir", "b"}, {"bench", "pipeline", "--dir=b"}}) {
            assertThat(Interruption.message(dir)).as(String.join(" ", dir))
                    .doesNotContain("removed").contains("--dir").contains("kept");
        }
        // Ctrl-C is how serve is meant to stop, the worker stops gracefully on its own, and readers change nothing.
        for (String quiet : new String[] {"serve", "worker", "status", "report", "eval", "--help"}) {
            assertThat(Interruption.message(new String[] {quiet})).as(quiet).isNull();
        }
        assertThat(Interruption.message(new String[0])).isNull();
    }
}
