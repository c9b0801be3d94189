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

    @Test
    void whatATerminalWouldRunOrReadBackwardsIsDropped() {
        assertThat(Clip.oneLine("Evil\u001b[31mCorp\u001b]0;pwned\u0007 \u202eLtd", 40)).isEqualTo("Evil[31mCorp]0;pwned Ltd");
        // The joiner inside an emoji stays: it is part of the character people see.
        assertThat(Clip.oneLine("dev \uD83D\uDC69\u200D\uD83D\uDCBB", 40)).isEqualTo("dev \uD83D\uDC69\u200D\uD83D\uDCBB");
    }

    @Test
    void invisibleCharactersBeyondTheBasicPlaneAreDroppedButAFlagKeepsItsTags() {
        // Tag characters (U+E0000..U+E007F) spell out text no one sees, as two chars each: "hi" here.
        String hidden = new String(Character.toChars(0xE0068)) + new String(Character.toChars(0xE0069));
        assertThat(Clip.line("Data Engineer" + hidden)).isEqualTo("Data Engineer");
        assertThat(Clip.oneLine("Data " + hidden + "Engineer", 40)).isEqualTo("Data Engineer");
        // Scotland's flag is a black flag, tags and a cancel tag: one emoji people see, kept whole.
        String scotland = "\uD83C\uDFF4" + "gbsct".chars().mapToObj(c -> new String(Character.toChars(0xE0000 + c)))
                .collect(java.util.stream.Collectors.joining()) + new String(Character.toChars(0xE007F));
        assertThat(Clip.line("Engineer " + scotland)).isEqualTo("Engineer " + scotland);
        assertThat(Invisible.strip("a" + hidden + "\nb")).isEqualTo("a\nb");
    }

    @Test
    void halfOfASurrogatePairIsDroppedAsTheDescriptionDropsIt() {
        // An emoji cut in two by a producer counting UTF-16 units ("\\ud83d" in JSON): no character at all,
        // which both databases stored as '?' in the title, employer and location ("Data ? Engineer").
        assertThat(Clip.line("Data \uD800 Engineer")).isEqualTo("Data Engineer");
        assertThat(Clip.line("Acme\uDC00 Ltd")).isEqualTo("Acme Ltd");
        assertThat(Clip.line("Engineer \uD83D")).isEqualTo("Engineer");
        assertThat(Clip.line("\uDE00Engineer \uD83D\uDE80")).isEqualTo("Engineer \uD83D\uDE80");
        assertThat(Clip.oneLine("a\uDE00\uD83Db", 10)).isEqualTo("ab");
        String rocket = "Engineer \uD83D\uDE80";
        assertThat(Clip.line(rocket)).isSameAs(rocket);
    }

    @Test
    void aLineOfAnyLengthIsFoldedTooAndACleanOneIsReturnedAsItIs() {
        String clean = "Senior Backend Engineer";
        assertThat(Clip.line(clean)).isSameAs(clean);
        assertThat(Clip.line(" Senior\nBackend \u0000Engineer ")).isEqualTo("Senior Backend Engineer");
        assertThat(Clip.line("Acme ".repeat(100_000))).hasSize(499_999);
        assertThat(Clip.line(null)).isNull();
    }
}
