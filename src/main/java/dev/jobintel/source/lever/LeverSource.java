package dev.jobintel.source.lever;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.JsonFields;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.PagedListing;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.Fetcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Lever sites, read page by page with {@code skip} and {@code limit}, the pages overlapping by
 * one posting (see {@link PagedListing}): the response has no total and no next link, so a short
 * page is the end. A server that ignores {@code skip} would hand back the same page forever
 * (incident 24), so a page that brings nothing new ends the board, and so does a hard cap on
 * pages.
 */
public final class LeverSource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://api.lever.co";
    public static final String DEFAULT_EU_BASE = "https://api.eu.lever.co";
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** 100,000 postings at the default page size: far beyond any real site. */
    public static final int MAX_PAGES = 1_000;

    private final String base;
    private final String euBase;
    private final int pageSize;

    public LeverSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        super(LeverParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
        this.euBase = base(config.euBaseUrl(), DEFAULT_EU_BASE);
        this.pageSize = config.pageSize() == null || config.pageSize() < 2 ? DEFAULT_PAGE_SIZE : config.pageSize();
    }

    @Override
    protected String address(SourcesConfig.Board board) {
        return "eu".equalsIgnoreCase(board.instance()) ? euBase : base;
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        String root = address(board);
        String site = URLEncoder.encode(board.slug(), StandardCharsets.UTF_8);
        PagedListing listing = new PagedListing(pageSize);
        Integer status = null;
        for (int n = 0; n < MAX_PAGES; n++) {
            int page = listing.nextPage();
            long skip = listing.offset();
            URI uri = URI.create(root + "/v0/postings/" + site + "?mode=json&skip=" + skip + "&limit=" + pageSize);
            try (Body body = get(uri)) {
                status = body.status();
                items(body, null, board, sink, item -> switch (listing.see(item, JsonFields.id(item, "id"))) {
                    // Served before in this fetch: the overlap of two pages, or a shift.
                    case AGAIN -> null;
                    case NEW, CHANGED -> LeverParser.posting(item, board);
                });
            } catch (JsonStream.Malformed e) {
                // Which page: Lever pages by skip, and a later page can break where the first did not.
                throw e.in("page " + (page + 1) + " (skip=" + skip + "): ");
            }
            listing.endPage();
            if (listing.items() < pageSize) {
                return listing.moved() == null ? Outcome.complete(status) : Outcome.partial(status, listing.moved());
            }
            if (listing.fresh() == 0) {
                // Nothing on the page was new: the server ignores skip. All it serves is landed,
                // but whether it hides more cannot be known, so the error keeps the fetch from
                // closing postings it never saw.
                return Outcome.partial(status, "page " + (page + 1) + " (skip=" + skip + ") repeated postings "
                        + "already seen: the server ignores skip; stopped with " + listing.distinct()
                        + " postings, each landed once");
            }
        }
        return Outcome.partial(status, "stopped after " + MAX_PAGES + " pages of " + pageSize
                + " postings: the board may be incomplete (a server that never ends its pages?)");
    }
}
