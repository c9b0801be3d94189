package dev.jobintel.store;

/**
 * What landing a batch did.
 *
 * @param fresh     postings never seen before (new raw rows, outcome pending)
 * @param updated   re-seen postings whose content changed
 * @param unchanged re-seen postings with the same content (only last_seen moved)
 * @param requeued  changed postings sent back to pending because what they were decided on changed
 */
public record LandCounts(int fresh, int updated, int unchanged, int requeued) {

    public static final LandCounts ZERO = new LandCounts(0, 0, 0, 0);

    public int seen() {
        return fresh + updated + unchanged;
    }

    public LandCounts plus(LandCounts o) {
        return new LandCounts(fresh + o.fresh, updated + o.updated, unchanged + o.unchanged, requeued + o.requeued);
    }
}
