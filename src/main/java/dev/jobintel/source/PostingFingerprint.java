package dev.jobintel.source;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;

import java.util.Map;

/**
 * A 64-bit hash of everything a posting says (see {@link Hash64}), for telling within one fetch
 * whether a repeated id brings the same posting again: a record's own hashCode is 32 bits of
 * String hashes, so two different postings under one id could pass as one, and the second
 * overwrite the first with no {@code repeated_id}.
 */
final class PostingFingerprint {

    private PostingFingerprint() {
    }

    static long of(Posting p) {
        Hash64 f = new Hash64();
        f.text(p.title()).text(p.company()).text(p.url()).text(p.locationText()).text(p.description());
        f.number(p.postedAt() == null ? Long.MIN_VALUE : p.postedAt().toEpochMilli());
        Hints h = p.hints();
        Salary s = h.salary();
        if (s == null) {
            f.number(0);
        } else {
            f.number(1).number(amount(s.min())).number(amount(s.max())).text(s.currency())
                    .text(s.period() == null ? null : s.period().name());
        }
        f.text(h.workplace()).number(h.remote() == null ? 2 : h.remote() ? 1 : 0).text(h.employmentType())
                .text(h.department()).text(h.experienceLevel());
        f.number(h.countries().size());
        for (String c : h.countries()) {
            f.text(c);
        }
        f.number(h.extra().size());
        for (Map.Entry<String, String> e : h.extra().entrySet()) { // in key order (see Hints)
            f.text(e.getKey()).text(e.getValue());
        }
        return f.value();
    }

    private static long amount(Double d) {
        return d == null ? Long.MIN_VALUE : Double.doubleToLongBits(d);
    }
}
