package dev.jobintel.source;

/**
 * A place postings come from. A source fetches each of its boards into the sink; one failing
 * board is finished with its error and never stops the others.
 */
public interface JobSource {

    /** Name shown in summaries ("import", "demo", "greenhouse"…). */
    String name();

    void fetch(FetchSink sink);
}
