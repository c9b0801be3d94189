package dev.jobintel.internal;

/**
 * How many terminal columns text takes: a table padded by {@code String.length()} goes out of
 * line at the first Japanese employer name (two columns a character), emoji in a title (two
 * columns, two UTF-16 units or more) or an accent written as a combining mark (none).
 *
 * <p>Wide ranges follow Unicode's East Asian Width (W and F) for the scripts and symbols that
 * postings carry; a terminal may draw a rare symbol otherwise, but never by more than a column.
 */
public final class TerminalWidth {

    /** Inclusive code point ranges drawn two columns wide, in ascending order. */
    private static final int[] WIDE = {
            0x1100, 0x115F,   // Hangul Jamo initial consonants
            0x231A, 0x231B,   // watch, hourglass
            0x2329, 0x232A,
            0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
            0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693,
            0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
            0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
            0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
            0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0,
            0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
            0x2E80, 0x303E,   // CJK radicals, punctuation
            0x3041, 0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
            0x3400, 0x4DBF,   // CJK extension A
            0x4E00, 0x9FFF,   // CJK unified ideographs
            0xA000, 0xA4CF,   // Yi
            0xA960, 0xA97F,   // Hangul Jamo extended A
            0xAC00, 0xD7A3,   // Hangul syllables
            0xF900, 0xFAFF,   // CJK compatibility ideographs
            0xFE10, 0xFE19, 0xFE30, 0xFE6F, // vertical forms, CJK compatibility forms, small forms
            0xFF00, 0xFF60,   // fullwidth forms
            0xFFE0, 0xFFE6,
            0x16FE0, 0x18CFF, // Tangut, Khitan
            0x1B000, 0x1B2FF, // Kana supplement, Nushu
            0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
            0x1F200, 0x1F251, // enclosed ideographic supplement
            0x1F300, 0x1F64F, // pictographs, emoticons
            0x1F680, 0x1F6FF, // transport and map symbols
            0x1F7E0, 0x1F7EB,
            0x1F90C, 0x1F9FF, // supplemental symbols and pictographs
            0x1FA70, 0x1FAFF, // symbols and pictographs extended A
            0x20000, 0x3FFFD, // CJK extensions B and later
    };

    private TerminalWidth() {
    }

    /** The columns {@code s} takes on a terminal. */
    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The columns one code point takes: none for a combining mark or a format character, two for a wide one. */
    static int of(int cp) {
        if (cp < 0x300) {
            return cp < 0x20 || cp >= 0x7F && cp < 0xA0 ? 0 : 1;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1160 && cp <= 0x11FF) { // variation selectors, Jamo vowels
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[2 * mid]) {
                hi = mid - 1;
            } else if (cp > WIDE[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
