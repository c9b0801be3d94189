package dev.jobintel.source;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.testing.LocalServer;

import java.util.List;

/**
 * What the adapter contract test needs to know about one API: how to point the adapter at a
 * local server, and how that server answers for a board with N postings, in the API's own JSON.
 */
public interface ApiFixture {

    /** The source name postings carry ("greenhouse"). */
    String source();

    /** The adapter, with every base URL pointed at {@code baseUrl}. */
    JobSource adapter(String baseUrl, List<SourcesConfig.Board> boards, Fetcher fetcher);

    /** Scripts {@code server} so that board {@code slug} holds {@code postings} postings (all pages, all details). */
    void serveBoard(LocalServer server, String slug, int postings);

    /** The path of the first request made for a board (errors are scripted on it). */
    String boardPath(String slug);

    /** The body of a board with no postings. */
    String emptyBody();

    /** Whether a complete fetch of a board closes postings absent from it. */
    default boolean authoritative() {
        return true;
    }
}
