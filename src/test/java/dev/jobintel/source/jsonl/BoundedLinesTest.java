package dev.jobintel.source.jsonl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedLinesTest {

    private static List<BoundedLines.Line> lines(String text, int max) throws IOException {
        BoundedLines r = new BoundedLines(new StringReader(text), max);
        List<BoundedLines.Line> out = new ArrayList<>();
        for (BoundedLines.Line l; (l = r.next()) != null; ) {
            out.add(l);
        }
        return out;
    }

    @Test
    void linesEndAtANewlineWithOrWithoutACarriageReturnAndTheLastNeedsNone() throws IOException {
        assertThat(lines("a\r\nbb\n\nccc", 10)).extracting(BoundedLines.Line::text).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\n", 10)).extracting(BoundedLines.Line::text).containsExactly("a");
        assertThat(lines("a\rb\r", 10)).as("old Mac line ends").extracting(BoundedLines.Line::text)
                .containsExactly("a", "b");
        assertThat(lines("abcd\r\nefgh", 4)).as("a line end is not part of the line's length")
                .extracting(BoundedLines.Line::tooLong).containsExactly(false, false);
        assertThat(lines("", 10)).isEmpty();
    }

    @Test
    void aLinePastTheLimitIsReadToItsEndAndKeptOnlyInPart() throws IOException {
        String endless = "x".repeat(200_000);
        List<BoundedLines.Line> out = lines("{\"ok\":1}\n" + endless + "\n{\"ok\":2}", 100_000);
        assertThat(out).hasSize(3);
        assertThat(out.get(1).tooLong()).isTrue();
        assertThat(out.get(1).length()).isEqualTo(200_000);
        assertThat(out.get(1).text()).hasSize(BoundedLines.KEPT_OF_TOO_LONG);
        assertThat(out.get(2).text()).as("the next line is read as usual").isEqualTo("{\"ok\":2}");
    }

    @Test
    void aLineAcrossManyBuffersIsWhole() throws IOException {
        String big = "y".repeat(300_000);
        assertThat(lines(big + "\nz", 1_000_000)).extracting(BoundedLines.Line::text).containsExactly(big, "z");
    }
}
