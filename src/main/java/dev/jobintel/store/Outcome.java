package dev.jobintel.store;

/**
 * The decision for one pending posting, written by {@link Outcomes}. Exactly one per posting.
 */
public sealed interface Outcome {

    long postingId();

    /** Kept out on purpose by the gate. */
    record Filtered(long postingId, String reason, String detail) implements Outcome {
    }

    /** Classified: creates the job for its hash (or merges if another writer created it first). */
    record Enriched(long postingId, JobRecord job, long firstSeen, long lastSeen) implements Outcome {
    }

    /** A job with this hash exists (or is being created in this run): link, no classification. */
    record Merged(long postingId, String jobHash, long firstSeen, long lastSeen) implements Outcome {
    }

    /**
     * Not decided: the run stopped (the API refused the key, the budget ran out) before this
     * posting was classified. Nothing is written; it stays pending for the next run.
     */
    record Unchanged(long postingId, String why) implements Outcome {
    }

    /** Classification failed. */
    record Failed(long postingId, String reason, String message, boolean retryable, String rawOutput)
            implements Outcome {
    }
}
