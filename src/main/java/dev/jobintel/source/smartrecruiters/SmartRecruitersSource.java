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
import dev.jobintel.source.StoredListing;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.FetchException;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.jobintel.source.JsonFields.text;

/**
 * SmartRecruiters companies: the postings list is paged ({@code limit}/{@code offset}, up to 100 a
 * page, the pages overlapping by one posting: see {@link PagedListing}) and carries no
 * description, so a posting's description costs one detail call, made as its list item is read (one
 * posting in memory at a time; the fetcher limits calls per host).
 *
 * <p>Only postings whose list item changed are read in detail. The store keeps, beside a description read
 * in full, the fingerprint of the list item it came with (every field of the item as served: see
 * {@link StoredListing}); a posting listed again with that same fingerprint keeps its stored text, and is
 * only seen again, exactly as a full read of unchanged content would see it. A list item says nothing of
 * an edit to the description alone, so one in {@value #REFRESH_ONE_IN} of those postings, drawn at random
 * each fetch, is read in detail all the same: an edit shows within a few fetches whatever the schedule.
 * A recording or a replay reads every detail, so that a recording holds all a replay asks for.
 *
 * <p>A failed detail call does not lose the posting: it lands with the list's facts and an empty
 * description if new, a stored one keeps its text, and a later fetch reads it again. The list, not the
 * details, says which postings the board has: a listing read whole ends {@link Outcome#listed} with the
 * failures as its error (recorded partial, and yet closing the postings no longer listed), while a listing
 * cut short ends partial and closes nothing.
 */
public final class SmartRecruitersSource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://api.smartrecruiters.com";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 100;
    /** 100,000 postings at the largest page size: past this a server is not paging, it is looping. */
    static final int MAX_PAGES = 1_000;

    /** A posting listed unchanged is read in detail all the same about once in this many fetches. */
    static final int REFRESH_ONE_IN = 7;

    private final String base;
    private final int pageSize;
    private final int maxPages;
    /** Read every posting's detail, stored or not (a recording, a replay). */
    private final boolean everyDetail;
    /** One in this many unchanged postings is read in detail anyway; 0 never. */
    private final int refreshOneIn;

    public SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        this(config, fetcher, concurrency, false);
    }

    /**
     * @param everyDetail read every listed posting's detail, even one stored unchanged: for a recording, which
     *                    must hold every response a replay into an empty database asks for, and a replay
     */
    public SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency, boolean everyDetail) {
        this(config, fetcher, concurrency, MAX_PAGES, everyDetail, REFRESH_ONE_IN);
    }

    /** With a lower page cap, so a test can reach it without a thousand requests. */
    SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency, int maxPages) {
        this(config, fetcher, concurrency, maxPages, false, REFRESH_ONE_IN);
    }

    /** With {@code refreshOneIn} 0, an unchanged posting is never read in detail, so a test can count the calls. */
    SmartRecruitersSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency, int maxPages,
                          boolean everyDetail, int refreshOneIn) {
        super(SmartRecruitersParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
        Integer size = config.pageSize();
        this.pageSize = size == null ? DEFAULT_PAGE_SIZE : Math.max(2, Math.min(MAX_PAGE_SIZE, size));
        this.maxPages = Math.max(1, maxPages);
        this.everyDetail = everyDetail;
        this.refreshOneIn = Math.max(0, refreshOneIn);
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
        // One query for the board, before its first page; nothing to ask for when every detail is read.
        StoredListing stored = everyDetail ? StoredListing.NONE : sink.stored();
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
                    if (!wanted) {
                        return SmartRecruitersParser.posting(item, null, board);
                    }
                    long fingerprint = StoredListing.fingerprint(item);
                    if (unchanged(stored, id, fingerprint)) {
                        // Listed as it was when its stored description was read: seen again, its stored
                        // content (text and content hash) kept, as the same posting read in full would be.
                        partial.add(id);
                        return SmartRecruitersParser.posting(item, null, board);
                    }
                    JsonNode detail = details.of(id);
                    if (detail == null) {
                        // Landed without its description if new; a stored one keeps its text (it would
                        // otherwise lose it, and be decided again on none, until the next fetch).
                        partial.add(id);
                    } else {
                        partial.listed(id, fingerprint);
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
        String cut = Stream.of(stopped, listing.moved()).filter(Objects::nonNull).collect(Collectors.joining("; "));
        if (cut.isEmpty()) {
            // The listing is whole: it says which postings the board has, whatever detail calls failed.
            return Outcome.listed(status, details.failures());
        }
        String why = Stream.of(cut, details.failures()).filter(Objects::nonNull).collect(Collectors.joining("; "));
        return Outcome.partial(status, why);
    }

    /**
     * Whether posting {@code id} is stored with a description read from a list item with this same
     * fingerprint, and is not drawn for a refresh: its detail call is then skipped.
     */
    private boolean unchanged(StoredListing stored, String id, long fingerprint) {
        Long was = stored.fingerprint(id);
        if (was == null || was != fingerprint) {
            return false;
        }
        return refreshOneIn == 0 || ThreadLocalRandom.current().nextInt(refreshOneIn) != 0;
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

    /**
     * Passes each posting on: the ones that come without their detail (the call failed, or was skipped for a
     * posting listed unchanged) as partial postings, the ones read in full with their list item's fingerprint.
     */
    private static final class WithoutDetail implements BoardSink {
        private final BoardSink sink;
        private final Set<String> ids = new HashSet<>();
        private final Map<String, Long> listed = new HashMap<>();

        WithoutDetail(BoardSink sink) {
            this.sink = sink;
        }

        /** The posting {@code id} comes without its detail: see {@link BoardSink#acceptPartial}. */
        void add(String id) {
            ids.add(id);
        }

        /** The posting {@code id} comes with its detail, read for a list item of this fingerprint. */
        void listed(String id, long fingerprint) {
            listed.put(id, fingerprint);
        }

        @Override
        public void accept(Posting posting) {
            Long fingerprint = listed.remove(posting.sourceJobId());
            if (ids.remove(posting.sourceJobId())) {
                sink.acceptPartial(posting);
            } else if (fingerprint != null) {
                sink.acceptListed(posting, fingerprint);
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
