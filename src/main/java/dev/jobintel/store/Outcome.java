package dev.jobintel.store;

/**
 * The decision for one pending posting, written by {@link Outcomes}. Exactly one per posting.
 *
 * <p>Each carries the content hash of the posting as it was decided: a decision is written only
 * while the posting still has that content. A fetch that lands new content for a posting being
 * decided (another process on PostgreSQL, or while its message batch ran) leaves it pending, to
 * be decided on what its board says now.
 */
public sealed interface Outcome {

    long postingId();

    /** The content hash the decision was made on. */
    String contentHash();

    /** Kept out on purpose by the gate. */
    record Filtered(long postingId, String contentHash, String reason, String detail) implements Outcome {
    }

    /** Classified: creates the job for its hash (or merges if another writer created it first). */
    record Enriched(long postingId, String contentHash, JobRecord job, long firstSeen, long lastSeen) implements Outcome {
    }

    /** A job with this hash exists (or is being created in this run): link, no classification. */
    record Merged(long postingId, String contentHash, String jobHash, long firstSeen, long lastSeen) implements Outcome {
    }

    /**
     * Not decided: the run stopped (the API refused the key, the budget ran out) before this
     * posting was classified. Nothing is written; it stays pending for the next run.
     */
    record Unchanged(long postingId, String contentHash, String why) implements Outcome {
    }

    /** Classification failed. */
    record Failed(long postingId, String contentHash, String reason, String message, boolean retryable, String rawOutput)
            implements Outcome {
    }
}
