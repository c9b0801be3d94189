package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvisibleTest {

    @Test
    void controlAndFormatCharactersAreInvisibleButWhiteSpaceAndTheEmojiJoinerAreNot() {
        for (char c : new char[] {'\u0000', '\u0007', '\u001b', '\u007f', '\u009b', '\u200b', '\u202e', '\ufeff'}) {
            assertThat(Invisible.is(c)).as("U+%04X", (int) c).isTrue();
        }
        for (char c : new char[] {'a', ' ', '€', 'ü', '\u200d', 'מ'}) {
            assertThat(Invisible.is(c)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void stripKeepsLinesAndTabsAndReturnsCleanTextAsItIs() {
        assertThat(Invisible.strip("a\u001b[31mb\nc\td\u202e")).isEqualTo("a[31mb\nc\td");
        String clean = "nothing to drop";
        assertThat(Invisible.strip(clean)).isSameAs(clean);
        assertThat(Invisible.strip(null)).isNull();
    }
}
