package dev.jobintel.source;

/** Opens one {@link BoardSink} per board a source fetches. Safe to call from several threads. */
public interface FetchSink {

    /**
     * @param authoritative whether the board lists all its open postings (an ATS board), so a
     *                      posting absent from a complete fetch has left it; false for files and
     *                      searches
     */
    BoardSink board(String source, String board, boolean authoritative);

    /** Whether the board may be fetched now, or is backed off after repeated failures. */
    default boolean mayFetch(String source, String board) {
        return true;
    }
}
