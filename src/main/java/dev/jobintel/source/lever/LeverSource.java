package dev.jobintel.source.lever;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Lever sites, read page by page with {@code skip} and {@code limit}: the response has no total
 * and no next link, so a short page is the end. A server that ignores {@code skip} would hand
 * back the same page forever (incident 24), so a page that brings no new posting id ends the
 * board, and so does a hard cap on pages.
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
        this.pageSize = config.pageSize() == null || config.pageSize() < 1 ? DEFAULT_PAGE_SIZE : config.pageSize();
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        String root = "eu".equalsIgnoreCase(board.instance()) ? euBase : base;
        String site = URLEncoder.encode(board.slug(), StandardCharsets.UTF_8);
        // Ids seen in this fetch: a posting repeated on a later page (offsets shift when a
        // posting is added mid-fetch, or the server ignores skip) is landed once.
        Set<String> seen = new HashSet<>();
        Integer status = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            int skip = page * pageSize;
            URI uri = URI.create(root + "/v0/postings/" + site + "?mode=json&skip=" + skip + "&limit=" + pageSize);
            Page read = new Page(sink, seen);
            try (Body body = get(uri)) {
                status = body.status();
                items(body, null, board, read, item -> {
                    read.items++;
                    return LeverParser.posting(item, board);
                });
            } catch (JsonStream.Malformed e) {
                // Which page: Lever pages by skip, and a later page can break where the first did not.
                throw e.in("page " + (page + 1) + " (skip=" + skip + "): ");
            }
            if (read.items < pageSize) {
                return Outcome.complete(status);
            }
            if (read.fresh == 0) {
                if (read.repeated == 0) {
                    return Outcome.partial(status, "page " + (page + 1) + " (skip=" + skip + ") held no valid posting; "
                            + "stopped there rather than page on blindly");
                }
                // Every posting of the page was already landed: the server ignores skip. All it
                // serves is landed, but whether it hides more cannot be known, so the error
                // keeps the fetch from closing postings it never saw.
                return new Outcome(true, status, "page " + (page + 1) + " (skip=" + skip + ") repeated postings "
                        + "already seen: the server ignores skip; stopped with " + seen.size()
                        + " postings, each landed once");
            }
        }
        return Outcome.partial(status, "stopped after " + MAX_PAGES + " pages of " + pageSize
                + " postings: the board may be incomplete (a server that never ends its pages?)");
    }

    /** One page's postings on their way to the board's sink, repeats dropped and counted. */
    private static final class Page implements BoardSink {
        private final BoardSink sink;
        private final Set<String> seen;
        int items;
        int fresh;
        int repeated;

        Page(BoardSink sink, Set<String> seen) {
            this.sink = sink;
            this.seen = seen;
        }

        @Override
        public void accept(Posting posting) {
            if (seen.add(posting.sourceJobId())) {
                fresh++;
                sink.accept(posting);
            } else {
                repeated++;
            }
        }

        @Override
        public void reject(Rejects.Reject reject) {
            sink.reject(reject);
        }

        @Override
        public void finish(boolean complete, Integer httpStatus, String error) {
            throw new IllegalStateException("a page does not finish the board");
        }
    }
}
