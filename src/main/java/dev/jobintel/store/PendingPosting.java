package dev.jobintel.store;

import dev.jobintel.posting.Posting;

/**
 * A raw posting waiting for the gate and a classifier.
 *
 * @param contentHash the content as read: a decision is written only while the posting still has it
 */
public record PendingPosting(long id, Posting posting, String jobHash, String place, Long closedAt, long firstSeen, long lastSeen,
                             int attempts, String contentHash) {
}
