package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharsTest {

    @Test
    void answersAsCharacterDoesForEveryChar() {
        for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(Chars.isLetterOrDigit(c)).as("isLetterOrDigit %04x", i).isEqualTo(Character.isLetterOrDigit(c));
            assertThat(Chars.isLetter(c)).as("isLetter %04x", i).isEqualTo(Character.isLetter(c));
            assertThat(Chars.isWhitespace(c)).as("isWhitespace %04x", i).isEqualTo(Character.isWhitespace(c));
            assertThat(Chars.toLowerCase(c)).as("toLowerCase %04x", i).isEqualTo(Character.toLowerCase(c));
        }
    }
}
