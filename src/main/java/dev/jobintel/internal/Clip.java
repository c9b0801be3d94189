package dev.jobintel.internal;

/**
 * Text shortened to one line of output: a posting's title or company can be a megabyte of
 * junk, and one line of a summary, a table cell or a prompt field must stay one short line.
 */
public final class Clip {

    private Clip() {
    }

    /**
     * {@code s} as one line of any length, as {@link #oneLine(String, int)} makes it; null stays
     * null, and a value already clean is returned as it is.
     */
    public static String line(String s) {
        if (s == null || clean(s)) {
            return s;
        }
        return oneLine(s, Integer.MAX_VALUE - 1);
    }

    /** Whether {@link #line} would return {@code s} unchanged: no leading, trailing, double or odd space, nothing invisible. */
    private static boolean clean(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (c < ' ' || c >= 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c) || Invisible.is(c)
                    || Invisible.isPairAt(s, i) || Invisible.isLoneSurrogateAt(s, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s} with every run of white space as one space, control and invisible characters
     * (and half of a surrogate pair alone) dropped ({@link Invisible}: text from a posting printed to a terminal must not
     * carry its escape sequences), stripped, and at most {@code max} characters, the last of them
     * "…" when it was cut; "" for null. Reads no further into {@code s} than the result needs, so
     * a huge value costs no more than a short one.
     */
    public static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < s.length() && out.length() <= max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (Invisible.isPairAt(s, i)) {
                i++; // both halves of it
            } else if (!Invisible.is(c) && !Invisible.isLoneSurrogateAt(s, i)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int cut = max - 1;
        if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--; // never half of an emoji
        }
        return out.substring(0, cut).stripTrailing() + "…";
    }
}
