package dev.jobintel.store;

import dev.jobintel.internal.Clip;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The posting ledger: how many raw postings have each outcome and reason, per source, and the
 * invariants that make those numbers trustworthy. All counts are computed in the database.
 */
public final class Ledger {

    /** Postings of one source with one outcome and reason. */
    public record Line(String source, String outcome, String reason, long count, long retryable) {
    }

    /** A broken invariant, with how many rows break it. */
    public record Violation(String invariant, long rows) {
    }

    /**
     * Board fetches of one source: how many, how many failed, rejects.
     *
     * @param partial fetches that kept what arrived but did not read the whole board (a page failed, a limit)
     * @param running fetches still marked running: in progress now, or stopped before they finished (Ctrl-C, a crash)
     */
    public record SourceFetches(String source, long fetches, long failed, long partial, long running, long rejected) {
    }

    /** One posting shown as an example of an outcome. */
    public record Example(String source, String sourceJobId, String company, String title, String detail) {

        /** "greenhouse 4100427626 — Acme — Data Engineer: why", clipped, on one line, as status --explain shows it. */
        public String line() {
            return Clip.oneLine(source, 40) + " " + Clip.oneLine(sourceJobId, 80) + " — "
                    + (company == null || company.isBlank() ? "(no company)" : Clip.oneLine(company, 60)) + " — "
                    + Clip.oneLine(title, 100) + (detail == null ? "" : ": " + Clip.oneLine(detail, 160));
        }
    }

    /** One fetch run (all the boards fetched by one command) and what became of the postings it first saw. */
    public record RunLine(String runId, long startedAt, long boards, long failedBoards, long partialBoards,
                          long runningBoards, long seen,
                          long newPostings, long changed, long unchanged, long rejected, long closed,
                          java.util.Map<String, Long> outcomes) {
    }

    private Ledger() {
    }

    /**
     * A few postings with this outcome and reason (null reason: none), first by id, with their
     * last error or the gate's detail.
     */
    public static List<Example> examples(Connection c, String outcome, String reason, String source, int n) {
        StringBuilder sql = new StringBuilder("SELECT source, source_job_id, company, title, "
                + "coalesce(last_error, outcome_detail) AS detail FROM raw_postings WHERE outcome = ? ");
        List<Object> args = new ArrayList<>(List.of(outcome));
        if (reason == null) {
            sql.append("AND outcome_reason IS NULL ");
        } else {
            sql.append("AND outcome_reason = ? ");
            args.add(reason);
        }
        if (source != null) {
            sql.append("AND source = ? ");
            args.add(source);
        }
        sql.append("ORDER BY id LIMIT ?");
        args.add(n);
        return Jdbc.query(c, sql.toString(), rs -> new Example(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), args.toArray());
    }

