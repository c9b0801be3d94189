package dev.jobintel.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void numbersAlignRightTextLeftAndNoLineEndsInSpaces() {
        String out = new TextTable("employer", "jobs", "note").row("Acme", 1_204, "").row("Globex Corporation", 7, "hiring")
                .render("  ");
        assertThat(out).isEqualTo("""
                  employer             jobs  note
                  ------------------  -----  ------
                  Acme                1,204
                  Globex Corporation      7  hiring
                """);
    }

    @Test
    void aHugeCellFromAPostingIsDrawnAsOneShortLine() {
        // An employer name of 500,000 characters once took the table (every other row padded to
        // its width) minutes to draw, and a terminal full of it to read.
        String out = new TextTable("employer", "jobs").row("Acme ".repeat(100_000), 1).row("Globex\nCorp", 2).render("");
        assertThat(out.lines()).hasSize(4).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(
                TextTable.CELL_MAX + 2 + "jobs".length()));
        assertThat(out).contains("Acme Acme").contains("…").contains("Globex Corp ");
    }
}
