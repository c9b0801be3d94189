package dev.jobintel.source;

import dev.jobintel.posting.Posting;
import dev.jobintel.store.Rejects;

import java.util.ArrayList;
import java.util.List;

/** What a source's boards yielded, all boards together: the postings and the rejects, in order. */
public final class CollectingSink implements FetchSink, BoardSink {
    public final List<Posting> postings = new ArrayList<>();
    public final List<Rejects.Reject> rejects = new ArrayList<>();

    @Override
    public BoardSink board(String source, String board, boolean authoritative) {
        return this;
    }

    @Override
    public void accept(Posting posting) {
        postings.add(posting);
    }

    @Override
    public void reject(Rejects.Reject reject) {
        rejects.add(reject);
    }

    @Override
    public void finish(boolean complete, Integer httpStatus, String error) {
    }
}
