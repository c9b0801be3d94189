package dev.jobintel.pipeline;

import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.Landing;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.RawPostings;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Postings whose identity the place table and rules in use give otherwise than when they
 * landed: the table was extended ({@code places:}) or jobintel upgraded, and "Springfield, IL",
 * unresolved then, is a city now. A posting lands once and is only re-identified when its
 * content changes, so without this its old place (and the job it was merged into) would stay.
 *
 * <p>Moving a posting changes only its place and job_hash. A decided posting then points to the
 * job of another hash, which is what {@code backfill} already re-queues; its job, if no other
 * posting keeps it, is removed as an orphan; and deciding it again reuses its classification
 * where the content is the same (the content key holds no place).
 */
public final class Relocation {

    static final int PAGE = 1_000;

    private Relocation() {
    }

    /** One posting's new identity. */
    public record Move(long postingId, String contentHash, String place, String jobHash) {
    }

    /**
     * What a relocation did: the postings it moved (or in a dry run would), and those it left
     * because a live worker is deciding them under their old identity (the next backfill moves them);
     * in a dry run, the ids of those it would move (each leaves its job), else none.
     */
    public record Result(long moved, long held, Set<Long> wouldMove) {
    }

    /**
     * Finds the postings (first seen at or after {@code since}, when given) whose identity
     * differs, page by page; writes each page's moves when {@code apply}.
     */
    public static Result run(Database db, Identities identities, Long since, boolean apply) {
        long moved = 0;
        long held = 0;
        long after = 0;
        Set<Long> wouldMove = new java.util.HashSet<>();
        // A lease that has run out is no one's: its worker is gone, and any worker may claim the posting.
        // Nor is any lease on SQLite, which this process alone writes: it was left by one that ended.
        // The lease goes with the move: a stalled worker cannot renew it and decide the posting under
        // its old identity (and were it to try, a job of another hash is not the posting's to link to).
        String live = "lease_owner IS NOT NULL AND lease_until >= " + db.dialect().nowMillis();
        String sql = "UPDATE raw_postings SET place = ?, job_hash = ?, lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ? AND content_hash = ?" + (db.dialect().severalWriters() ? " AND NOT (" + live + ")" : "");
        String heldSql = "SELECT count(*) FROM raw_postings WHERE id = ? AND content_hash = ? AND " + live;
        while (true) {
            long from = after;
            List<PendingPosting> page = db.read(c -> RawPostings.seenAfter(c, since, from, PAGE));
            if (page.isEmpty()) {
                return new Result(moved, held, wouldMove);
            }
            List<Move> moves = moves(identities, page);
            // Moved only if the posting is as read (a fetch that changed it since has re-identified it
            // already) and no live worker is deciding it under its old identity. A dry run counts as
            // held what the real one would leave to such a worker, so the two agree.
            long[] counts = moves.isEmpty() ? new long[2] // no write transaction for a page with nothing to move
                    : apply ? db.inTransactionRetried(c -> tally(moves,
                            m -> Jdbc.update(c, sql, m.place(), m.jobHash(), m.postingId(), m.contentHash()) == 1,
                            m -> held(db, c, heldSql, m)))
                    : db.read(c -> tally(moves, m -> {
                        boolean free = !held(db, c, heldSql, m);
                        if (free) {
                            wouldMove.add(m.postingId());
                        }
                        return free;
                    }, m -> true));
            moved += counts[0];
            held += counts[1];
            after = page.get(page.size() - 1).id();
        }
    }

    /** Counts {@code moves} as moved (where {@code move} moves it) or else as held (where {@code held} says so). */
    private static long[] tally(List<Move> moves, Predicate<Move> move, Predicate<Move> held) {
        long[] done = new long[2];
        for (Move m : moves) {
            if (move.test(m)) {
                done[0]++;
            } else if (held.test(m)) {
                done[1]++;
            }
        }
        return done;
    }

    /** Whether a live worker holds the posting; never on SQLite, whose leases were all left by processes that ended. */
    private static boolean held(Database db, Connection c, String heldSql, Move m) {
        return db.dialect().severalWriters() && Jdbc.count(c, heldSql, m.postingId(), m.contentHash()) > 0;
    }

    /**
     * For a dry run: the postings backfill would decide after relocating (those it decides anyway,
     * {@code anyway}, a stream that gives the first ids after each id asked; and those in a job that
     * would move), each with the identity it would then have.
     */
    public static EnrichPlan.Pages decidedAfterMoving(Identities identities, Long since, EnrichPlan.Pages anyway) {
        return (c, afterId, limit) -> {
            long after = afterId;
            while (true) {
                List<PendingPosting> decided = anyway.after(c, after, limit);
                List<PendingPosting> inAJob = RawPostings.inAJobAfter(c, since, after, limit);
                if (decided.isEmpty() && inAJob.isEmpty()) {
                    return List.of();
                }
                // The first ids of both, in order: no posting between them is missed.
                List<PendingPosting> first = EnrichPlan.firstOfBoth(decided, inAJob, limit);
                Set<Long> decidedAnyway = new java.util.HashSet<>();
                decided.forEach(p -> decidedAnyway.add(p.id()));
                List<PendingPosting> out = new ArrayList<>();
                for (PendingPosting p : first) {
                    Landing now = identities.prepare(p.posting());
                    boolean moves = !now.place().equals(p.place()) || !now.jobHash().equals(p.jobHash());
                    if (moves || decidedAnyway.contains(p.id())) {
                        out.add(new PendingPosting(p.id(), p.posting(), now.jobHash(), now.place(), p.closedAt(),
                                p.joinedJobAt(), p.firstSeen(), p.lastSeen(), p.attempts(), p.contentHash()));
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
                after = first.get(first.size() - 1).id();
            }
        };
    }

    /** The postings of {@code page} whose place or job_hash the current rules give otherwise. */
    static List<Move> moves(Identities identities, List<PendingPosting> page) {
        List<Move> out = new ArrayList<>();
        for (PendingPosting p : page) {
            Landing now = identities.prepare(p.posting());
            if (!now.place().equals(p.place()) || !now.jobHash().equals(p.jobHash())) {
                out.add(new Move(p.id(), p.contentHash(), now.place(), now.jobHash()));
            }
        }
        return out;
    }
}
