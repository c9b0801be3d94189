package dev.jobintel.classify;

import dev.jobintel.posting.Prepared;

/**
 * Turns one posting into a {@link Classification}. Implementations must be safe to call from
 * several threads at once.
 */
public interface Classifier {

    /** "rules", "claude"… stored with every classification. */
    String name();

    /**
     * @throws ClassificationFailure when no valid classification can be produced; the posting is
     *                               then recorded as failed with the failure's reason
     * @throws RunStop               when no posting can be classified until a person acts; the
     *                               posting stays pending and the run ends
     */
    Classification classify(Prepared posting);

    /** As {@link #classify(Prepared)}, for the stored posting {@code postingId} (named in cost records). */
    default Classification classify(Prepared posting, long postingId) {
        return classify(posting);
    }

    /**
     * True when each classification waits on the network: the pipeline then keeps many in
     * flight, one posting per task, instead of a few CPU-sized chunks.
     */
    default boolean remote() {
        return false;
    }
}
