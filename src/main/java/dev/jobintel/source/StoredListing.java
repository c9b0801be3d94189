package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * What the store holds of one board's postings whose content a board gives by a call of its own
 * beside the list (SmartRecruiters' detail): for each, the fingerprint of the list item that content
 * was read with. A fetch that finds a posting listed with that same fingerprint may keep the stored
 * content and skip the call (the posting is seen again all the same: see {@link BoardSink#acceptPartial}).
 * The store keeps a fingerprint only beside a description that is not empty, and drops it whenever
 * other content lands for the posting, so a fingerprint found here always names the stored text.
 */
@FunctionalInterface
public interface StoredListing {

    /** Nothing stored: every posting's content is read. */
    StoredListing NONE = id -> null;

    /**
     * The fingerprint of the list item the stored content of posting {@code id} was read with, or null
     * when there is none (not stored on this board, stored without a description, or its content came
     * from elsewhere, such as an import).
     */
    Long fingerprint(String id);

    static StoredListing of(Map<String, Long> fingerprints) {
        return fingerprints.isEmpty() ? NONE : fingerprints::get;
    }

    /**
     * The fingerprint of a list item: the first 64 bits of the SHA-256 of its JSON as served, every field
     * of it. Stable across processes and runs (it is stored), unlike {@link Hash64}, whose start is drawn per
     * process. Any change to the item, even in a field no parser reads, gives another fingerprint, so the
     * content is read again: when in doubt, the call is made.
     */
    static long fingerprint(JsonNode item) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(item.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }
}
