package dev.jobintel.store;

import dev.jobintel.posting.HintsJson;
import dev.jobintel.posting.Posting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * raw_postings: landing (insert or re-see), and keyset-paginated reads of pending work.
 *
 * <p>Whether a posting is new is decided by its identity alone, never by comparing
 * timestamps (incident 5). A re-seen posting moves last_seen forward and never touches
 * first_seen (incident 6).
 */
public final class RawPostings {

    private static final String INSERTED = "source, source_job_id, url, company, title, "
            + "location_text, posted_at, content_hash, job_hash, place, first_seen, last_seen, "
            + "first_fetch_run_id, last_fetch_run_id, board, listing_fingerprint, outcome) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') "
            + "ON CONFLICT (source, source_job_id) DO NOTHING RETURNING id";
    private static final String INSERT = "INSERT INTO raw_postings (" + INSERTED;
    /** With the id handed out before (see {@link #idsInArrivalOrder}). */
    private static final String INSERT_NUMBERED = "INSERT INTO raw_postings (id, " + INSERTED.replace("VALUES (", "VALUES (?, ");

    // A text row left behind by a posting removed by hand (foreign keys off) would otherwise refuse the
    // new posting that reuses its id, and stop every import.
    private static final String INSERT_TEXT = "INSERT INTO posting_texts (posting_id, description, hints) VALUES (?, ?, ?) "
            + "ON CONFLICT (posting_id) DO UPDATE SET description = excluded.description, hints = excluded.hints";

    private static final String UPDATE_TEXT = "UPDATE posting_texts SET description = ?, hints = ? WHERE posting_id = ?";

    // A sighting on a board that lists every open posting (a fetch) marks the posting as listed by
    // that fetch, puts it on that board and opens it; any other (an import, a search) says nothing
    // about where it is listed or whether it still is, so none of these change: importing last
    // month's export reopens nothing, and an import landing while a fetch of the board runs does not
    // take the posting from that fetch, which would then close it as gone.
    private static final String OPENS = ", last_fetch_run_id = ?, board = ?, closed_at = NULL WHERE id = ?";
    private static final String KEEPS = " WHERE id = ?";

    /** last_seen moved forward to a sighting's time (bound twice), never back: sightings land in any order. */
    private static final String SEEN_AT = "last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END";

    /**
     * The same content seen again: read in full from a list item, the item's fingerprint is kept (bound; the
     * one stored names the same text); read in part or any other way (null), the stored one stays.
     */
    private static final String SEEN = "UPDATE raw_postings SET " + SEEN_AT
            + ", listing_fingerprint = coalesce(?, listing_fingerprint)";

    /**
     * posted_at keeps the earliest date the board gave (bound twice): some boards date a posting by its
     * last edit or publication (Greenhouse's updated_at where first_published is missing, Ashby's
     * publishedAt), and a job is dated by its postings' earliest date, so an edit must not make it new.
     */
    private static final String POSTED_AT = "posted_at = CASE WHEN posted_at IS NULL OR posted_at > ? THEN ? ELSE posted_at END";

    private static final String CHANGED = "UPDATE raw_postings SET url = ?, company = ?, title = ?, location_text = ?, "
            + POSTED_AT + ", content_hash = ?, job_hash = ?, place = ?, listing_fingerprint = ?, " + SEEN_AT;

    /** Back to pending, no decision (nor lease) left on the row; binds the time it was put back. */
    static final String TO_PENDING = "UPDATE raw_postings SET outcome = 'pending', outcome_reason = NULL, "
            + "outcome_detail = NULL, retryable = NULL, job_id = NULL, lease_owner = NULL, lease_until = NULL, outcome_at = ? ";

    private static final String REQUEUE = TO_PENDING + "WHERE id = ?";