    /** Pending postings waiting in an open message batch. */
    public static long pendingInBatches(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.outcome = 'pending' AND r.batch_id IS NOT NULL "
                + "AND " + LlmBatches.IN_OPEN_BATCH);
    }

    /**
     * Pending postings still marked with a batch that is no longer open (collected or abandoned, or gone: a crash
     * between collecting and releasing): nothing answers for them, and enrich does not take them; backfill releases them.
     */
    public static long pendingInGoneBatches(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.outcome = 'pending' AND r.batch_id IS NOT NULL "
                + "AND NOT " + LlmBatches.IN_OPEN_BATCH);
    }

    /**
     * Pending postings a worker holds under a lease that has not run out by the server's clock ({@code nowSql}),
     * not counting those in an open message batch: 'enrich --batch' keeps its postings leased while it polls, and
     * a posting is counted once, in {@link #pendingInBatches}, so that the two add up to no more than the pending.
     */
    public static long pendingLeased(Connection c, String nowSql) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL "
                + "AND lease_until >= " + nowSql);
    }

    /** The last {@code n} fetch runs, newest first, with the outcomes of the postings each first saw. */
    public static List<RunLine> runs(Connection c, int n) {
        List<Object[]> heads = Jdbc.query(c, "SELECT run_id, min(started_at) AS started, count(*) AS boards, "
                        + "sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed, "
                        + "sum(CASE WHEN status = 'partial' THEN 1 ELSE 0 END) AS partial, "
                        + "sum(CASE WHEN status = 'running' THEN 1 ELSE 0 END) AS running, sum(seen) AS seen, "
                        + "sum(new_count) AS fresh, sum(updated_count) AS changed, sum(unchanged_count) AS unchanged, "
                        + "sum(rejected) AS rejected, sum(closed_count) AS closed FROM fetch_runs GROUP BY run_id "
                        + "ORDER BY started DESC, run_id LIMIT ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getLong(12)}, n);
        List<RunLine> out = new ArrayList<>();
        for (Object[] h : heads) {
            java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
            for (Object[] row : Jdbc.query(c, "SELECT r.outcome, count(*) FROM raw_postings r JOIN fetch_runs f "
                            + "ON f.id = r.first_fetch_run_id WHERE f.run_id = ? GROUP BY r.outcome",
                    rs -> new Object[] {outcome(rs.getString(1)), rs.getLong(2)}, h[0])) {
                outcomes.put((String) row[0], (Long) row[1]);
            }
            out.add(new RunLine((String) h[0], (Long) h[1], (Long) h[2], (Long) h[3], (Long) h[4], (Long) h[5],
                    (Long) h[6], (Long) h[7], (Long) h[8], (Long) h[9], (Long) h[10], (Long) h[11], outcomes));
        }
        return out;
    }

    /**
     * A posting's outcome as the ledger lists it. The schema forbids NULL, but a hand-altered
     * table can hold one: shown as an outcome of its own, so that the ledger still adds up and
     * the check names it as unknown, instead of the report failing on it. (Mapped here, not in
     * SQL: grouping by an expression would not read the ledger index, and status would slow.)
     */
    private static String outcome(String stored) {
        return stored == null ? "(null)" : stored;
    }

    public static List<Line> lines(Connection c) {
        return Jdbc.query(c, "SELECT source, outcome, outcome_reason, count(*) AS n, "
                        + "sum(CASE WHEN retryable = 1 THEN 1 ELSE 0 END) AS r FROM raw_postings "
                        + "GROUP BY source, outcome, outcome_reason ORDER BY source, outcome, outcome_reason",
                rs -> new Line(rs.getString("source"), outcome(rs.getString("outcome")), rs.getString("outcome_reason"),
                        rs.getLong("n"), rs.getLong("r")));
    }

    public static long rawCount(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings");
    }

    public static long jobCount(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM enriched_jobs");
    }

    public static long rejectCount(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM rejects");
    }

    public static List<SourceFetches> fetches(Connection c) {
        return Jdbc.query(c, "SELECT source, count(*) AS n, sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS f, "
                        + "sum(CASE WHEN status = 'partial' THEN 1 ELSE 0 END) AS p, "
                        + "sum(CASE WHEN status = 'running' THEN 1 ELSE 0 END) AS u, "
                        + "sum(rejected) AS r FROM fetch_runs GROUP BY source ORDER BY source",
                rs -> new SourceFetches(rs.getString("source"), rs.getLong("n"), rs.getLong("f"), rs.getLong("p"),
                        rs.getLong("u"), rs.getLong("r")));
    }

    /**
     * Checks the ledger's invariants: count(raw) = sum of outcomes; every enriched job is
     * referenced by at least one raw posting; every enriched or merged posting points to an
     * existing job of its own job_hash; every job's raw_count matches its postings; every filtered or failed posting
     * has a reason, and every failed one says whether a retry may help; a posting held by a
     * message batch is pending and its batch open. Returns the violations, empty when all hold.
     */
    public static List<Violation> check(Connection c) {
        // The checks that need only a posting's own row share one scan of raw_postings, and those of a
        // job's postings one pass over the jobs: on 100,000 postings, five scans cost status a fifth of a second.
        long[] p = Jdbc.one(c, "SELECT count(*), "
                + sum("outcome IN ('pending', 'enriched', 'merged', 'filtered', 'failed')") + ", "
                + sum("outcome NOT IN ('enriched', 'merged') AND job_id IS NOT NULL") + ", "
                + sum("outcome IN ('filtered', 'failed') AND (outcome_reason IS NULL OR outcome_reason = '')") + ", "
                + sum("outcome = 'failed' AND retryable IS NULL") + ", "
                + sum("batch_id IS NOT NULL AND (outcome <> 'pending' OR NOT " + LlmBatches.IN_OPEN_BATCH + ")")
                + " FROM raw_postings r", Ledger::longs);
        long[] j = Jdbc.one(c, "SELECT count(*), " + sum("n = 0") + ", " + sum("raw_count <> n") + " FROM (SELECT "
                + "j.raw_count, (SELECT count(*) FROM raw_postings r WHERE r.job_id = j.id) AS n FROM enriched_jobs j) x",
                Ledger::longs);
        // A join of its own: as a NOT EXISTS, PostgreSQL answers it with one hash join, not a lookup per posting.
        long dangling = Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.outcome IN ('enriched', 'merged') "
                + "AND NOT EXISTS (SELECT 1 FROM enriched_jobs j WHERE j.id = r.job_id AND j.job_hash = r.job_hash)");
        List<Violation> out = new ArrayList<>();
        breaks(out, "every raw posting has exactly one known outcome", p[0] - p[1]);
        breaks(out, "every enriched job is referenced by at least one raw posting", j[1]);
        breaks(out, "every enriched or merged posting points to an existing enriched job of its job_hash", dangling);
        breaks(out, "only enriched or merged postings point to a job", p[2]);
        breaks(out, "every enriched job's raw_count equals the postings linked to it", j[2]);
        breaks(out, "every filtered or failed posting has a reason", p[3]);
        breaks(out, "every failed posting says whether a retry may help", p[4]);
        breaks(out, "a posting held by a message batch is pending and its batch is open", p[5]);
        return out;
    }

    /** How many rows of the scan meet {@code condition}: 0, not null, when there are none. */
    private static String sum(String condition) {
        return "coalesce(sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    private static long[] longs(java.sql.ResultSet rs) throws java.sql.SQLException {
        long[] v = new long[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(i + 1);
        }
        return v;
    }

    private static void breaks(List<Violation> out, String invariant, long rows) {
        if (rows > 0) {
            out.add(new Violation(invariant, rows));
        }
    }
}
