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
     */
    Classification classify(Prepared posting);
}
