package dev.jobintel.posting;

import dev.jobintel.source.demo.DemoGenerator;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-markup reader must give exactly what jsoup's document gives, or nothing: stored
 * descriptions, and so every posting's content hash, depend on it.
 */
class SimpleHtmlTest {

    private static void agreesWithJsoup(String html) {
        String fast = SimpleHtml.text(html);
        if (fast != null) {
            assertThat(fast).as(html).isEqualTo(HtmlText.viaJsoup(html));
        }
    }

    @Test
    void readsTheMarkupDescriptionsMostlyAreAsJsoupDoes() throws Exception {
        StringWriter bulk = new StringWriter();
        DemoGenerator.writeBulk(bulk, 300, 3_000, 42);
        List<String> descriptions = new ArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : bulk.toString().split("\n")) {
            String d = mapper.readTree(line).path("description").asText("");
            if (d.contains("<")) {
                descriptions.add(d);
            }
        }
        for (dev.jobintel.source.demo.DemoPosting p : dev.jobintel.source.demo.DemoDataset.postings()) {
            String d;
            try {
                d = mapper.readTree(p.jsonLine()).path("description").asText("");
            } catch (com.fasterxml.jackson.core.JsonProcessingException brokenOnPurpose) {
                continue; // the demo's malformed lines
            }
            // Escaped markup too, as HtmlText decodes it before reading.
            for (int i = 0; i < 2 && d.contains("&lt;"); i++) {
                d = org.jsoup.parser.Parser.unescapeEntities(d, false);
            }
            if (d.contains("<")) {
                descriptions.add(d);
            }
        }
        long read = descriptions.stream().filter(d -> SimpleHtml.text(d) != null).count();
        descriptions.forEach(SimpleHtmlTest::agreesWithJsoup);
        assertThat(read).as("the fast path is taken for most of them").isGreaterThan(descriptions.size() * 8L / 10);
    }

    @Test
    void leavesToJsoupWhatItWouldReadOtherwise() {
        for (String other : new String[] {
                "<p class=\"x\">attributes</p>", "<p>open", "<p>one<p>two</p>", "<p><ul><li>x</li></ul></p>",
                "<li>no list</li>", "<strong><p>block in inline</p></strong>", "<!-- c --><p>x</p>", "<p>a &copy; b</p>",
                "<p>a &amp b</p>", "<p>x</b></p>", "<table><tr><td>x</td></tr></table>", "<p>5 > 3</p>", "<p>\r\n</p>",
                "<h1>a<h2>b</h2></h1>", "<ul><p>x</p></ul>", "<p/>", "</br>",
                // jsoup's reader takes U+FFFF for the end of its input, and drops the rest.
                "<p>Role</p><p>\uFFFFDetails</p>"}) {
            assertThat(SimpleHtml.text(other)).as(other).isNull();
        }
    }

    @Test
    void randomPlainMarkupReadsAsJsoupReadsIt() {
        Random random = new Random(7);
        String[] words = {"Java", "R & D", "a&amp;b", "&lt;tag&gt;", "&quot;q&quot;", "it&#39;s", "&nbsp;", " ", "\n",
                "\t", "caf\u00e9", "\ud83d\ude80", "- item", "x-", "- ", "50%", "\uFFFF", "\uFFFD", "\u2028", "\uFEFF"};
        int read = 0;
        for (int n = 0; n < 3_000; n++) {
            StringBuilder sb = new StringBuilder();
            build(sb, random, words, 0);
            read += SimpleHtml.text(sb.toString()) != null ? 1 : 0;
            agreesWithJsoup(sb.toString());
            agreesWithJsoup(sb.toString().toUpperCase(java.util.Locale.ROOT).replace("&AMP;", "&amp;")
                    .replace("&LT;", "&lt;").replace("&GT;", "&gt;").replace("&QUOT;", "&quot;").replace("&NBSP;", "&nbsp;"));
            // And with a few characters cut, doubled or moved: markup at the edge of what it takes.
            for (int m = 0; m < 5; m++) {
                agreesWithJsoup(mutate(sb.toString(), random));
            }
        }
        assertThat(read).as("the well-formed ones without U+FFFF are read by the fast path").isGreaterThan(1_500);
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 1 + r.nextInt(3); k > 0 && sb.length() > 1; k--) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(r.nextInt(sb.length())));
                default -> sb.insert(at, "<>/&;p ".charAt(r.nextInt(7)));
            }
        }
        return sb.toString();
    }

    /** Well-formed markup of the kinds the fast path takes, some of it right at its edges. */
    private static void build(StringBuilder sb, Random r, String[] words, int depth) {
        int parts = 1 + r.nextInt(4);
        for (int k = 0; k < parts; k++) {
            switch (depth > 3 ? 0 : r.nextInt(7)) {
                case 0 -> sb.append(words[r.nextInt(words.length)]);
                case 1 -> sb.append(r.nextBoolean() ? "<br>" : r.nextBoolean() ? "<br/>" : "<br />");
                case 2 -> {
                    String tag = new String[] {"strong", "b", "em", "i", "u", "span"}[r.nextInt(6)];
                    sb.append('<').append(tag).append('>').append(words[r.nextInt(words.length)]).append("</").append(tag).append('>');
                }
                case 3 -> {
                    String tag = new String[] {"p", "h2", "h3"}[r.nextInt(3)];
                    sb.append('<').append(tag).append('>').append(words[r.nextInt(words.length)]);
                    if (r.nextBoolean()) {
                        sb.append("<em>").append(words[r.nextInt(words.length)]).append("</em>");
                    }
                    sb.append("</").append(tag).append('>');
                }
                case 4, 5 -> {
                    String list = r.nextBoolean() ? "ul" : "ol";
                    sb.append('<').append(list).append('>');
                    int items = 1 + r.nextInt(3);
                    for (int i = 0; i < items; i++) {
                        sb.append(r.nextInt(4) == 0 ? "\n" : "").append("<li>");
                        if (r.nextBoolean()) {
                            sb.append("<p>").append(words[r.nextInt(words.length)]).append("</p>");
                        } else {
                            build(sb, r, words, depth + 1);
                        }
                        sb.append("</li>");
                    }
                    sb.append("</").append(list).append('>');
                }
                default -> {
                    sb.append("<div>");
                    build(sb, r, words, depth + 1);
                    sb.append("</div>");
                }
            }
        }
    }
}
