package dev.jobintel.store;

import dev.jobintel.posting.Posting;

/**
 * A raw posting waiting for the gate and a classifier.
 *
 * @param joinedJobAt when it first became part of a job, or null if it never was: a posting put
 *                    back to pending keeps it
 * @param contentHash the content as read: a decision is written only while the posting still has it
 */
public record PendingPosting(long id, Posting posting, String jobHash, String place, Long closedAt, Long joinedJobAt,
                             long firstSeen, long lastSeen, int attempts, String contentHash) {

    /**
     * Whether the gate filters it as closed: it left its board before it was ever classified. One
     * that was part of a job and is decided again (its job was removed, its place moved) is not:
     * it still counts in a job.
     */
    public boolean closedBeforeClassified() {
        return closedAt != null && joinedJobAt == null;
    }
}
