package dev.jobintel.source;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 64-bit hash of everything a posting says, for telling within one fetch whether a repeated
 * id brings the same posting again. A record's own hashCode is 32 bits of String hashes, where
 * "Aa" and "BB" already collide: two different postings under one id could pass as one, and the
 * second overwrite the first with no {@code repeated_id}. Each text is hashed as its UTF-8 bytes
 * (for ASCII a plain copy), eight at a time: a 3 KB description costs a quarter of what
 * String.hashCode does. UTF-8 tells apart any two well-formed texts; a lone surrogate is written
 * as '?', as it is for the content hash the ledger keeps, so the two agree on what is the same.
 */
final class PostingFingerprint {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M1 = 0xff51afd7ed558ccdL;
    private static final long M2 = 0xc4ceb9fe1a85ec53L;

    /**
     * Drawn once per process: the mix is invertible one block at a time, so with a known start a
     * board could craft a second posting with the first's fingerprint; with an unknown one it cannot.
     */
    private static final long KEY = new java.security.SecureRandom().nextLong();

    private long h = KEY;

    private PostingFingerprint() {
    }

    static long of(Posting p) {
        PostingFingerprint f = new PostingFingerprint();
        f.text(p.title()).text(p.company()).text(p.url()).text(p.locationText()).text(p.description());
        f.number(p.postedAt() == null ? Long.MIN_VALUE : p.postedAt().toEpochMilli());
        Hints h = p.hints();
        Salary s = h.salary();
        if (s == null) {
            f.number(0);
        } else {
            f.number(1).amount(s.min()).amount(s.max()).text(s.currency()).text(s.period() == null ? null : s.period().name());
        }
        f.text(h.workplace()).number(h.remote() == null ? 2 : h.remote() ? 1 : 0).text(h.employmentType())
                .text(h.department()).text(h.experienceLevel());
        f.number(h.countries().size());
        for (String c : h.countries()) {
            f.text(c);
        }
        f.number(h.extra().size());
        // Sorted: two equal maps need not iterate in one order.
        for (Map.Entry<String, String> e : (h.extra().size() < 2 ? h.extra() : new TreeMap<>(h.extra())).entrySet()) {
            f.text(e.getKey()).text(e.getValue());
        }
        long x = f.h;
        x ^= x >>> 33;
        x *= M1;
        return x ^ (x >>> 33);
    }

    /** A string with its length first, so that field boundaries count ("ab" + "c" is not "a" + "bc"); null apart from "". */
    private PostingFingerprint text(String s) {
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

    private PostingFingerprint amount(Double d) {
        return number(d == null ? Long.MIN_VALUE : Double.doubleToLongBits(d));
    }

    private PostingFingerprint number(long v) {
        h = Long.rotateLeft(h ^ (v * M1), 29) * M2;
        return this;
    }
}
