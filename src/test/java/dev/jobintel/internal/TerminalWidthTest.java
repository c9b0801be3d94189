package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalWidthTest {

    @Test
    void latinTextTakesAColumnACharacter() {
        assertThat(TerminalWidth.of("Senior Backend Engineer")).isEqualTo(23);
        assertThat(TerminalWidth.of("Zürich, São Paulo")).isEqualTo(17);
        assertThat(TerminalWidth.of("")).isZero();
    }

    @Test
    void eastAsianCharactersAndEmojiTakeTwo() {
        assertThat(TerminalWidth.of("東京")).isEqualTo(4);
        assertThat(TerminalWidth.of("서울")).isEqualTo(4);
        assertThat(TerminalWidth.of("ＡＢ")).as("fullwidth Latin").isEqualTo(4);
        assertThat(TerminalWidth.of("🚀")).as("one code point, two UTF-16 units").isEqualTo(2);
        assertThat(TerminalWidth.of("𠮷")).as("CJK extension B, outside the BMP").isEqualTo(2);
    }

    @Test
    void combiningMarksJoinersAndVariationSelectorsTakeNone() {
        assertThat(TerminalWidth.of("e\u0301")).isEqualTo(1);
        assertThat(TerminalWidth.of("a\u200Db")).isEqualTo(2);
        assertThat(TerminalWidth.of("\u2764\uFE0F")).as("heart and its emoji selector").isEqualTo(1);
        assertThat(TerminalWidth.of("ب\u064E")).as("Arabic letter with a vowel mark").isEqualTo(1);
    }
}
