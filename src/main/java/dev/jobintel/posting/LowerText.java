package dev.jobintel.posting;

import java.util.Locale;

/**
 * A text lower-cased and with its white space folded once, with an index of its words, so that
 * many phrase checks over one description cost a few lookups each instead of a regex scan each
 * (see {@link Phrase}). The index holds 64-bit hashes of the words: no word is allocated, and a
 * rare hash collision only means a regex runs that need not have.
 */
public final class LowerText {

    private final String text;
    private long[] table;
    private int mask;

    private LowerText(String text) {
        this.text = text;
    }

    /** The text lower-cased with every run of white space (line breaks included) as one space. */
    public static LowerText of(String text) {
        if (text == null || text.isEmpty()) {
            return new LowerText("");
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return new LowerText(sb.toString().toLowerCase(Locale.ROOT));
    }

    /** The lower-cased text. */
    public String text() {
        return text;
    }

    /** Whether the text contains {@code word} (lower case, letters and digits) as a whole word. */
    public boolean hasWord(String word) {
        return hasWord(wordHash(word));
    }

    /** The hash {@link #hasWord(long)} looks up, computed once per word by callers that ask often. */
    public static long wordHash(String word) {
        return hash(word, 0, word.length());
    }

    /** Whether the text contains the word whose {@link #wordHash(String)} is {@code h}. */
    public boolean hasWord(long h) {
        if (table == null) {
            index();
        }
        int slot = (int) mix(h) & mask;
        while (table[slot] != 0) {
            if (table[slot] == h) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private void index() {
        int capacity = Integer.highestOneBit(Math.max(64, text.length() / 2)) << 1;
        table = new long[capacity];
        mask = capacity - 1;
        String s = text;
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                long h = hash(s, start, i);
                int slot = (int) mix(h) & mask;
                while (table[slot] != 0 && table[slot] != h) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = h;
                start = -1;
            }
        }
    }

    /** FNV-1a over the characters, never 0 (0 marks an empty slot). */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
