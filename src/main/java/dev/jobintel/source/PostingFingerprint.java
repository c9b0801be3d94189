package dev.jobintel.source;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;

import java.util.Map;
import java.util.TreeMap;

/**
 * A 64-bit hash of everything a posting says, for telling within one fetch whether a repeated
 * id brings the same posting again. A record's own hashCode is 32 bits of String hashes, where
 * "Aa" and "BB" already collide: two different postings under one id could pass as one, and the
 * second overwrite the first with no {@code repeated_id}. Two lanes of FNV-1a over alternate
 * characters, so a 3 KB description costs about half what String.hashCode does.
 */
final class PostingFingerprint {

    private static final long PRIME = 0x100000001b3L;

    private long a = 0xcbf29ce484222325L;
    private long b = 0x84222325cbf29ce4L;

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
        long x = f.a * 0x9e3779b97f4a7c15L ^ f.b;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        return x ^ (x >>> 33);
    }

    /** A string with its length first, so that field boundaries count ("ab" + "c" is not "a" + "bc"); null apart from "". */
    private PostingFingerprint text(String s) {
        if (s == null) {
            return number(-1);
        }
        int n = s.length();
        number(n);
        int i = 0;
        for (; i + 1 < n; i += 2) {
            a = (a ^ s.charAt(i)) * PRIME;
            b = (b ^ s.charAt(i + 1)) * PRIME;
        }
        if (i < n) {
            a = (a ^ s.charAt(i)) * PRIME;
        }
        return this;
    }

    private PostingFingerprint amount(Double d) {
        return number(d == null ? Long.MIN_VALUE : Double.doubleToLongBits(d));
    }

    private PostingFingerprint number(long v) {
        a = (a ^ v) * PRIME;
        b = (b ^ (v >>> 32)) * PRIME;
        return this;
    }
}
