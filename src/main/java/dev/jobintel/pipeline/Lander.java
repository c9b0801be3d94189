package dev.jobintel.pipeline;

import dev.jobintel.posting.Posting;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.FetchSink;
import dev.jobintel.store.BoardHealth;
import dev.jobintel.store.Database;
import dev.jobintel.store.FetchRuns;
import dev.jobintel.store.LandCounts;
import dev.jobintel.store.Landing;
import dev.jobintel.store.RawPostings;
import dev.jobintel.store.Rejects;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lands what sources yield into raw_postings, in batched transactions, on a writer thread of
 * its own so that parsing and writing overlap. A crash loses at most the batch in flight; a
 * rerun lands the same postings again idempotently.
 */
public final class Lander implements FetchSink, AutoCloseable {

    /**
     * Counts of one board fetch.
     *
     * @param closed  postings found gone from the board (complete fetches of authoritative boards only)
     * @param complete the board's listing was read whole; with an error, the content of some of its postings
     *                 was not (failed detail calls), which closes as a complete fetch does but is recorded partial
     * @param skipped the board was backed off after repeated failures and not fetched
     */
    public record BoardResult(String source, String board, LandCounts counts, int rejected, int closed, boolean complete,
                              boolean skipped, String error, String note) {
    }

    private interface Task {
    }

    private record Batch(BoardState board, List<Landing> landings, List<Rejects.Reject> rejects) implements Task {
    }

    /**
     * @param limited stopped at a configured limit: incomplete, but not a failure
     * @param refused the credentials were missing or refused: a failure of the config, not of the board
     */
    /** How a board's fetch ended, beyond its error: what its health makes of it (see {@link BoardSink}). */
    private enum Ending {
        /** As its error says: none, or the board's failure. */
        PLAIN,
        /** At a configured limit: incomplete, but no failure; the error is a note. */
        LIMITED,
        /** The source refused the user's credentials. */
        REFUSED,
        /** No connection could be made to the source at all. */
        UNREACHABLE,
        /**
         * The listing was read whole, the content of some postings was not (see {@link BoardSink#finishListed}):
         * partial, with its error, and yet the listing says which postings left the board.
         */
        LISTED
    }

    private record Finish(BoardState board, boolean complete, Integer http, String error, Ending ending) implements Task {
        boolean limited() {
            return ending == Ending.LIMITED;
        }
    }

    private record Stop() implements Task {
    }

    private static final class BoardState {
        final String source;
        final String board;
        final boolean authoritative;
        final String address;
        final long fetchRunId;
        LandCounts counts = LandCounts.ZERO;
        int rejected;

        BoardState(String source, String board, boolean authoritative, String address, long fetchRunId) {
            this.source = source;
            this.board = board;
            this.authoritative = authoritative;
            this.address = address;
            this.fetchRunId = fetchRunId;
        }

        /** Whether the board is an imported file: never backed off, and read in part when only its rejects were. */
        boolean file() {
            return source.equals(dev.jobintel.source.jsonl.JsonlSource.IMPORT);
        }
    }

    private final Database db;
    private final Identities identities;
    private final String runId;
    private final long seenAt;
    private final int batchSize;
    private final Progress progress;
    private final BoardHealth health;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(4);
    private final Thread writer;
    private final List<BoardResult> results = new ArrayList<>();
    private volatile Throwable failure;
    /** Boards the user named are fetched whatever their back-off; see {@link #ignoreBackoff}. */
    private volatile boolean ignoreBackoff;
    /** The boards are served from a recording; see {@link #replaying}. */
    private volatile boolean replaying;

