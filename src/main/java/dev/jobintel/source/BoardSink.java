package dev.jobintel.source;

import dev.jobintel.posting.Posting;
import dev.jobintel.store.Rejects;

/**
 * Receives what one board (or imported file) yields: postings, and rejects for what could not
 * become a posting. {@link #finish} is called exactly once.
 */
public interface BoardSink {

    void accept(Posting posting);

    /**
     * A posting read without part of its content (its detail call failed): landed as it is if
     * new, while a posting already stored under its id keeps its stored text and is only seen again.
     */
    default void acceptPartial(Posting posting) {
        accept(posting);
    }

    /**
     * A posting read in full from a list item whose fingerprint is {@code listing} (see {@link StoredListing}),
     * its content from a call of its own: landed as {@link #accept} does, and stored with the fingerprint, so
     * that a later fetch that finds the same list item may keep the stored content and skip the call.
     */
    default void acceptListed(Posting posting, long listing) {
        accept(posting);
    }

    /**
     * The fingerprints of this board's stored postings, read once (one query) when asked: see
     * {@link StoredListing}. None by default, so a sink that keeps nothing has every posting read in full.
     */
    default StoredListing stored() {
        return StoredListing.NONE;
    }

    void reject(Rejects.Reject reject);

    /**
     * @param complete   true when the whole board was read (liveness may close absent postings)
     * @param httpStatus last HTTP status, or null for files
     * @param error      what went wrong, or null
     */
    void finish(boolean complete, Integer httpStatus, String error);

    /**
     * Ends a fetch that read the board's listing whole while the content of some postings could not be
     * had (their detail calls failed; they came by {@link #acceptPartial}): the listing, not the details,
     * says which postings the board has, so liveness may close the ones absent from it, as after a
     * complete fetch; the fetch is still recorded as partial with {@code error}, which says what failed.
     * A sink that cannot tell the two apart treats it as incomplete, which closes nothing.
     */
    default void finishListed(Integer httpStatus, String error) {
        finish(false, httpStatus, error);
    }

    /**
     * Ends a fetch that stopped at a configured limit (Adzuna's max_results): incomplete, so it
     * closes nothing, but not a failure, so the board is not backed off. {@code note} says what
     * was left out.
     */
    default void finishLimited(Integer httpStatus, String note) {
        finish(false, httpStatus, note);
    }

    /**
     * Ends a fetch that the source refused for the user's credentials (missing, or a key the API
     * answers 401/403 to): a failure, but of the configuration, not of the board, so it does not
     * count toward the board's back-off; once the credentials are fixed the board is fetched at once.
     */
    default void finishRefused(Integer httpStatus, String error) {
        finish(false, httpStatus, error);
    }

    /**
     * Ends a fetch that could not connect to the source at all (refused, unknown host, no route): a failure, but
     * of the network or the API, every board on the host failing alike, so it does not count toward the board's
     * back-off; a machine offline for a few scheduled runs would otherwise leave every board skipped for hours.
     */
    default void finishUnreachable(String error) {
        finish(false, null, error);
    }
}
