package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClipTest {

    @Test
    void shortTextIsOneLineWithItsWhiteSpaceFolded() {
        assertThat(Clip.oneLine("  Senior\n\tBackend\u00a0 Engineer \r\n", 40)).isEqualTo("Senior Backend Engineer");
        assertThat(Clip.oneLine(null, 10)).isEmpty();
        assertThat(Clip.oneLine("exactly10!", 10)).isEqualTo("exactly10!");
    }

    @Test
    void longTextIsCutToTheLimitWithAnEllipsis() {
        assertThat(Clip.oneLine("Acme ".repeat(200_000), 12)).isEqualTo("Acme Acme A…");
        assertThat(Clip.oneLine("abcdefghijkl", 10)).isEqualTo("abcdefghi…");
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String cut = Clip.oneLine("abcdefgh\uD83D\uDE80xyz", 10); // the rocket's two chars straddle the cut
        assertThat(cut).isEqualTo("abcdefgh…");
    }
}