    public Lander(Database db, Identities identities, String runId, long seenAt, int batchSize, Progress progress,
                  BoardHealth health) {
        this.db = db;
        this.health = health;
        this.identities = identities;
        this.runId = runId;
        this.seenAt = seenAt;
        this.batchSize = batchSize;
        this.progress = progress;
        this.writer = new Thread(this::writeLoop, "jobintel-lander");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Fetches backed-off boards too (the user named them). */
    public void ignoreBackoff() {
        ignoreBackoff = true;
    }

    /**
     * The boards are served from a recording, which says nothing of their health: a request it does not
     * hold would otherwise count as a failure of the board and back it off for the fetches from the
     * network, and a recorded success would end a real back-off. Back-off is neither read nor written.
     * Nor is liveness: a recording may be older than what the database holds, so a replay closes no
     * posting and reopens none.
     */
    public void replaying() {
        replaying = true;
    }

    @Override
    public boolean mayFetch(String source, String board) {
        return mayFetch(source, board, null);
    }

    @Override
    public boolean mayFetch(String source, String board, String address) {
        if (replaying || ignoreBackoff || health.mayFetch(source, board, address, seenAt)) {
            return true;
        }
        synchronized (results) {
            results.add(new BoardResult(source, board, LandCounts.ZERO, 0, 0, false, true,
                    "backed off after repeated failures; see 'jobintel status'", null));
        }
        return false;
    }

    @Override
    public BoardSink board(String source, String board, boolean authoritative) {
        return board(source, board, authoritative, null);
    }

    @Override
    public BoardSink board(String source, String board, boolean authoritative, String address) {
        rethrow();
        long id = FetchRuns.start(db, runId, source, board, seenAt, replaying);
        // A recording is what the board listed when it was recorded, not what it lists now: a replay of an
        // older one would close the postings newer fetches saw and reopen those they found gone. Like an
        // import, it lands what it holds and leaves whether each posting is on its board to the network.
        BoardState state = new BoardState(source, board, authoritative && !replaying, address, id);
        return new BoardSink() {
            private List<Landing> landings = new ArrayList<>(batchSize);
            private List<Rejects.Reject> rejects = new ArrayList<>();

            @Override
            public void accept(Posting posting) {
                if (identityFits(posting)) {
                    land(identities.prepare(posting));
                }
            }

            @Override
            public void acceptPartial(Posting posting) {
                if (identityFits(posting)) {
                    land(identities.prepare(posting).asPartial());
                }
            }

            @Override
            public void acceptListed(Posting posting, long listing) {
                if (identityFits(posting)) {
                    land(identities.prepare(posting).withListing(listing));
                }
            }

            @Override
            public dev.jobintel.source.StoredListing stored() {
                // A replay lands what its recording holds; the adapters are not asked to skip anything then
                // (SourceFactory reads every detail for a replay or a recording), and nor does this.
                if (replaying) {
                    return dev.jobintel.source.StoredListing.NONE;
                }
                return dev.jobintel.source.StoredListing.of(db.read(c -> RawPostings.listingFingerprints(c, source, board)));
            }

            /** Whether the posting's source and id fit the identity index; else it is an {@code id_too_long} reject. */
            private boolean identityFits(Posting p) {
                String tooLong = p.identityTooLong();
                if (tooLong == null) {
                    return true;
                }
                reject(new Rejects.Reject(source, board, "id_too_long", tooLong,
                        dev.jobintel.source.jsonl.JsonlRecord.toJson(dev.jobintel.source.JsonStream.mapper(), p).toString()));
                return false;
            }

            private void land(Landing landing) {
                landings.add(landing);
                if (landings.size() >= batchSize) {
                    flush();
                }
            }

            @Override
            public void reject(Rejects.Reject reject) {
                rejects.add(reject);
                if (rejects.size() >= batchSize) {
                    flush();
                }
            }

            private void flush() {
                if (!landings.isEmpty() || !rejects.isEmpty()) {
                    put(new Batch(state, landings, rejects));
                    landings = new ArrayList<>(batchSize);
                    rejects = new ArrayList<>();
                }
            }

            @Override
            public void finish(boolean complete, Integer httpStatus, String error) {
                flush();
                put(new Finish(state, complete, httpStatus, error, Ending.PLAIN));
            }

            @Override
            public void finishListed(Integer httpStatus, String error) {
                flush();
                put(new Finish(state, true, httpStatus, error, error == null ? Ending.PLAIN : Ending.LISTED));
            }

            @Override
            public void finishLimited(Integer httpStatus, String note) {
                flush();
                put(new Finish(state, false, httpStatus, note, Ending.LIMITED));
            }

            @Override
            public void finishRefused(Integer httpStatus, String error) {
                flush();
                put(new Finish(state, false, httpStatus, error, Ending.REFUSED));
            }

            @Override
            public void finishUnreachable(String error) {
                flush();
                put(new Finish(state, false, null, error, Ending.UNREACHABLE));
            }
        };
    }

    private void put(Task t) {
        rethrow();
        try {
            while (!queue.offer(t, 200, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while landing postings", e);
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Task t = queue.take();
                if (t instanceof Stop) {
                    return;
                }
                if (failure != null) {
                    continue;
                }
                if (t instanceof Batch b) {
                    // Retried: on PostgreSQL a worker writing outcomes locks postings and jobs in its own order
                    // (a posting, its job, the next posting), and the server may end this write to break the
                    // deadlock; the board's counts are added only once it commits.
                    LandCounts counts = db.inTransactionRetried(c -> {
                        LandCounts lc = b.landings().isEmpty() ? LandCounts.ZERO
                                : RawPostings.land(c, b.landings(), seenAt, b.board().fetchRunId, b.board().board,
                                        b.board().authoritative);
                        for (Rejects.Reject r : b.rejects()) {
                            Rejects.record(c, b.board().fetchRunId, r, seenAt);
                            if (r.listedId() != null && b.board().authoritative) {
                                // Listed but unusable this time (a title gone null): not gone from the board.
                                RawPostings.stillListed(c, r.source(), r.listedId(), b.board().fetchRunId, seenAt);
                            }
                        }
                        FetchRuns.progress(c, b.board().fetchRunId, b.board().counts.plus(lc),
                                b.board().rejected + b.rejects().size());
                        return lc;
                    });
                    b.board().counts = b.board().counts.plus(counts);
                    b.board().rejected += b.rejects().size();
                    progress.advance(b.landings().size() + b.rejects().size());
                } else if (t instanceof Finish f) {
                    finishBoard(f);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void finishBoard(Finish f) {
        BoardState s = f.board();
        boolean clean = f.error() == null && f.complete();
        // A file cut short after lines that were all rejects was read in part all the same (its rejects are
        // kept): not 'unread'. A board's body that failed whole is still its failure (a reject and a back-off).
        boolean read = s.counts.seen() > 0 || (s.rejected > 0 && s.file());
        FetchRuns.Status status = clean ? FetchRuns.Status.OK
                : read ? FetchRuns.Status.PARTIAL : FetchRuns.Status.FAILED;
        // Only a fetch that read the whole listing and found postings in it may close absent ones: a failed or
        // empty listing says nothing about what left the board (incident 23). A listing read whole whose
        // detail calls failed for some postings (LISTED) still says which postings the board has; those postings
        // were seen, so only the ones it no longer lists close, while the run stays partial with its error.
        boolean listedWhole = clean || (f.complete() && f.ending() == Ending.LISTED);
        boolean closes = s.authoritative && listedWhole && s.counts.seen() > 0;
        // The board's health is written with its fetch run, in one transaction: status tells a failure the
        // health record counted from one it did not (a replay's, a file's) by the record's time.
        int closed = db.inTransactionRetried(c -> {
            int n = closes ? RawPostings.closeAbsent(c, s.source, s.board, s.fetchRunId, seenAt) : 0;
            FetchRuns.finish(c, s.fetchRunId, status, f.http(), s.counts, s.rejected, n, f.error(), seenAt);
            health(c, s, f, status);
            return n;
        });
        synchronized (results) {
            results.add(new BoardResult(s.source, s.board, s.counts, s.rejected, closed, f.complete(), false,
                    f.limited() ? null : f.error(), f.limited() ? f.error() : null));
        }
    }

    private void health(java.sql.Connection c, BoardState s, Finish f, FetchRuns.Status status) {
        if (replaying || s.file()) {
            // fetch_runs keeps what the replay did, and what became of a file; board_health is about the
            // boards themselves (a file is never backed off: each import reads what it is given).
        } else if (f.error() == null || f.limited()) {
            health.success(c, s.source, s.board, s.address, seenAt);
        } else if (f.ending() == Ending.REFUSED) {
            // A missing or refused key is the user's to fix, not the board's: backing the board off
            // would keep skipping it for hours after the key is fixed. Status still shows why.
            health.refused(c, s.source, s.board, s.address, f.http(), f.error(), seenAt);
        } else if (status != FetchRuns.Status.FAILED) {
            // A board that served postings is alive, even if a later page or a detail call failed:
            // backing it off would skip the postings it does serve. Status still shows why.
            health.partial(c, s.source, s.board, s.address, f.http(), f.error(), seenAt);
        } else if (f.ending() == Ending.UNREACHABLE) {
            // Nothing answered at the source's address: the machine is offline, or the API is down, for every
            // board on it alike. Backing each off would skip them all for hours after the network is back.
            health.unreachable(c, s.source, s.board, s.address, f.error(), seenAt);
        } else {
            health.failure(c, s.source, s.board, s.address, f.http(), f.error(), seenAt);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Waits for every queued batch to be written; returns the per-board results. */
    public List<BoardResult> finish() {
        put(new Stop());
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while landing postings", e);
        }
        rethrow();
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    @Override
    public void close() {
        if (writer.isAlive()) {
            queue.offer(new Stop());
        }
    }
}
