package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.internal.Futures;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.FetchException;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.store.Rejects;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A source made of boards (an ATS's public job boards): boards are fetched concurrently within
 * the fetcher's per-host limits, each in isolation, so one failing board never stops the run.
 * Subclasses turn one board's responses into postings.
 */
public abstract class BoardApiSource implements JobSource {

    /**
     * How one board fetch ended.
     *
     * @param complete every posting of the board was read, in full
     * @param listed   the board's listing was read whole, though {@code complete} is not: the content of some
     *                 postings could not be had ({@code error} says which calls failed); see
     *                 {@link BoardSink#finishListed}
     */
    public record Outcome(boolean complete, Integer httpStatus, String error, boolean listed) {

        public Outcome(boolean complete, Integer httpStatus, String error) {
            this(complete, httpStatus, error, complete);
        }

        public static Outcome complete(Integer status) {
            return new Outcome(true, status, null);
        }

        public static Outcome partial(Integer status, String error) {
            return new Outcome(false, status, error);
        }

        /**
         * The listing was read whole while some postings' content was not ({@code error}): postings absent
         * from the listing may close, and the fetch is recorded partial with the error.
         */
        public static Outcome listed(Integer status, String error) {
            return error == null ? complete(status) : new Outcome(false, status, error, true);
        }
    }

    /** A posting JSON that cannot become a posting. */
    public static final class Invalid extends Exception {
        private final String reason;
        private final String id;

        public Invalid(String reason, String message) {
            this(null, reason, message);
        }

        /**
         * @param id the source's id of the posting the item is, when it has one: the item is still
         *           listed, so the posting stored under that id has not left its board
         */
        public Invalid(String id, String reason, String message) {
            super(message);
            this.reason = reason;
            this.id = id;
        }

        public String reason() {
            return reason;
        }

        public String id() {
            return id;
        }
    }

    /** Maps one item of a response to a posting, or to null when this fetch has already landed it. */
    @FunctionalInterface
    public interface ItemMapper {
        Posting map(JsonNode item) throws Invalid;
    }

    private final String name;
    protected final Fetcher fetcher;
    private final List<SourcesConfig.Board> boards;
    private final int concurrency;

    protected BoardApiSource(String name, Fetcher fetcher, List<SourcesConfig.Board> boards, int concurrency) {
        this.name = name;
        this.fetcher = fetcher;
        this.boards = List.copyOf(boards);
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether a complete fetch lists every open posting of the board (true for ATS boards). */
    protected boolean authoritative() {
        return true;
    }

    protected abstract Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException;

    /**
     * The API root the board's URLs start with (the base URL, or the EU instance's): its health is kept for
     * that address, so that failures where the configuration no longer points back nothing off.
     */
    protected abstract String address(SourcesConfig.Board board);

    /** The address of every board, by slug, as this source would fetch them. */
    public java.util.Map<String, String> addresses() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        boards.forEach(b -> out.put(b.slug(), address(b)));
        return out;
    }

    @Override
    public final void fetch(FetchSink sink) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, boards.size())), r -> {
            Thread t = new Thread(r, "jobintel-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (SourcesConfig.Board b : boards) {
                if (sink.mayFetch(name, b.slug(), address(b))) {
                    running.add(pool.submit(() -> fetchOne(b, sink)));
                }
            }
            for (Future<?> f : running) {
                Futures.await(f, "fetching " + name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void fetchOne(SourcesConfig.Board board, FetchSink sink) {
        BoardSink bs = new OncePerId(sink.board(name, board.slug(), authoritative(), address(board)), name, board.slug());
        Outcome outcome;
        try {
            outcome = fetchBoard(board, bs);
        } catch (FetchException e) {
            if (e.unreachable()) {
                bs.finishUnreachable(e.getMessage());
                return;
            }
            outcome = Outcome.partial(e.status(), e.getMessage());
        } catch (JsonStream.Malformed e) {
            outcome = Outcome.partial(e.status(), e.getMessage());
        } catch (IOException e) {
            outcome = Outcome.partial(null, e.getMessage());
        } catch (RuntimeException e) {
            // A bug in a parser fails this board, not the run; the message says where.
            outcome = Outcome.partial(null, "could not process the " + name + " board '" + board.slug() + "': "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome.listed() && !outcome.complete()) {
            bs.finishListed(outcome.httpStatus(), outcome.error());
        } else {
            bs.finish(outcome.complete(), outcome.httpStatus(), outcome.error());
        }
    }

    /**
     * Maps one item of a board and hands the posting to the sink. An item that cannot be a
     * posting becomes a reject with its JSON; so does one the parser fails on, so that one odd
     * item costs that item, recorded with the failure, and not the rest of the board.
     */
    public static void mapItem(String source, String board, JsonNode item, ItemMapper mapper, BoardSink sink) {
        Posting posting;
        try {
            posting = mapper.map(item);
        } catch (Invalid e) {
            sink.reject(new Rejects.Reject(source, board, e.reason(), e.getMessage(), item.toString(), e.id()));
            return;
        } catch (RuntimeException e) {
            sink.reject(new Rejects.Reject(source, board, "unmappable", "the " + source + " parser failed on this item: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), item.toString()));
            return;
        }
        if (posting != null) {
            sink.accept(posting);
        }
    }

    /** GETs a JSON body through the shared fetcher (retries, politeness, HTML detection). */
    protected Body get(URI uri) throws FetchException {
        return fetcher.getJson(uri);
    }

    /**
     * Hands every item of the body's array to {@code mapper} and on to the sink; an item that
     * cannot be a posting becomes a reject with its JSON. A body that is not the expected JSON
     * becomes a reject too, and is rethrown as the board's error after the items read so far.
     *
     * @return the envelope: the body's other top-level fields
     */
    protected ObjectNode items(Body body, String arrayField, SourcesConfig.Board board, BoardSink sink,
                               ItemMapper mapper) throws JsonStream.Malformed {
        try {
            return JsonStream.items(body, arrayField, item -> mapItem(name, board.slug(), item, mapper, sink));
        } catch (JsonStream.Malformed e) {
            JsonStream.Malformed located = located(e, body);
            sink.reject(new Rejects.Reject(name, board.slug(), "malformed_body", located.getMessage(), body.preview(64 * 1024)));
            throw located;
        }
    }

    /** {@code e}, naming the address {@code body} came from and its status when it was fetched. */
    public static JsonStream.Malformed located(JsonStream.Malformed e, Body body) {
        return body.url() == null ? e : e.at(body.url(), body.status());
    }

    /** The base URL without a trailing slash. */
    protected static String base(String configured, String fallback) {
        String b = configured == null || configured.isBlank() ? fallback : configured.strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