    /**
     * Unlinks the pending postings that still point to a job, which only a hand-made change leaves
     * (jobintel unlinks a posting when it puts it back to pending, and the schema's CHECK forbids it):
     * each is released from its job as a changed posting is, so that deciding it counts it in a job
     * once, and a filter or failure can be written for it at all. Returns how many; only broken rows
     * cost more than the one query.
     */
    public static int unlinkPending(Connection c) {
        List<long[]> linked = Jdbc.query(c, "SELECT id, job_id FROM raw_postings WHERE outcome = 'pending' "
                + "AND job_id IS NOT NULL", rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        int n = 0;
        for (long[] p : linked) {
            if (Jdbc.update(c, "UPDATE raw_postings SET job_id = NULL WHERE id = ? AND outcome = 'pending' AND job_id = ?",
                    p[0], p[1]) == 1) {
                EnrichedJobs.release(c, p[1]);
                n++;
            }
        }
        return n;
    }

    // A posting whose text row is missing (removed by hand) is still read, with no description: it is
    // decided (too short) and exported, not skipped where no one would notice.
    private static final String PENDING_COLUMNS = "SELECT r.id, r.source, r.source_job_id, r.url, r.company, r.title, "
            + "r.location_text, coalesce(t.description, '') AS description, r.posted_at, t.hints, r.job_hash, r.place, "
            + "r.closed_at, r.joined_job_at, r.first_seen, r.last_seen, r.attempts, r.content_hash "
            + "FROM raw_postings r LEFT JOIN posting_texts t ON t.posting_id = r.id ";

    private record State(long id, String contentHash, String jobHash, String outcome, String reason, Long jobId) {

        /** Filtered as closed, and seen on its board again: it is to be decided after all. */
        boolean closedAndBack() {
            return outcome.equals("filtered") && "closed".equals(reason);
        }
    }

    private RawPostings() {
    }

    /**
     * The order a batch's postings are written in where several writers share the database: by
     * their identity (source, then id), a posting repeated within the batch in the order it came.
     * Two fetches landing the same postings (two fetch processes, or a board listing them in another
     * order the second time) lock their rows in this one order, so that the second waits for the
     * first instead of each holding a row the other wants: a deadlock, which on a busy board recurs
     * until the retries run out and the board fails. New postings are still numbered in the order
     * they came (see {@link #idsInArrivalOrder}).
     */
    static final java.util.Comparator<Landing> WRITE_ORDER = java.util.Comparator
            .comparing((Landing l) -> l.posting().source())
            .thenComparing(l -> l.posting().sourceJobId());

    /**
     * Lands a batch inside the caller's transaction. Postings repeated within the batch are
     * treated in order, the later ones as re-sightings. Where several writers share the database,
     * rows are written in {@link #WRITE_ORDER}; the jobs they leave or are seen in afterwards, in job
     * id order (as a worker's outcome write counts them): every lock it takes is taken in an order
     * other fetches share.
     *
     * @param listsAll whether the board lists every open posting (a job board's API, not an import
     *                 or a search): only its sightings move a posting to it and reopen a closed one
     */
    public static LandCounts land(Connection c, List<Landing> batch, long seenAt, Long fetchRunId, String board,
                                  boolean listsAll) throws SQLException {
        board = boardKey(board);
        String seenSql = SEEN + (listsAll ? OPENS : KEEPS);
        String changedSql = CHANGED + (listsAll ? OPENS : KEEPS) + " RETURNING outcome, outcome_reason, job_id";
        boolean several = Dialect.of(c).severalWriters();
        Map<String, State> states = existing(c, batch);
        Map<String, Long> numbered = several ? idsInArrivalOrder(c, batch, states) : Map.of();
        List<Landing> ordered = batch;
        if (several) {
            ordered = new ArrayList<>(batch);
            ordered.sort(WRITE_ORDER); // stable: a posting repeated keeps its order
        }
        java.util.SortedMap<Long, Long> jobsSeen = new java.util.TreeMap<>();
        java.util.SortedMap<Long, Integer> jobsLeft = new java.util.TreeMap<>();
        int fresh = 0;
        int updated = 0;
        int unchanged = 0;
        int requeued = 0;
        try (PreparedStatement insert = c.prepareStatement(several ? INSERT_NUMBERED : INSERT);
             PreparedStatement insertText = c.prepareStatement(INSERT_TEXT);
             PreparedStatement updateText = c.prepareStatement(UPDATE_TEXT);
             PreparedStatement seen = c.prepareStatement(seenSql);
             PreparedStatement changed = c.prepareStatement(changedSql);
             PreparedStatement requeue = c.prepareStatement(REQUEUE)) {
            for (Landing l : ordered) {
                Posting p = l.posting();
                String key = key(p.source(), p.sourceJobId());
                State st = states.get(key);
                if (st == null) {
                    Long id = insert(insert, l, numbered.get(key), seenAt, fetchRunId, board);
                    if (id != null) {
                        bindAndRun(insertText, INSERT_TEXT, id, p.description(), l.hintsJson());
                        states.put(key, new State(id, l.contentHash(), l.jobHash(), "pending", null, null));
                        fresh++;
                        continue;
                    }
                    // Another writer landed it in between: treat as a re-sighting.
                    st = existing(c, List.of(l)).get(key);
                }
                Object[] where = listsAll ? new Object[] {fetchRunId, board, st.id()} : new Object[] {st.id()};
                if (st.contentHash().equals(l.contentHash()) || l.partial()) {
                    bindAndRun(seen, seenSql, concat(new Object[] {seenAt, seenAt, l.partial() ? null : l.listing()}, where));
                    unchanged++;
                    if (st.jobId() != null) {
                        jobsSeen.merge(st.jobId(), seenAt, Math::max);
                    }
                    if (listsAll && st.closedAndBack()) {
                        // It left before it was classified and is listed again: decide it now.
                        bindAndRun(requeue, REQUEUE, seenAt, st.id());
                        requeued++;
                        st = new State(st.id(), st.contentHash(), st.jobHash(), "pending", null, null);
                    }
                    states.put(key, st);
                    continue;
                }
                // The decision as the update finds it, not as it was read: on PostgreSQL a worker may have
                // written one about the old content in between (the update waited for its row), and that
                // decision, about text the posting no longer has, must be undone like any other.
                st = changed(changed, changedSql, st, concat(new Object[] {p.url(), p.company(), p.title(),
                        p.locationText(), millis(p.postedAt()), millis(p.postedAt()), l.contentHash(), l.jobHash(), l.place(),
                        l.listing(), seenAt, seenAt}, where));
                bindAndRun(updateText, UPDATE_TEXT, p.description(), l.hintsJson(), st.id());
                updated++;
                boolean decided = st.outcome().equals("enriched") || st.outcome().equals("merged");
                boolean redo = (decided && !st.jobHash().equals(l.jobHash()))
                        || st.outcome().equals("filtered") || st.outcome().equals("failed");
                Long jobId = st.jobId();
                String outcome = st.outcome();
                if (redo) {
                    bindAndRun(requeue, REQUEUE, seenAt, st.id());
                    requeued++;
                    if (jobId != null) {
                        jobsLeft.merge(jobId, 1, Integer::sum); // released below, with the jobs seen, in id order
                    }
                    jobId = null;
                    outcome = "pending";
                } else if (jobId != null) {
                    jobsSeen.merge(jobId, seenAt, Math::max);
                }
                states.put(key, new State(st.id(), l.contentHash(), l.jobHash(), outcome, redo ? null : st.reason(), jobId));
            }
        }
        EnrichedJobs.afterLanding(c, jobsLeft, jobsSeen);
        return new LandCounts(fresh, updated, unchanged, requeued);
    }

    /**
     * Ids for the batch's new postings (identities not stored yet, each once), handed out by the table's
     * sequence in the order the postings came, as landing them in that order would: written in
     * {@link #WRITE_ORDER}, they keep the numbers that say which came first (the first posting of a job
     * decided is the one its job is classified from, as on a database with one writer). An id not used
     * (another writer landed the posting first) is a gap, as a failed insert leaves one.
     */
    private static Map<String, Long> idsInArrivalOrder(Connection c, List<Landing> batch, Map<String, State> states) {
        List<String> fresh = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Landing l : batch) {
            String key = key(l.posting().source(), l.posting().sourceJobId());
            if (!states.containsKey(key) && seen.add(key)) {
                fresh.add(key);
            }
        }
        if (fresh.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = Jdbc.query(c, "SELECT nextval(pg_get_serial_sequence('raw_postings', 'id')) "
                + "FROM generate_series(1, ?)", rs -> rs.getLong(1), fresh.size());
        ids = new ArrayList<>(ids);
        java.util.Collections.sort(ids);
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            out.put(fresh.get(i), ids.get(i));
        }
        return out;
    }

