package dev.jobintel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** enriched_jobs: lookups by hash and the bookkeeping that keeps raw_count and seen times true. */
public final class EnrichedJobs {

    private EnrichedJobs() {
    }

    /** job_hash → id for those of {@code hashes} that have a job. */
    public static Map<String, Long> idsByHash(Connection c, List<String> hashes) {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += 500) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 500));
            String sql = "SELECT id, job_hash FROM enriched_jobs WHERE job_hash IN (" + Jdbc.marks(chunk.size()) + ")";
            for (Object[] row : Jdbc.query(c, sql, rs -> new Object[] {rs.getString(2), rs.getLong(1)}, chunk.toArray())) {
                out.put((String) row[0], (Long) row[1]);
            }
        }
        return out;
    }

    /** Re-sighted postings move their jobs' last_seen forward (incident 6). */
    static void seen(Connection c, Map<Long, Long> lastSeenByJob) throws SQLException {
        if (lastSeenByJob.isEmpty()) {
            return;
        }
        String sql = "UPDATE enriched_jobs SET last_seen = ? WHERE id = ? AND last_seen < ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Long> e : lastSeenByJob.entrySet()) {
                Jdbc.bind(ps, e.getValue(), e.getKey(), e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * A posting no longer belongs to job {@code jobId} (it changed and was re-queued). A job that
     * no posting references any more is deleted, so every job keeps at least one raw posting.
     */
    static void release(Connection c, long jobId) {
        Jdbc.update(c, "UPDATE enriched_jobs SET raw_count = raw_count - 1 WHERE id = ? AND raw_count > 0", jobId);
        long refs = Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE job_id = ?", jobId);
        if (refs == 0) {
            Jdbc.update(c, "DELETE FROM job_skills WHERE job_id = ?", jobId);
            Jdbc.update(c, "DELETE FROM enriched_jobs WHERE id = ?", jobId);
        }
    }
}
