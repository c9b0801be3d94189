package dev.jobintel.source;

/** Opens one {@link BoardSink} per board a source fetches. Safe to call from several threads. */
public interface FetchSink {

    /**
     * @param authoritative whether the board lists all its open postings (an ATS board), so a
     *                      posting absent from a complete fetch has left it; false for files and
     *                      searches
     */
    BoardSink board(String source, String board, boolean authoritative);

    /**
     * As {@link #board(String, String, boolean)}, for a board fetched at {@code address}: the API root its
     * URLs start with (the base URL, or the EU instance's), which its health record remembers.
     */
    default BoardSink board(String source, String board, boolean authoritative, String address) {
        return board(source, board, authoritative);
    }

    /** Whether the board may be fetched now, or is backed off after repeated failures. */
    default boolean mayFetch(String source, String board) {
        return true;
    }

    /**
     * Whether the board, now at {@code address}, may be fetched now: not while backed off after repeated
     * failures at that address (failures at an address the configuration no longer names hold nothing off).
     */
    default boolean mayFetch(String source, String board, String address) {
        return mayFetch(source, board);
    }
}
