package dev.jobintel.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash fed value by value, for telling within one fetch whether an item or a posting
 * served again is the same as before. Java's own hashes are 32 bits of String hashes, where "Aa"
 * and "BB" already collide, so two different postings could pass as one. Texts are hashed as
 * their UTF-8 bytes (for ASCII a plain copy), eight at a time: a 3 KB description costs a quarter
 * of what String.hashCode does. UTF-8 tells apart any two well-formed texts; a lone surrogate is
 * written as '?', as it is for the content hash the ledger keeps, so the two agree on what is the
 * same. The start is drawn once per process: the mix is invertible one block at a time, so with a
 * known start a board could craft a second posting with the first's hash; with an unknown one it
 * cannot.
 */
final class Hash64 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M1 = 0xff51afd7ed558ccdL;
    private static final long M2 = 0xc4ceb9fe1a85ec53L;
    private static final long KEY = new java.security.SecureRandom().nextLong();

    private long h = KEY;

    /** A text with its length first, so that boundaries count ("ab" + "c" is not "a" + "bc"); null apart from "". */
    Hash64 text(String s) {
        if (s == null) {
            return number(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        number(b.length);
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            number((long) LONGS.get(b, i));
        }
        long tail = 0;
        for (int k = 0; i < b.length; i++, k += 8) {
            tail |= (b[i] & 0xffL) << k;
        }
        return number(tail);
    }

    Hash64 number(long v) {
        h = Long.rotateLeft(h ^ (v * M1), 29) * M2;
        return this;
    }

    /** The hash of everything fed so far. */
    long value() {
        long x = h;
        x ^= x >>> 33;
        x *= M1;
        return x ^ (x >>> 33);
    }
}
