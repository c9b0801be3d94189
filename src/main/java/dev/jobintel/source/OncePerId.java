package dev.jobintel.source;

import dev.jobintel.posting.Posting;
import dev.jobintel.source.jsonl.JsonlRecord;
import dev.jobintel.store.Rejects;

import java.util.HashMap;
import java.util.Map;

/**
 * Lands each posting identity once per fetch of a board (or import of a file): the first copy
 * is kept and a later, different copy of the same source and id becomes a {@code repeated_id}
 * reject with its content (the same posting served twice is simply seen again). Without this,
 * two different postings a board serves under one id would overwrite each other on every fetch,
 * so that an unchanged board looks changed and its job is classified, and paid for, again each
 * run, while one of the two is nowhere to be seen.
 */
public final class OncePerId implements BoardSink {

    private final BoardSink sink;
    private final String source;
    private final String board;
    /** The fingerprint of the first copy of each identity. */
    private final Map<String, Long> seen;
    private final String scope;

    public OncePerId(BoardSink sink, String source, String board) {
        this(sink, source, board, new HashMap<>(), "this fetch");
    }

    /**
     * Over several boards that share {@code seen}: the files of one import, which are one delivery,
     * so that an id two of them hold is kept once rather than overwritten by the later file on
     * every import. {@code scope} names that delivery in the reject ("this import").
     */
    public OncePerId(BoardSink sink, String source, String board, Map<String, Long> seen, String scope) {
        this.sink = sink;
        this.source = source;
        this.board = board;
        this.seen = seen;
        this.scope = scope;
    }

    @Override
    public void accept(Posting posting) {
        accept(posting, false, 0, null);
    }

    @Override
    public void acceptPartial(Posting posting) {
        accept(posting, true, 0, null);
    }

    @Override
    public void acceptListed(Posting posting, long listing) {
        accept(posting, false, 0, null, listing);
    }

    @Override
    public StoredListing stored() {
        return sink.stored();
    }

    /**
     * As {@link #accept(Posting)}, for a posting read from line {@code lineNo} of a file: a repeat's reject
     * names the line and keeps {@code line} as it was read, so that it can be found in the file.
     */
    public void accept(Posting posting, int lineNo, String line) {
        accept(posting, false, lineNo, line);
    }

    private void accept(Posting posting, boolean partial, int lineNo, String line) {
        accept(posting, partial, lineNo, line, null);
    }

    private void accept(Posting posting, boolean partial, int lineNo, String line, Long listing) {
        // Reads every field, the description included: once per posting.
        long content = PostingFingerprint.of(posting);
        Long first = seen.putIfAbsent(posting.source() + '\u0000' + posting.sourceJobId(), content);
        if (first == null || first == content) {
            // The same posting again (Adzuna's pages overlap as ads move): seen again, as before.
            if (partial) {
                sink.acceptPartial(posting);
            } else if (listing != null) {
                sink.acceptListed(posting, listing);
            } else {
                sink.accept(posting);
            }
            return;
        }
        sink.reject(new Rejects.Reject(source, board, "repeated_id", (lineNo > 0 ? "line " + lineNo + ": " : "") + "id "
                + posting.sourceJobId() + " appears again in " + scope + " (\"" + posting.title()
                + "\"); the first posting with this id is kept",
                line != null ? line : JsonlRecord.toJson(JsonStream.mapper(), posting).toString()));
    }

    @Override
    public void reject(Rejects.Reject reject) {
        sink.reject(reject);
    }

    @Override
    public void finish(boolean complete, Integer httpStatus, String error) {
        sink.finish(complete, httpStatus, error);
    }

    @Override
    public void finishListed(Integer httpStatus, String error) {
        sink.finishListed(httpStatus, error);
    }

    @Override
    public void finishLimited(Integer httpStatus, String note) {
        sink.finishLimited(httpStatus, note);
    }

    @Override
    public void finishRefused(Integer httpStatus, String error) {
        sink.finishRefused(httpStatus, error);
    }

    @Override
    public void finishUnreachable(String error) {
        sink.finishUnreachable(error);
    }
}
