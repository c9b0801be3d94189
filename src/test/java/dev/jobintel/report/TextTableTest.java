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

    @Test
    void wideAndCombiningCharactersKeepTheColumnsInLine() {
        // Japanese takes two columns a character, an emoji two (and two UTF-16 units), and "é"
        // written as e + a combining accent one: padded by length, every later column went askew.
        String out = new TextTable("employer", "jobs").row("株式会社メルカリ", 3).row("Rocket 🚀 Labs", 12)
                .row("Cafe\u0301 Bleu", 5).row("Acme", 1).render("");
        assertThat(out).isEqualTo("""
                employer          jobs
                ----------------  ----
                株式会社メルカリ     3
                Rocket 🚀 Labs      12
                Cafe\u0301 Bleu            5
                Acme                 1
                """);
    }
}
