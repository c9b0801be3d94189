package dev.jobintel.posting;

import java.util.List;

/**
 * An ordered list of phrases, asked which is the first found in a text. A phrase can only be
 * found if the text has one of the words its first requirement names (see {@link Phrase}), so
 * the text's own words pick the candidates: for a short text such as a title, a handful of
 * lookups replace a guard check for every phrase of the taxonomy. Phrases with an alternative
 * that needs no known word are always candidates.
 */
public final class PhraseSet {

    private final List<Phrase> phrases;
    /** Bitset of the phrases that are always candidates. */
    private final long[] always;
    /** Open addressing: word hash to the bitset of phrases that word makes candidates. */
    private final long[] keys;
    private final long[][] sets;
    private final int mask;

    public PhraseSet(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        int words = (phrases.size() + 63) / 64;
        this.always = new long[words];
        int distinct = 0;
        for (Phrase p : phrases) {
            for (long[] req : p.firstRequirements()) {
                distinct += req.length;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, distinct * 2)) << 1;
        this.keys = new long[capacity];
        this.sets = new long[capacity][];
        this.mask = capacity - 1;
        for (int i = 0; i < phrases.size(); i++) {
            for (long[] req : phrases.get(i).firstRequirements()) {
                if (req.length == 0) {
                    always[i >> 6] |= 1L << i;
                }
                for (long h : req) {
                    long[] set = slotFor(h, words);
                    set[i >> 6] |= 1L << i;
                }
            }
        }
    }

    public int size() {
        return phrases.size();
    }

    /** The index of the first phrase found in {@code text}, or -1. */
    public int firstFound(LowerText text) {
        long[] candidates = always.clone();
        text.forEachWord(h -> {
            long[] set = lookup(h);
            if (set != null) {
                for (int w = 0; w < candidates.length; w++) {
                    candidates[w] |= set[w];
                }
            }
        });
        for (int w = 0; w < candidates.length; w++) {
            long bits = candidates[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (phrases.get(i).foundIn(text)) {
                    return i;
                }
                bits &= bits - 1;
            }
        }
        return -1;
    }

    private long[] slotFor(long h, int words) {
        int slot = slot(h);
        while (sets[slot] != null && keys[slot] != h) {
            slot = (slot + 1) & mask;
        }
        if (sets[slot] == null) {
            keys[slot] = h;
            sets[slot] = new long[words];
        }
        return sets[slot];
    }

    private long[] lookup(long h) {
        for (int slot = slot(h); sets[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == h) {
                return sets[slot];
            }
        }
        return null;
    }

    private int slot(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return (int) (h ^ (h >>> 33)) & mask;
    }
}
