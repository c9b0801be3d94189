package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.JsonFields;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.PagedListing;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.FetchException;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.jobintel.source.JsonFields.text;

/**
 * SmartRecruiters companies: the postings list is paged ({@code limit}/{@code offset}, up to 100 a
 * page, the pages overlapping by one posting: see {@link PagedListing}) and carries no
 * description, so every new posting costs one detail call, made as its list item is read (one
 * posting in memory at a time; the fetcher limits calls per host). A failed
 * detail call does not lose the posting: it lands with the list's facts and an empty description,
 * and the board ends partial, so nothing is closed and a later fetch fills the description in.
 */
public final class SmartRecruitersSource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://api.smartrecruiters.com";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 100;
    /** 100,000 postings at the largest page size: past this a server is not paging, it is looping. */
    static final int MAX_PAGES = 1_000;

    private final String base;
    private final int pageSize;
    private final int maxPages;

    public SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        this(config, fetcher, concurrency, MAX_PAGES);
    }

    /** With a lower page cap, so a test can reach it without a thousand requests. */
    SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency, int maxPages) {
        super(SmartRecruitersParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
        Integer size = config.pageSize();
        this.pageSize = size == null ? DEFAULT_PAGE_SIZE : Math.max(2, Math.min(MAX_PAGE_SIZE, size));
        this.maxPages = Math.max(1, maxPages);
    }

    @Override
    protected String address(SourcesConfig.Board board) {
        return base;
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        String postings = base + "/v1/companies/" + URLEncoder.encode(board.slug(), StandardCharsets.UTF_8) + "/postings";
        Details details = new Details(postings);
        WithoutDetail partial = new WithoutDetail(sink);
        PagedListing listing = new PagedListing(pageSize);
        Integer status = null;
        String stopped = null;
        while (true) {
            int page = listing.nextPage();
            long offset = listing.offset();
            ObjectNode envelope;
            try (Body body = get(URI.create(postings + "?limit=" + pageSize + "&offset=" + offset))) {
                status = body.status();
                envelope = items(body, "content", board, partial, item -> {
                    String id = JsonFields.id(item, "id");
                    PagedListing.Seen seen = listing.see(item, id);
                    if (seen == PagedListing.Seen.AGAIN) {
                        return null;
                    }
                    // No detail call for what cannot land: no id, no name, or another posting under
                    // an id already landed (a repeated_id reject).
                    boolean wanted = id != null && text(item, "name") != null && seen == PagedListing.Seen.NEW;
                    JsonNode detail = wanted ? details.of(id) : null;
                    if (wanted && detail == null) {
                        // Landed without its description if new; a stored one keeps its text (it would
                        // otherwise lose it, and be decided again on none, until the next fetch).
                        partial.add(id);
                    }
                    return SmartRecruitersParser.posting(item, detail, board);
                });
            }
            listing.endPage();
            long received = listing.items();
            JsonNode total = envelope.get("totalFound");
            boolean counted = total != null && total.canConvertToLong();
            if (received == 0 && counted && offset < total.asLong()) {
                // Fewer than announced: the board is cut short, not shrunk, so nothing of it may close.
                stopped = "the page at offset " + offset + " came back empty though totalFound is " + total.asText();
                break;
            }
            // Without a total, a short page is the end (with the overlap, the last one is never empty).
            // A full page that reaches the total is not: a stale, understated totalFound would end
            // the fetch "complete" and close the postings listed past it, so one more page (at worst
            // the overlap alone) says whether the listing goes on.
            boolean full = received >= pageSize;
            if (received == 0 || (counted ? offset + received >= total.asLong() && !full : received < pageSize)) {
                break;
            }
            if (listing.fresh() == 0) {
                // A short page of postings already seen is where the board ends, before its total; a
                // full one is the same page again.
                stopped = counted && received < pageSize
                        ? "the board ended after " + listing.distinct() + " postings though totalFound is " + total.asText()
                        : "the page at offset " + offset + " repeated only postings already seen (does the server ignore"
                        + " offset?); stopped paging after " + (page + 1) + " pages and " + listing.distinct() + " postings";
                break;
            }
            if (page + 1 >= maxPages) {
                stopped = "stopped after " + maxPages + " pages (" + listing.distinct() + " postings) with more announced "
                        + "(totalFound " + (total == null ? "missing" : total.asText()) + ")";
                break;
            }
        }
        String why = Stream.of(stopped, listing.moved(), details.failures())
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        return why.isEmpty() ? Outcome.complete(status) : Outcome.partial(status, why);
    }

    /** Detail calls for one board: the JSON of each, and a tally of the ones that failed. */
    private final class Details {
        private final String postings;
        private int calls;
        private int failed;
        private String firstError;

        Details(String postings) {
            this.postings = postings;
        }

        /** The detail of posting {@code id}, or null when it could not be had (remembered). */
        JsonNode of(String id) {
            calls++;
            try (Body body = get(URI.create(postings + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))) {
                JsonNode detail = JsonStream.tree(body);
                if (detail == null || !detail.isObject()) {
                    return fail("the detail of posting " + id + " is not a JSON object");
                }
                return detail;
            } catch (FetchException e) {
                return fail(e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return fail("malformed detail JSON for posting " + id + ": " + JsonStream.problem(e));
            } catch (IOException e) {
                return fail("unreadable detail of posting " + id + ": " + e.getMessage());
            }
        }

        private JsonNode fail(String error) {
            failed++;
            if (firstError == null) {
                firstError = error;
            }
            return null;
        }

        /** "N of M detail calls failed: first error", or null when none failed. */
        String failures() {
            return failed == 0 ? null : failed + " of " + calls + " detail calls failed: " + firstError;
        }
    }

    /** Passes each posting on, the ones whose detail call failed as partial postings. */
    private static final class WithoutDetail implements BoardSink {
        private final BoardSink sink;
        private final Set<String> ids = new HashSet<>();

        WithoutDetail(BoardSink sink) {
            this.sink = sink;
        }

        /** The posting {@code id} comes without its detail: see {@link BoardSink#acceptPartial}. */
        void add(String id) {
            ids.add(id);
        }

        @Override
        public void accept(Posting posting) {
            if (ids.remove(posting.sourceJobId())) {
                sink.acceptPartial(posting);
            } else {
                sink.accept(posting);
            }
        }

        @Override
        public void reject(Rejects.Reject reject) {
            sink.reject(reject);
        }

        @Override
        public void finish(boolean complete, Integer httpStatus, String error) {
            throw new IllegalStateException("the board is finished by BoardApiSource, not per page");
        }
    }
}
