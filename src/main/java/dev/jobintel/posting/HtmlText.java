package dev.jobintel.posting;

import dev.jobintel.internal.Invisible;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Posting descriptions as plain text. Sources send raw HTML (Workable, SmartRecruiters),
 * entity-escaped HTML (Greenhouse: {@code &lt;p&gt;}), even doubly escaped HTML (the Greenhouse
 * docs), or plain text. All become readable text with paragraph breaks kept as newlines, control
 * and zero-width characters removed, and runs of blank space collapsed.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
            "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl");

    private HtmlText() {
    }

    /** HTML, escaped HTML or text in; clean text out. Null gives "". */
    public static String toText(String input) {
        if (input == null || input.isEmpty()) {
            return "";
        }
        String html = input;
        // Escaped markup decodes to markup; twice for the doubly escaped documentation bodies.
        // Once it decodes to markup, the escapes left are its text ("&amp;lt;b&amp;gt;" written before the
        // first tag), not a second layer.
        for (int i = 0; i < 2 && looksEscaped(html); i++) {
            html = Parser.unescapeEntities(html, false);
            if (looksLikeMarkup(html)) {
                break;
            }
        }
        String text = looksLikeMarkup(html) ? markupToText(html) : Parser.unescapeEntities(html, false);
        return tidy(text);
    }

    private static boolean looksEscaped(String s) {
        int lt = s.indexOf("&lt;");
        int doubled = s.indexOf("&amp;lt;");
        if (lt < 0 || (doubled >= 0 && doubled < lt)) {
            lt = doubled;
        }
        if (lt < 0) {
            return false;
        }
        // Real tags present as well means the escapes are literal text inside HTML.
        int tag = s.indexOf('<');
        return tag < 0 || tag > lt;
    }

    private static boolean looksLikeMarkup(String s) {
        int i = s.indexOf('<');
        while (i >= 0 && i + 1 < s.length()) {
            char c = s.charAt(i + 1);
            if (Character.isLetter(c) || c == '/' || c == '!') {
                return true;
            }
            i = s.indexOf('<', i + 1);
        }
        return false;
    }

    private static String markupToText(String html) {
        String plain = SimpleHtml.text(html);
        return plain != null ? plain : viaJsoup(html);
    }

    /** The text of any markup, from jsoup's document of it. */
    static String viaJsoup(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder(html.length());
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    enter(out, BLOCKS.contains(e.normalName()), e.normalName().equals("li"));
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        });
        return out.toString();
    }

    /** The most whitespace between an item's "- " and its paragraph that is read as the markup's layout. */
    private static final int MARKUP_WHITESPACE = 80;

    /**
     * What entering an element writes (jsoup's walk and {@link SimpleHtml} alike): a line break
     * before a block, and "- " to open a list item. A paragraph inside a list item continues the
     * item's line ("- text", not "-\n\ntext"), also when the markup puts it on a line of its own
     * ({@code <li>\n  <p>text</p>}, as Lever's lists do): that line break and indent are no text.
     */
    static void enter(StringBuilder out, boolean block, boolean item) {
        int len = out.length();
        int end = len - 1;
        // Markup's indentation is short; a longer run of breaks (thousands of empty blocks) is no
        // item just opened, and scanning it at every element would take time quadratic in its length.
        int stop = Math.max(-1, len - 1 - MARKUP_WHITESPACE);
        while (end > stop && (out.charAt(end) == '\n' || out.charAt(end) == '\r' || out.charAt(end) == '\t'
                || out.charAt(end) == ' ')) {
            end--;
        }
        // "- " as enter wrote it: at the start of a line, nothing but markup whitespace after it.
        boolean itemJustOpened = end >= 0 && end + 1 < len && out.charAt(end) == '-' && out.charAt(end + 1) == ' '
                && (end == 0 || out.charAt(end - 1) == '\n');
        if (itemJustOpened && block) {
            out.setLength(end + 2);
        }
        if (block && !itemJustOpened) {
            out.append('\n');
        }
        if (item) {
            out.append("- ");
        }
    }

    /**
     * Drops control and invisible format characters (zero-width space, BOM, bidi controls are
     * kept out of the text a classifier sees), turns non-breaking spaces into spaces, collapses
     * spaces and keeps at most one blank line.
     */
    public static String tidy(String text) {
        int n = text.length();
        // One bulk copy, then plain array reads: charAt checks its index and the string's coder
        // on every character, and a description with one curly quote is UTF-16 throughout.
        char[] in = text.toCharArray();
        char[] out = new char[n];
        int len = 0;
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            // Printable ASCII, most of any description, needs no character-class lookups.
            boolean plain = c > ' ' && c < 0x7f;
            if (!plain) {
                if (c == '\n' || c == '\r') {
                    newlines++;
                    space = false;
                    continue;
                }
                if (c == '\t' || c == ' ' || c == '\u00a0' || Character.isSpaceChar(c)) {
                    space = true;
                    continue;
                }
                if (Invisible.is(c)) {
                    continue;
                }
                if (Invisible.isPairAt(text, i)) {
                    i++; // both halves of it
                    continue;
                }
                if (Character.isSurrogate(c) && !validSurrogate(text, i)) {
                    continue;
                }
            }
            if (newlines > 0) {
                if (len > 0) {
                    // At most two characters are added per character read, and "\n\n" needs two newlines read.
                    out[len++] = '\n';
                    if (newlines > 1) {
                        out[len++] = '\n';
                    }
                }
                newlines = 0;
            } else if (space && len > 0) {
                out[len++] = ' ';
            }
            space = false;
            out[len++] = c;
        }
        return new String(out, 0, len);
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
