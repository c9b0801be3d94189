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
        for (List<String> chunk : Jdbc.inLists(hashes)) {
            String sql = "SELECT id, job_hash FROM enriched_jobs WHERE job_hash IN (" + Jdbc.marks(chunk.size()) + ")";
            for (Object[] row : Jdbc.query(c, sql, rs -> new Object[] {rs.getString(2), rs.getLong(1)}, chunk.toArray())) {
                out.put((String) row[0], (Long) row[1]);
            }
        }
        return out;
    }

    /**
     * What landing a batch does to jobs, one job at a time in job id order (the order a worker's
     * outcome write counts them in, so that neither holds a job the other waits for while it waits
     * for one the other holds): each job {@code left} by postings that changed is released once per
     * posting (see {@link #release}), and each job of re-sighted postings has its last_seen moved
     * forward (incident 6). Where no posting left a job (nearly always), one batched statement.
     */
    static void afterLanding(Connection c, java.util.SortedMap<Long, Integer> left,
                             java.util.SortedMap<Long, Long> lastSeenByJob) throws SQLException {
        java.util.SortedSet<Long> jobs = new java.util.TreeSet<>(left.keySet());
        jobs.addAll(lastSeenByJob.keySet());
        if (jobs.isEmpty()) {
            return;
        }
        String sql = "UPDATE enriched_jobs SET last_seen = ? WHERE id = ? AND last_seen < ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            boolean queued = false;
            for (long job : jobs) {
                Integer postings = left.get(job);
                if (postings != null) {
                    if (queued) {
                        ps.executeBatch(); // the jobs before this one first: the order is the point
                        queued = false;
                    }
                    for (int i = 0; i < postings; i++) {
                        release(c, job);
                    }
                }
                Long seen = lastSeenByJob.get(job);
                if (seen != null) {
                    Jdbc.bind(ps, seen, job, seen);
                    ps.addBatch();
                    queued = true;
                }
            }
            if (queued) {
                ps.executeBatch();
            }
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

    /**
     * The next page of jobs after {@code afterId}, in id order: every column of enriched_jobs by
     * name (times as ISO instants), with the job's skills as a list under "skills".
     */
    public static List<Map<String, Object>> exportPage(Connection c, long afterId, int limit) {
        List<Map<String, Object>> jobs = Jdbc.query(c, "SELECT * FROM enriched_jobs WHERE id > ? ORDER BY id LIMIT ?", rs -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                Object v = rs.getObject(i);
                if (v != null && (name.equals("first_seen") || name.equals("last_seen") || name.equals("classified_at"))) {
                    v = java.time.Instant.ofEpochMilli(((Number) v).longValue()).toString();
                } else if (v instanceof Number n && !(v instanceof Double) && !(v instanceof java.math.BigDecimal)) {
                    v = n.longValue(); // one integer type whichever engine answered
                }
                row.put(name, v);
            }
            row.put("skills", new java.util.ArrayList<String>());
            return row;
        }, afterId, limit);
        if (jobs.isEmpty()) {
            return jobs;
        }
        Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
        jobs.forEach(j -> byId.put((Long) j.get("id"), j));
        long last = (Long) jobs.get(jobs.size() - 1).get("id");
        Jdbc.each(c, "SELECT job_id, skill FROM job_skills WHERE job_id > ? AND job_id <= ? ORDER BY job_id, skill"
                        + Dialect.of(c).binaryCollation(),
                rs -> {
                    Map<String, Object> job = byId.get(rs.getLong(1));
                    if (job != null) { // a skill row of a job removed behind the foreign keys belongs to no job
                        @SuppressWarnings("unchecked")
                        List<String> skills = (List<String>) job.get("skills");
                        skills.add(rs.getString(2));
                    }
                }, afterId, last);
        return jobs;
    }

    /** The keys of every {@link #exportPage} row, in order: the table's columns, then skills. */
    public static List<String> exportColumns(Connection c) {
        List<String> columns = new java.util.ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM enriched_jobs WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("reading the columns of enriched_jobs failed: " + e.getMessage(), e);
        }
        columns.add("skills");
        return columns;
    }
}
