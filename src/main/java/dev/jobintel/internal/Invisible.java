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
     * Whether the two chars at {@code i} of {@code s} are one invisible character beyond the Basic
     * Multilingual Plane, which {@link #is(char)} cannot see (it is given half of one): a format
     * character, as the tag characters U+E0000..U+E007F that spell out text no reader sees but a
     * model reads ("ASCII smuggling"). The tags of an emoji tag sequence (the flags of England,
     * Scotland and Wales: U+1F3F4 and its tags) are kept, as the emoji joiner is. Answers false at
     * once for anything but a high surrogate.
     */
    public static boolean isPairAt(CharSequence s, int i) {
        if (!Character.isHighSurrogate(s.charAt(i)) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
            return false;
        }
        int cp = Character.toCodePoint(s.charAt(i), s.charAt(i + 1));
        return Character.getType(cp) == Character.FORMAT && !(isTag(cp) && afterFlag(s, i));
    }

    /**
     * Whether the char at {@code i} of {@code s} is half of a surrogate pair standing alone (an emoji cut in
     * two by a producer counting UTF-16 units): no character at all, which UTF-8 writes as '?'.
     */
    public static boolean isLoneSurrogateAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    /** A black flag (U+1F3F4) before {@code i}, with at most a flag's worth of tags between: never a long scan back. */
    private static boolean afterFlag(CharSequence s, int i) {
        for (int tags = 0; tags <= 8 && i >= 2; tags++, i -= 2) {
            char hi = s.charAt(i - 2);
            char lo = s.charAt(i - 1);
            if (!Character.isHighSurrogate(hi) || !Character.isLowSurrogate(lo)) {
                return false;
            }
            int prev = Character.toCodePoint(hi, lo);
            if (prev == 0x1F3F4) {
                return true;
            }
            if (!isTag(prev)) {
                return false;
            }
        }
        return false;
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
            boolean pair = isPairAt(s, i);
            boolean drop = pair || c != '\n' && c != '\r' && c != '\t' && is(c);
            if (drop && kept == null) {
                kept = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!drop && kept != null) {
                kept.append(c);
            }
            if (pair) {
                i++; // its low surrogate
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
