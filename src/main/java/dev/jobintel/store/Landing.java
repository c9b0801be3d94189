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
 */
public record Landing(Posting posting, String hintsJson, String contentHash, String jobHash, String place,
                      boolean partial) {

    public Landing(Posting posting, String hintsJson, String contentHash, String jobHash, String place) {
        this(posting, hintsJson, contentHash, jobHash, place, false);
    }

    public Landing asPartial() {
        return new Landing(posting, hintsJson, contentHash, jobHash, place, true);
    }
}
