package dev.jobintel.posting;

/**
 * The text of markup that is plain enough to read without building a document: well-formed
 * paragraphs, lists, line breaks and inline emphasis, no attributes, a few entities. It gives
 * exactly what {@link HtmlText}'s walk of jsoup's document gives for such markup, and null for
 * anything else (an attribute, a comment, a tag it does not know, a tag left open, nesting that
 * HTML's parser would rearrange), which jsoup then reads. Descriptions are mostly such markup,
 * and building a jsoup document for each was a tenth of a bulk import's time.
 */
final class SimpleHtml {

    /** The tags it reads; the first twelve break lines as {@link HtmlText}'s BLOCKS do, the rest are inline. */
    private static final String[] NAMES = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "strong", "b", "em", "i", "u", "span"};
    private static final int FIRST_INLINE = 12;
    private static final int P = 0;
    private static final int BR = 2;
    private static final int LI = 3;
    private static final int UL = 4;
    private static final int OL = 5;
    private static final int H1 = 6;
    private static final int H6 = 11;
    /** Each name as the lower-case characters packed into a long, for matching a tag with no string made. */
    private static final long[] KEYS = new long[NAMES.length];
    private static final int MAX_DEPTH = 32;

    static {
        for (int k = 0; k < NAMES.length; k++) {
            long key = 0;
            for (char c : NAMES[k].toCharArray()) {
                key = key << 8 | c;
            }
            KEYS[k] = key;
        }
    }

    private SimpleHtml() {
    }

    /** The text, with the line breaks {@link HtmlText} puts around blocks; null when the markup is not plain. */
    static String text(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int[] open = new int[MAX_DEPTH];
        int depth = 0;
        int n = html.length();
        int i = 0;
        while (i < n) {
            int run = i;
            char c = 0;
            while (i < n) {
                c = html.charAt(i);
                if (c == '<' || c == '&' || c == '>' || c < ' ' && c != '\n' && c != '\t' || c == '\uFFFF') {
                    break;
                }
                i++;
            }
            out.append(html, run, i);
            if (i == n) {
                break;
            }
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                if (end < 0) {
                    return null;
                }
                boolean closing = html.charAt(i + 1) == '/';
                int from = closing ? i + 2 : i + 1;
                int to = end;
                boolean selfClosing = false;
                if (!closing && to > from && html.charAt(to - 1) == '/') {
                    selfClosing = true;
                    to = to > from + 1 && html.charAt(to - 2) == ' ' ? to - 2 : to - 1;
                }
                int tag = tag(html, from, to);
                if (tag < 0) {
                    return null;
                }
                if (tag == BR) {
                    if (closing) {
                        return null;
                    }
                    enter(out, tag);
                    out.append('\n');
                } else if (selfClosing) {
                    return null;
                } else if (closing) {
                    if (depth == 0 || open[depth - 1] != tag) {
                        return null;
                    }
                    depth--;
                    if (tag < FIRST_INLINE) {
                        out.append('\n');
                    }
                } else {
                    if (depth == MAX_DEPTH || !mayOpen(tag, open, depth)) {
                        return null;
                    }
                    open[depth++] = tag;
                    enter(out, tag);
                }
                i = end + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i + 1);
                char decoded = semi < 0 || semi - i > 8 ? 0 : entity(html, i + 1, semi);
                if (decoded != 0) {
                    out.append(decoded);
                    i = semi + 1;
                } else if (i + 1 < n && html.charAt(i + 1) == ' ') {
                    out.append('&'); // "R & D": a lone ampersand is text
                    i++;
                } else {
                    return null;
                }
            } else {
                // A carriage return or a control character jsoup may turn into something else; a stray '>';
                // U+FFFF, which jsoup's reader takes for the end of its input.
                return null;
            }
        }
        return depth == 0 ? out.toString() : null;
    }

    /** The index in {@link #NAMES} of the tag named in {@code html[from, to)}, in any case; -1 for any other. */
    private static int tag(String html, int from, int to) {
        if (to <= from || to - from > 6) {
            return -1;
        }
        long key = 0;
        for (int k = from; k < to; k++) {
            char c = html.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return -1;
            }
            key = key << 8 | c;
        }
        for (int t = 0; t < KEYS.length; t++) {
            if (KEYS[t] == key) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Whether {@code tag} can open here with the document left as written: no block inside a
     * paragraph, a heading or inline emphasis; list items only, and only, directly in a list.
     */
    private static boolean mayOpen(int tag, int[] open, int depth) {
        if (tag < FIRST_INLINE) {
            for (int k = 0; k < depth; k++) {
                int outer = open[k];
                if (outer >= FIRST_INLINE || outer == P || outer >= H1 && outer <= H6) {
                    return false;
                }
            }
        }
        boolean inList = depth > 0 && (open[depth - 1] == UL || open[depth - 1] == OL);
        return tag == LI ? inList : !inList;
    }

    /** As {@link HtmlText}'s walk enters an element. */
    private static void enter(StringBuilder out, int tag) {
        HtmlText.enter(out, tag < FIRST_INLINE, tag == LI);
    }

    /** The character an entity in {@code html[from, to)} stands for, among the few plain markup uses; 0 for any other. */
    private static char entity(String html, int from, int to) {
        int len = to - from;
        if (len == 3 && html.startsWith("amp", from)) {
            return '&';
        }
        if (len == 2 && html.startsWith("lt", from)) {
            return '<';
        }
        if (len == 2 && html.startsWith("gt", from)) {
            return '>';
        }
        if (len == 4 && html.startsWith("quot", from)) {
            return '"';
        }
        if (len == 4 && html.startsWith("apos", from) || len == 3 && html.startsWith("#39", from)) {
            return '\'';
        }
        if (len == 4 && html.startsWith("nbsp", from)) {
            return '\u00a0';
        }
        return 0;
    }
}
