package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.JsonFields;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.FetchException;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static dev.jobintel.source.JsonFields.text;

/**
 * SmartRecruiters companies: the postings list is paged ({@code limit}/{@code offset}, up to 100 a
 * page) and carries no description, so every new posting costs one detail call, made as its list
 * item is read (one posting in memory at a time; the fetcher limits calls per host). A failed
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
        this.pageSize = size == null ? DEFAULT_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        this.maxPages = Math.max(1, maxPages);
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        String postings = base + "/v1/companies/" + URLEncoder.encode(board.slug(), StandardCharsets.UTF_8) + "/postings";
        Details details = new Details(postings);
        OnlyNew fresh = new OnlyNew(sink);
        // Ids of every item served, rejects included: a page of rejects is still a page of progress.
        Set<String> served = new HashSet<>();
        long offset = 0;
        Integer status = null;
        String stopped = null;
        for (int page = 1; ; page++) {
            long[] received = {0};
            long[] novel = {0};
            ObjectNode envelope;
            try (Body body = get(URI.create(postings + "?limit=" + pageSize + "&offset=" + offset))) {
                status = body.status();
                envelope = items(body, "content", board, fresh, item -> {
                    received[0]++;
                    String id = JsonFields.id(item, "id");
                    if (id == null || served.add(id)) {
                        novel[0]++;
                    }
                    // No detail call for what cannot land: no id, no name, or already landed (OnlyNew drops it).
                    boolean wanted = id != null && text(item, "name") != null && !fresh.has(id);
                    JsonNode detail = wanted ? details.of(id) : null;
                    if (wanted && detail == null) {
                        // Landed without its description if new; a stored one keeps its text (it would
                        // otherwise lose it, and be decided again on none, until the next fetch).
                        fresh.withoutDetail(id);
                    }
                    return SmartRecruitersParser.posting(item, detail, board);
                });
            }
            JsonNode total = envelope.get("totalFound");
            boolean counted = total != null && total.canConvertToLong();
            if (received[0] == 0 && counted && offset < total.asLong()) {
                // Fewer than announced: the board is cut short, not shrunk, so nothing of it may close.
                stopped = "the page at offset " + offset + " came back empty though totalFound is " + total.asText();
                break;
            }
            if (received[0] == 0 || (counted && offset + received[0] >= total.asLong())) {
                break;
            }
            if (novel[0] == 0) {
                stopped = "the page at offset " + offset + " repeated only postings already seen (does the server ignore"
                        + " offset?); "
                        + "stopped paging after " + page + " pages and " + fresh.landed() + " postings";
                break;
            }
            if (page >= maxPages) {
                stopped = "stopped after " + maxPages + " pages (" + fresh.landed() + " postings) with more announced "
                        + "(totalFound " + (total == null ? "missing" : total.asText()) + ")";
                break;
            }
            offset += received[0];
        }
        String failed = details.failures();
        if (stopped == null && failed == null) {
            return Outcome.complete(status);
        }
        return Outcome.partial(status, stopped == null ? failed : failed == null ? stopped : stopped + "; " + failed);
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
            try (Body body = get(URI.create(postings + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
                 InputStream in = body.open()) {
                JsonNode detail = JsonStream.mapper().readTree(in);
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

    /** Passes each posting on once: a page served again (offset ignored) lands nothing twice. */
    private static final class OnlyNew implements BoardSink {
        private final BoardSink sink;
        private final Set<String> ids = new HashSet<>();
        private final Set<String> partial = new HashSet<>();

        OnlyNew(BoardSink sink) {
            this.sink = sink;
        }

        boolean has(String id) {
            return ids.contains(id);
        }

        int landed() {
            return ids.size();
        }

        @Override
        public void accept(Posting posting) {
            if (ids.add(posting.sourceJobId())) {
                if (partial.contains(posting.sourceJobId())) {
                    sink.acceptPartial(posting);
                } else {
                    sink.accept(posting);
                }
            }
        }

        /** The posting {@code id} comes without its detail: see {@link BoardSink#acceptPartial}. */
        void withoutDetail(String id) {
            partial.add(id);
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
