package dev.jobintel.store;

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

    /** Board fetches of one source: how many, how many failed, rejects. */
    public record SourceFetches(String source, long fetches, long failed, long rejected) {
    }

    private Ledger() {
    }

    public static List<Line> lines(Connection c) {
        return Jdbc.query(c, "SELECT source, outcome, outcome_reason, count(*) AS n, "
                        + "sum(CASE WHEN retryable = 1 THEN 1 ELSE 0 END) AS r FROM raw_postings "
                        + "GROUP BY source, outcome, outcome_reason ORDER BY source, outcome, outcome_reason",
                rs -> new Line(rs.getString("source"), rs.getString("outcome"), rs.getString("outcome_reason"),
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
                        + "sum(rejected) AS r FROM fetch_runs GROUP BY source ORDER BY source",
                rs -> new SourceFetches(rs.getString("source"), rs.getLong("n"), rs.getLong("f"), rs.getLong("r")));
    }

    /**
     * Checks the ledger's invariants: count(raw) = sum of outcomes; every enriched job is
     * referenced by at least one raw posting; every enriched or merged posting points to an
     * existing job; every job's raw_count matches its postings; every filtered or failed posting
     * has a reason. Returns the violations, empty when all hold.
     */
    public static List<Violation> check(Connection c) {
        List<Violation> out = new ArrayList<>();
        long total = rawCount(c);
        long summed = Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome IN "
                + "('pending', 'enriched', 'merged', 'filtered', 'failed')");
        if (total != summed) {
            out.add(new Violation("every raw posting has exactly one known outcome", total - summed));
        }
        long orphanJobs = Jdbc.count(c, "SELECT count(*) FROM enriched_jobs j "
                + "WHERE NOT EXISTS (SELECT 1 FROM raw_postings r WHERE r.job_id = j.id)");
        if (orphanJobs > 0) {
            out.add(new Violation("every enriched job is referenced by at least one raw posting", orphanJobs));
        }
        long dangling = Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.outcome IN ('enriched', 'merged') "
                + "AND NOT EXISTS (SELECT 1 FROM enriched_jobs j WHERE j.id = r.job_id)");
        if (dangling > 0) {
            out.add(new Violation("every enriched or merged posting points to an existing enriched job", dangling));
        }
        long unlinked = Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome NOT IN ('enriched', 'merged') "
                + "AND job_id IS NOT NULL");
        if (unlinked > 0) {
            out.add(new Violation("only enriched or merged postings point to a job", unlinked));
        }
        long miscounted = Jdbc.count(c, "SELECT count(*) FROM enriched_jobs j WHERE j.raw_count <> "
                + "(SELECT count(*) FROM raw_postings r WHERE r.job_id = j.id)");
        if (miscounted > 0) {
            out.add(new Violation("every enriched job's raw_count equals the postings linked to it", miscounted));
        }
        long unexplained = Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome IN ('filtered', 'failed') "
                + "AND (outcome_reason IS NULL OR outcome_reason = '')");
        if (unexplained > 0) {
            out.add(new Violation("every filtered or failed posting has a reason", unexplained));
        }
        return out;
    }
}
