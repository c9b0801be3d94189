package dev.jobintel.posting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A text lower-cased and with its white space folded once, with an index of its words, so that
 * many phrase checks over one description cost a few lookups each instead of a regex scan each
 * (see {@link Phrase}). The index holds 64-bit hashes of the words: no word is allocated, and a
 * rare hash collision only means a regex runs that need not have.
 */
public final class LowerText {

    private String text;
    private long[] table;
    private int mask;
    private int distinct;

    private LowerText(String text) {
        this.text = text;
    }

    /** The text lower-cased with every run of white space (line breaks included) as one space. */
    public static LowerText of(String text) {
        if (text == null || text.isEmpty()) {
            return new LowerText("");
        }
        // Its UTF-8 is as long as the text exactly when every character is ASCII (as in nearly every
        // description): then it is folded and indexed in place as bytes, a copy the JDK makes in
        // bulk, with no char[] going in, none coming out and no list of words between.
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        LowerText t = b.length == text.length() ? ascii(b, text) : null;
        return t != null ? t : unicode(text);
    }

    /**
     * The text, every character of which is ASCII or a lone surrogate (UTF-8 writes one as '?',
     * one byte too): null at the first such surrogate, which the char path keeps as it is.
     */
    private static LowerText ascii(byte[] b, String text) {
        LowerText t = new LowerText(null);
        t.newTable(b.length);
        int len = 0;
        boolean space = false;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c == '?' && text.charAt(i) != '?') {
                return null;
            }
            if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) {
                space = true;
                if (inWord) {
                    t.add(h == 0 ? 1 : h);
                    inWord = false;
                }
                continue;
            }
            if (space && len > 0) {
                b[len++] = ' ';
            }
            space = false;
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            b[len++] = (byte) lower;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                h = ((inWord ? h : FNV_OFFSET) ^ lower) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                t.add(h == 0 ? 1 : h);
                inWord = false;
            }
        }
        if (inWord) {
            t.add(h == 0 ? 1 : h);
        }
        t.text = new String(b, 0, len, StandardCharsets.ISO_8859_1);
        return t;
    }

    /** Text with characters beyond ASCII: folded char by char, lower-cased by String.toLowerCase. */
    private static LowerText unicode(String text) {
        int n = text.length();
        char[] in = text.toCharArray(); // array reads, not charAt's checks per character (see HtmlText.tidy)
        char[] out = new char[n];
        int len = 0;
        boolean space = false;
        boolean ascii = true;
        // ASCII text (nearly all) gets its word index in the same pass: the hashes of its words.
        long[] words = new long[n / 2 + 1];
        int count = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (Chars.isWhitespace(c) || c == '\u00a0') {
                space = true;
                if (inWord) {
                    words[count++] = h == 0 ? 1 : h;
                    inWord = false;
                }
            } else {
                if (space && len > 0) {
                    out[len++] = ' ';
                }
                space = false;
                // Non-ASCII is left for String.toLowerCase below, which knows "İ" lowers to two chars.
                ascii &= c < 0x80;
                char lower = c < 0x80 ? Chars.toLowerCase(c) : c;
                out[len++] = lower;
                if (Chars.isLetterOrDigit(lower)) {
                    h = ((inWord ? h : FNV_OFFSET) ^ lower) * FNV_PRIME;
                    inWord = true;
                } else if (inWord) {
                    words[count++] = h == 0 ? 1 : h;
                    inWord = false;
                }
            }
        }
        if (inWord) {
            words[count++] = h == 0 ? 1 : h;
        }
        String folded = new String(out, 0, len);
        if (!ascii) {
            return new LowerText(folded.toLowerCase(Locale.ROOT)); // indexed on first use
        }
        LowerText t = new LowerText(folded);
        t.newTable(folded.length());
        for (int k = 0; k < count; k++) {
            t.add(words[k]);
        }
        return t;
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

    /** Calls {@code each} with the hash of every distinct word of the text. */
    public void forEachWord(java.util.function.LongConsumer each) {
        if (table == null) {
            index();
        }
        for (long h : table) {
            if (h != 0) {
                each.accept(h);
            }
        }
    }

    private void index() {
        newTable(text.length());
        String s = text;
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Chars.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                add(hash(s, start, i));
                start = -1;
            }
        }
    }

    private void newTable(int textLength) {
        // A description has far fewer distinct words than characters: start small (kept at most
        // half full, so a probe is short) and grow when needed.
        table = new long[Integer.highestOneBit(Math.max(32, textLength / 8)) << 1];
        mask = table.length - 1;
        distinct = 0;
    }

    private void add(long h) {
        if (insert(h) && ++distinct * 2 > table.length) {
            grow();
        }
    }

    /** Adds a word's hash; false when it was there already. */
    private boolean insert(long h) {
        int slot = (int) mix(h) & mask;
        while (table[slot] != 0) {
            if (table[slot] == h) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = h;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        for (long h : old) {
            if (h != 0) {
                insert(h);
            }
        }
    }

    /** FNV-1a over the characters, never 0 (0 marks an empty slot). */
    private static long hash(String s, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h == 0 ? 1 : h;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
