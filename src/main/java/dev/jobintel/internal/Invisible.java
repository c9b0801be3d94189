package dev.jobintel.internal;

/**
 * Characters no reader should get: a control character (a terminal runs the ESC sequences of
 * text it prints) or an invisible format character (zero-width space, BOM, bidi overrides that
 * make text read otherwise than it is), except the zero-width joiner that emoji are built with.
 * White space is not among them: callers fold it as they need.
 */
public final class Invisible {

    private Invisible() {
    }

    public static boolean is(char c) {
        if (c >= ' ' && c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT && c != '\u200d';
    }

    /**
     * {@code s} without its invisible characters, line breaks and tabs kept: for text from outside
     * (a server's error body, an employer's name) printed as it is, several lines perhaps.
     */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c != '\n' && c != '\r' && c != '\t' && is(c);
            if (drop && kept == null) {
                kept = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!drop && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? s : kept.toString();
    }

    /**
     * True when {@code s} shows nothing: only spaces of any kind (no-break, figure, ideographic),
     * invisible characters, and the fillers that render as blank (Hangul fillers, the braille
     * blank). A title of nothing but those is no title. The usual text answers at its first character.
     */
    public static boolean blank(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean empty = Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
                    || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
            if (!empty) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
