package dev.jobintel.posting;

/**
 * Character tests with a fast path for ASCII, which is nearly all of a description. The
 * Character methods they stand for look up Unicode tables for every character; these answer
 * the same for every char.
 */
public final class Chars {

    private Chars() {
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return (char) ((c | 0x20) - 'a') < 26 || (char) (c - '0') < 10;
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        if (c < 0x80) {
            return (char) ((c | 0x20) - 'a') < 26;
        }
        return Character.isLetter(c);
    }

    /** {@link Character#isWhitespace(char)}. */
    public static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        return Character.isWhitespace(c);
    }

    /** {@link Character#toLowerCase(char)}. */
    public static char toLowerCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
