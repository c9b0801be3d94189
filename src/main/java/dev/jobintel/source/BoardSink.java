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

    void reject(Rejects.Reject reject);

    /**
     * @param complete   true when the whole board was read (liveness may close absent postings)
     * @param httpStatus last HTTP status, or null for files
     * @param error      what went wrong, or null
     */
    void finish(boolean complete, Integer httpStatus, String error);

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
