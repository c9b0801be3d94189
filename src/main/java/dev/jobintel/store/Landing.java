package dev.jobintel.store;

import dev.jobintel.posting.Posting;

/**
 * A posting ready to land in raw_postings, with the identity facts computed once.
 *
 * @param hintsJson   the posting's hints as JSON, or null when it has none
 * @param contentHash changes whenever anything the classifier reads changes
 * @param jobHash     the job identity (see {@link dev.jobintel.posting.JobHash})
 * @param place       the place part of the job identity
 * @param partial     read without part of its content (a detail call failed): landed if new, while
 *                    a posting stored under its id keeps its content and is only seen again
 * @param listing     the fingerprint of the list item the content was read with, stored beside it (see
 *                    {@link dev.jobintel.source.StoredListing}); null for content read any other way
 */
public record Landing(Posting posting, String hintsJson, String contentHash, String jobHash, String place,
                      boolean partial, Long listing) {

    public Landing(Posting posting, String hintsJson, String contentHash, String jobHash, String place) {
        this(posting, hintsJson, contentHash, jobHash, place, false, null);
    }

    public Landing(Posting posting, String hintsJson, String contentHash, String jobHash, String place,
                   boolean partial) {
        this(posting, hintsJson, contentHash, jobHash, place, partial, null);
    }

    /** Partial content names no list item's: a stored fingerprint is kept, none is written. */
    public Landing asPartial() {
        return new Landing(posting, hintsJson, contentHash, jobHash, place, true, null);
    }

    /**
     * Read in full from a list item whose fingerprint is {@code fingerprint}: kept only beside a description
     * that is not empty (an empty one is read again on the next fetch, in case it was a passing fault).
     */
    public Landing withListing(long fingerprint) {
        boolean described = posting.description() != null && !posting.description().isEmpty();
        return new Landing(posting, hintsJson, contentHash, jobHash, place, partial, partial || !described ? null : fingerprint);
    }
}