    /** Inserts a new posting, numbered {@code id} when given (else by the table); its id, or null when it was there. */
    private static Long insert(PreparedStatement ps, Landing l, Long id, long seenAt, Long fetchRunId, String board)
            throws SQLException {
        Posting p = l.posting();
        Object[] values = {p.source(), p.sourceJobId(), p.url(), p.company(), p.title(), p.locationText(),
                millis(p.postedAt()), l.contentHash(), l.jobHash(), l.place(), seenAt, seenAt,
                fetchRunId, fetchRunId, board, l.partial() ? null : l.listing()};
        Jdbc.bind(ps, id == null ? values : concat(new Object[] {id}, values));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        } catch (SQLException e) {
            throw new StoreException("cannot land posting " + p.identity(), INSERT, new Object[] {p.source(), p.sourceJobId()}, e);
        }
    }

    /** Runs {@code CHANGED}; the posting's state as the update left it (its outcome, reason and job). */
    private static State changed(PreparedStatement ps, String sql, State read, Object... args) {
        try {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return read;
                }
                return new State(read.id(), read.contentHash(), read.jobHash(), rs.getString("outcome"),
                        rs.getString("outcome_reason"), Jdbc.getLong(rs, "job_id"));
            }
        } catch (SQLException e) {
            throw new StoreException("update failed", sql, args, e);
        }
    }

    private static void bindAndRun(PreparedStatement ps, String sql, Object... args) {
        try {
            Jdbc.bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed", sql, args, e);
        }
    }

    /** A posting's identity as one map key (source, then its id). */
    private static String key(String source, String sourceJobId) {
        return source + '\u0000' + sourceJobId;
    }

    private static Map<String, State> existing(Connection c, List<Landing> batch) {
        Map<String, List<String>> idsBySource = new LinkedHashMap<>();
        for (Landing l : batch) {
            idsBySource.computeIfAbsent(l.posting().source(), k -> new ArrayList<>()).add(l.posting().sourceJobId());
        }
        Map<String, State> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : idsBySource.entrySet()) {
            for (List<String> chunk : Jdbc.inLists(e.getValue())) {
                Object[] args = new Object[chunk.size() + 1];
                args[0] = e.getKey();
                for (int i = 0; i < chunk.size(); i++) {
                    args[i + 1] = chunk.get(i);
                }
                String sql = "SELECT id, source_job_id, content_hash, job_hash, outcome, outcome_reason, job_id "
                        + "FROM raw_postings WHERE source = ? AND source_job_id IN (" + Jdbc.marks(chunk.size()) + ")";
                for (Object[] row : Jdbc.query(c, sql, rs -> new Object[] {rs.getString("source_job_id"),
                        new State(rs.getLong("id"), rs.getString("content_hash"), rs.getString("job_hash"),
                                rs.getString("outcome"), rs.getString("outcome_reason"), Jdbc.getLong(rs, "job_id"))}, args)) {
                    out.put(key(e.getKey(), (String) row[0]), (State) row[1]);
                }
            }
        }
        return out;
    }

    /** The next page of pending postings after {@code afterId}, in id order. */
    public static List<PendingPosting> pendingAfter(Connection c, long afterId, int limit) {
        // Not the postings waiting in an open message batch: they are being classified already.
        return page(c, "r.outcome = 'pending' AND r.batch_id IS NULL", List.of(), afterId, limit);
    }

    /**
     * A keyset page of postings (with their text) matching {@code condition}, a SQL condition on
     * {@code r} with bound parameters {@code args}; ids above {@code afterId}, in id order.
     */
    static List<PendingPosting> page(Connection c, String condition, List<Object> args, long afterId, int limit) {
        List<Object> all = new java.util.ArrayList<>(args);
        all.add(afterId);
        all.add(limit);
        return Jdbc.query(c, PENDING_COLUMNS + "WHERE " + condition + " AND r.id > ? ORDER BY r.id LIMIT ?",
                RawPostings::pending, all.toArray());
    }

    /**
     * The next page of every posting after {@code afterId} whatever its outcome, first seen at or
     * after {@code since} when given, in id order.
     */
    public static List<PendingPosting> seenAfter(Connection c, Long since, long afterId, int limit) {
        return since == null ? allAfter(c, afterId, limit) : page(c, "r.first_seen >= ?", List.of(since), afterId, limit);
    }

    /** The next page of postings that are part of a job (enriched or merged), first seen at or after {@code since} when given. */
    public static List<PendingPosting> inAJobAfter(Connection c, Long since, long afterId, int limit) {
        return page(c, "r.outcome IN ('enriched', 'merged')" + (since == null ? "" : " AND r.first_seen >= ?"),
                since == null ? List.of() : List.of(since), afterId, limit);
    }

    /** The next page of every posting after {@code afterId} whatever its outcome, in id order (for export). */
    public static List<PendingPosting> allAfter(Connection c, long afterId, int limit) {
        return page(c, "1 = 1", List.of(), afterId, limit);
    }

    /** The pending postings no message batch holds: what a direct enrich can decide (leases aside). */
    public static long countPendingOutsideBatches(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL");
    }

    /** Those of {@code ids} that are still pending (in a batch or not). */
    public static List<PendingPosting> pendingByIds(Connection c, List<Long> ids) {
        List<PendingPosting> out = new java.util.ArrayList<>(ids.size());
        for (List<Long> chunk : Jdbc.inLists(ids)) {
            out.addAll(Jdbc.query(c, PENDING_COLUMNS + "WHERE r.outcome = 'pending' AND r.id IN (" + Jdbc.marks(chunk.size())
                    + ") ORDER BY r.id", RawPostings::pending, chunk.toArray()));
        }
        return out;
    }

    private static PendingPosting pending(ResultSet rs) throws SQLException {
        Long posted = Jdbc.getLong(rs, "posted_at");
        Posting p = new Posting(rs.getString("source"), rs.getString("source_job_id"), rs.getString("url"),
                rs.getString("company"), rs.getString("title"), rs.getString("location_text"),
                rs.getString("description"), posted == null ? null : Instant.ofEpochMilli(posted),
                HintsJson.read(rs.getString("hints")));
        return new PendingPosting(rs.getLong("id"), p, rs.getString("job_hash"), rs.getString("place"),
                Jdbc.getLong(rs, "closed_at"), Jdbc.getLong(rs, "joined_job_at"),
                rs.getLong("first_seen"), rs.getLong("last_seen"), rs.getInt("attempts"), rs.getString("content_hash"));
    }

    /**
     * A posting its board still lists though the item could not be read this time: marked as seen
     * by {@code fetchRunId} at {@code seenAt}, so that neither this fetch nor one of the board
     * running beside it closes it; nothing else of it changes.
     */
    public static void stillListed(Connection c, String source, String sourceJobId, long fetchRunId, long seenAt) {
        Jdbc.update(c, "UPDATE raw_postings SET last_fetch_run_id = ?, " + SEEN_AT + " WHERE source = ? AND source_job_id = ?",
                fetchRunId, seenAt, seenAt, source, sourceJobId);
    }

    /**
     * The fingerprints of the list items the stored content of {@code board}'s postings was read with (see
     * {@link dev.jobintel.source.StoredListing}), by source_job_id: one query, and only the postings that have
     * one, a few dozen bytes each in memory (a board of 10,000 postings is well under a megabyte).
     */
    public static Map<String, Long> listingFingerprints(Connection c, String source, String board) {
        Map<String, Long> out = new HashMap<>();
        Jdbc.query(c, "SELECT source_job_id, listing_fingerprint FROM raw_postings WHERE source = ? AND board = ? "
                + "AND listing_fingerprint IS NOT NULL", rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                    return null;
                }, source, boardKey(board));
        return out;
    }

    /**
     * Liveness: after a complete fetch of an authoritative board, its postings that this fetch did
     * not see have left the board. They get closed_at; their outcome never changes (incident 23).
     * Not one seen since this fetch began ({@code seenAt}, the time its sightings carry): another
     * fetch of the board running at the same time (PostgreSQL lets a scheduled fetch overlap a slow
     * one) may have marked a posting this one saw as its own, and the posting is listed all the same.
     * Where several writers share the database, the rows are locked first in {@link #WRITE_ORDER},
     * the order that fetch lands them in: in the table's order, this could hold a posting the other
     * fetch is about to re-see while it waits for one that fetch re-saw, a deadlock.
     */
    public static int closeAbsent(Connection c, String source, String board, long fetchRunId, long seenAt) {
        String absent = "source = ? AND board = ? AND closed_at IS NULL "
                + "AND (last_fetch_run_id IS NULL OR last_fetch_run_id <> ?) AND last_seen < ?";
        Dialect dialect = Dialect.of(c);
        // In bytes, as Java's String order sorts the batch: a locale's collation may order "a-1" and "a1" otherwise.
        String bytes = dialect.binaryCollation();
        String sql = dialect.severalWriters()
                ? "UPDATE raw_postings SET closed_at = ? WHERE id IN (SELECT id FROM raw_postings WHERE " + absent
                        + " ORDER BY source" + bytes + ", source_job_id" + bytes + " FOR UPDATE)"
                : "UPDATE raw_postings SET closed_at = ? WHERE " + absent;
        return Jdbc.update(c, sql, seenAt, source, boardKey(board), fetchRunId, seenAt);
    }

    /**
     * The board a posting is kept under (raw_postings.board), for liveness: the slug in lower case. The
     * configuration counts 'Acme' and 'acme' as one board (the boards' APIs take a slug in any case), so
     * a slug respelled in another case must still close the postings fetched under the old spelling.
     * Migration 11 lowered the rows written before.
     */
    static String boardKey(String board) {
        return board == null ? null : board.toLowerCase(java.util.Locale.ROOT);
    }

    private static Object[] concat(Object[] head, Object[] tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
