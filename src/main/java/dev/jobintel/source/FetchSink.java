package dev.jobintel.source;

/** Opens one {@link BoardSink} per board a source fetches. */
public interface FetchSink {

    BoardSink board(String source, String board);
}
