package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowerTextTest {

    @Test
    void lowerCasesAndFoldsEveryRunOfWhiteSpaceToOneSpace() {
        assertThat(LowerText.of("  Senior\tPython\u00a0Engineer\n\n(Remote) ").text()).isEqualTo("senior python engineer (remote)");
        // Outside ASCII the whole string is lowered as String.toLowerCase does.
        assertThat(LowerText.of("İSTANBUL Straße ÉCOLE").text()).isEqualTo("İSTANBUL Straße ÉCOLE".toLowerCase(java.util.Locale.ROOT));
        assertThat(LowerText.of(null).text()).isEmpty();
        // A lone surrogate (JSON's "\ud800") is kept as the character it is, not as UTF-8's '?'.
        assertThat(LowerText.of("Java \uD800 Dev?").text()).isEqualTo("java \uD800 dev?");
    }

    @Test
    void findsWholeWordsOnlyHoweverManyDistinctWordsTheTextHas() {
        StringBuilder sb = new StringBuilder("Kubernetes, Go; and C++.");
        for (int i = 0; i < 5000; i++) {
            sb.append(" w").append(i);
        }
        LowerText t = LowerText.of(sb.toString());
        assertThat(t.hasWord("kubernetes")).isTrue();
        assertThat(t.hasWord("go")).isTrue();
        assertThat(t.hasWord("c")).isTrue();
        assertThat(t.hasWord("kube")).isFalse();
        assertThat(t.hasWord("and")).isTrue();
        for (int i = 0; i < 5000; i += 97) {
            assertThat(t.hasWord("w" + i)).as("w%d", i).isTrue();
        }
        assertThat(t.hasWord("w5000")).isFalse();
        assertThat(t.hasWord(LowerText.wordHash("w4999"))).isTrue();
    }

    @Test
    void theIndexBuiltWhileLoweringAgreesWithTheOneBuiltFromTheText() {
        for (dev.jobintel.source.demo.DemoPosting p : dev.jobintel.source.demo.DemoDataset.postings()) {
            String text = HtmlText.toText(p.jsonLine());
            LowerText eager = LowerText.of(text);          // ASCII or not, as the posting is
            LowerText lazy = LowerText.of(text + " \u00e9"); // non-ASCII: indexed from the lowered text
            // ASCII text is lowered and folded alike, whichever path it takes.
            assertThat(lazy.text()).isEqualTo(eager.text().isEmpty() ? "\u00e9" : eager.text() + " \u00e9");
            for (String word : eager.text().split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty() && word.chars().allMatch(c -> c < 0x80)) {
                    assertThat(eager.hasWord(word)).as(word).isTrue();
                    assertThat(lazy.hasWord(word)).as(word).isTrue();
                }
            }
            assertThat(eager.hasWord("zzzqqq")).isFalse();
        }
    }
}
