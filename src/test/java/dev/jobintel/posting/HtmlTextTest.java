package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    void aDescriptionLosesInvisibleTagCharactersAsItLosesTheOtherInvisibleOnes() {
        String hidden = new String(Character.toChars(0xE0068)) + new String(Character.toChars(0xE0069));
        assertThat(HtmlText.toText("<p>We use Java." + hidden + "</p>")).isEqualTo("We use Java.");
        assertThat(HtmlText.tidy("We use Java." + hidden + " \uD83D\uDE80")).isEqualTo("We use Java. \uD83D\uDE80");
    }

    @Test
    void htmlBecomesTextWithParagraphsAndBullets() {
        String text = HtmlText.toText("<p>We build <strong>payments</strong>.</p><ul><li>Java</li><li>Kafka</li></ul>");
        assertThat(text).isEqualTo("We build payments.\n\n- Java\n\n- Kafka");
    }

    @Test
    void aParagraphInsideAListItemStaysOnTheItemsLine() {
        assertThat(HtmlText.toText("<ul><li><p>Ship features</p></li><li><p>Own quality</p></li></ul>"))
                .isEqualTo("- Ship features\n\n- Own quality");
    }

    @Test
    void aParagraphOnTheNextLineOfAListItemStaysOnTheItemsLineToo() {
        assertThat(HtmlText.toText("<ul>\n<li>\n  <p>Ship features</p>\n</li>\n<li>\n<p>Own quality</p>\n</li>\n</ul>"))
                .isEqualTo("- Ship features\n\n- Own quality");
        assertThat(HtmlText.toText("<div>\n\n<li>\n<p>Ship features</p>\n</li></div>")).isEqualTo("- Ship features");
    }

    @Test
    void entityEscapedHtmlAsGreenhouseSendsItIsDecodedThenParsed() {
        String escaped = "&lt;div class=&quot;content-intro&quot;&gt;&lt;p&gt;Vercel&#39;s mission &amp;amp; more"
                + "&amp;nbsp;now&lt;/p&gt;&lt;/div&gt;";
        assertThat(HtmlText.toText(escaped)).isEqualTo("Vercel's mission & more now");
    }

    @Test
    void doublyEscapedHtmlFromTheGreenhouseDocsIsDecodedToo() {
        assertThat(HtmlText.toText("&amp;lt;p&amp;gt;Hello &amp;amp; welcome&amp;lt;/p&amp;gt;")).isEqualTo("Hello & welcome");
    }

    @Test
    void escapedHtmlWhoseTextNamesATagBeforeItsFirstTagIsDecodedOnce() {
        // Escaped once, as Greenhouse sends it, by an author writing "<b>" in words before the first paragraph:
        // decoded once it is HTML with that tag as text, and a second decode made the words a tag and lost them.
        assertThat(HtmlText.toText("Write &amp;lt;b&amp;gt; for bold. &lt;p&gt;More&lt;/p&gt;"))
                .isEqualTo("Write <b> for bold.\nMore");
        // Doubly escaped, with no tag after one decode, is still decoded twice.
        assertThat(HtmlText.toText("&amp;lt;p&amp;gt;Write &amp;amp;lt;b&amp;amp;gt;&amp;lt;/p&amp;gt;"))
                .isEqualTo("Write <b>");
    }

    @Test
    void escapedMarkupInsideRealHtmlStaysLiteralText() {
        assertThat(HtmlText.toText("<p>Use &lt;b&gt; for bold</p>")).isEqualTo("Use <b> for bold");
    }

    @Test
    void scriptsAndHostileMarkupBecomeInertText() {
        String text = HtmlText.toText("<p>Hi<script>alert(1)</script></p><img src=x onerror=alert(2)>");
        assertThat(text).startsWith("Hi").doesNotContain("<script").doesNotContain("onerror");
    }

    @Test
    void plainTextIsKeptAndEntitiesDecoded() {
        assertThat(HtmlText.toText("Salary: 5 < 10 & fun")).isEqualTo("Salary: 5 < 10 & fun");
        assertThat(HtmlText.toText("Caf&eacute; &amp; bar")).isEqualTo("Café & bar");
    }

    @Test
    void controlAndZeroWidthCharactersAreRemovedButEmojiAndRtlTextKept() {
        assertThat(HtmlText.toText("Java\u200bScript\u0000 dev\u0007")).isEqualTo("JavaScript dev");
        assertThat(HtmlText.toText("Team 🚀👩‍💻")).isEqualTo("Team 🚀👩‍💻");
        assertThat(HtmlText.toText("مهندس برمجيات")).isEqualTo("مهندس برمجيات");
        assertThat(HtmlText.toText("a\uD800b")).isEqualTo("ab");
    }

    @Test
    void nullAndEmptyGiveEmptyText() {
        assertThat(HtmlText.toText(null)).isEmpty();
        assertThat(HtmlText.toText("")).isEmpty();
        assertThat(HtmlText.toText("<p> </p>")).isEmpty();
    }
}
