package dev.jobintel.store;

import dev.jobintel.classify.Classification;
import dev.jobintel.internal.Throwables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outcomes of a batch of pending postings in one transaction: the enriched job, the
 * posting's outcome and the job's counters together, so a crash leaves either all of a batch
 * or none of it. If the database refuses one row, the batch is written again posting by
 * posting and only the refused posting is marked failed(store_error); the run goes on.
 *
 * <p>Every update is conditional: the posting must still be pending and still have the content
 * it was decided on. One that no longer does (a fetch landed new content meanwhile, or another
 * worker decided it after this one's lease ran out) is left as it is and reported superseded.
 */
public final class Outcomes {

    // Every decision ends the posting's lease, if a worker held it: a lease means "being decided".
    static final String FILTER = "UPDATE raw_postings SET outcome = 'filtered', outcome_reason = ?, outcome_detail = ?, "
            + "outcome_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND outcome = 'pending' AND content_hash = ?";
    static final String FAIL = "UPDATE raw_postings SET outcome = 'failed', outcome_reason = ?, last_error = ?, "
            + "retryable = ?, raw_output = ?, attempts = attempts + 1, outcome_at = ?, lease_owner = NULL, "
            + "lease_until = NULL WHERE id = ? AND outcome = 'pending' AND content_hash = ?";
    static final String INSERT_JOB = "INSERT INTO enriched_jobs (job_hash, company, title, place, city_code, country_code, "
            + "remote_scope, family, subfamily, seniority, track, arrangement, position_type, salary_min, salary_max, "
            + "salary_currency, salary_period, equity, years_min, years_max, summary, classifier, model, prompt_version, "
            + "defaulted, first_seen, last_seen, raw_count, classified_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
            + "ON CONFLICT (job_hash) DO NOTHING RETURNING id";
    static final String LINK = "UPDATE raw_postings SET outcome = ?, job_id = ?, outcome_reason = NULL, outcome_detail = NULL, "
            + "outcome_at = ?, joined_job_at = coalesce(joined_job_at, ?), retryable = NULL, attempts = attempts + ?, "
            + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND outcome = 'pending' AND content_hash = ? "
            // Only to the job of the posting's own hash: a relocation may have given the posting
            // another identity while a worker was deciding it under the old one.
            + "AND job_hash = (SELECT j.job_hash FROM enriched_jobs j WHERE j.id = ?)";
    static final String TOUCH_JOB = "UPDATE enriched_jobs SET raw_count = raw_count + ?, "
            + "first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
            + "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE id = ?";
    static final String JOB_BY_HASH = "SELECT id FROM enriched_jobs WHERE job_hash = ?";

    private final Database db;

    public Outcomes(Database db) {
        this.db = db;
    }

    public WriteResult write(List<Outcome> outcomes, long now) {
        if (outcomes.isEmpty()) {
            return WriteResult.EMPTY;
        }
        try {
            return db.inTransactionRetried(c -> writeAll(c, outcomes, now));
        } catch (StoreException batchError) {
            if (!isConstraint(batchError)) {
                throw batchError;
            }
            WriteResult total = WriteResult.EMPTY;
            for (Outcome o : outcomes) {
                try {
                    total = total.plus(db.inTransactionRetried(c -> writeAll(c, List.of(o), now)));
                } catch (StoreException e) {
                    if (!isConstraint(e)) {
                        throw e;
                    }
                    String message = "the database refused this posting's row: " + Throwables.rootMessage(e);
                    int failed = db.inTransaction(c -> Jdbc.update(c, FAIL, "store_error", message, false, null, now,
                            o.postingId(), o.contentHash()));
                    total = total.plus(failed == 1
                            ? new WriteResult(0, 0, 0, 1, List.of(), List.of(o.postingId()), List.of())
                            : new WriteResult(0, 0, 0, 0, List.of(), List.of(), List.of(o.postingId())));
                }
            }
            return total;
        }
    }

    private boolean isConstraint(StoreException e) {
        return Database.causedBy(e, db.dialect()::isConstraintViolation);
    }

    private static WriteResult writeAll(Connection c, List<Outcome> outcomes, long now) throws SQLException {
        try (Transaction t = new Transaction(c, now)) {
            for (Outcome o : outcomes) {
                if (o instanceof Outcome.Filtered f) {
                    t.filtered(f);
                } else if (o instanceof Outcome.Failed f) {
                    t.failed(f);
                } else if (o instanceof Outcome.Enriched e) {
                    t.enriched(e);
                } else if (o instanceof Outcome.Merged m) {
                    t.merged(m);
                }
                // Outcome.Unchanged: nothing to write.
            }
            t.touchJobs();
            clearSkills(c, t.newJobs);
            insertSkills(c, t.skills);
            return new WriteResult(t.enriched, t.merged, t.filtered, t.failed, t.deferred, List.of(), t.superseded);
        }
    }

    /**
     * One batch's writes, an outcome at a time, with the statements it reuses and what it counts.
     * One method per kind of outcome keeps each small (and each compiled on its own).
     */
    private static final class Transaction implements AutoCloseable {
        private final Connection c;
        private final long now;
        private final PreparedStatement filter;
        private final PreparedStatement fail;
        private final PreparedStatement insertJob;
        private final PreparedStatement link;
        private final PreparedStatement touch;
        private final PreparedStatement byHash;
        final List<Long> deferred = new ArrayList<>();
        final List<Long> superseded = new ArrayList<>();
        final List<Object[]> skills = new ArrayList<>();
        /** The jobs this batch created: any skill rows under their ids are not theirs (see {@link #clearSkills}). */
        final List<Long> newJobs = new ArrayList<>();
        /**
         * Per job the batch merged postings into: how many, the earliest first and latest last seen. Counted
         * at the end, in job id order: other workers' batches lock the jobs they count in the same order, so
         * two batches merging into the same popular jobs wait for each other instead of deadlocking.
         */
        private final java.util.TreeMap<Long, long[]> touched = new java.util.TreeMap<>();
        int enriched;
        int merged;
        int filtered;
        int failed;

        Transaction(Connection c, long now) throws SQLException {
            this.c = c;
            this.now = now;
            this.filter = c.prepareStatement(FILTER);
            this.fail = c.prepareStatement(FAIL);
            this.insertJob = c.prepareStatement(INSERT_JOB);
            this.link = c.prepareStatement(LINK);
            this.touch = c.prepareStatement(TOUCH_JOB);
            this.byHash = c.prepareStatement(JOB_BY_HASH);
        }

        void filtered(Outcome.Filtered f) {
            filtered += counted(f, run(filter, FILTER, f.reason(), f.detail(), now, f.postingId(), f.contentHash()));
        }

        void failed(Outcome.Failed f) {
            failed += counted(f, run(fail, FAIL, f.reason(), f.message(), f.retryable(), f.rawOutput(), now,
                    f.postingId(), f.contentHash()));
        }

        /** The rows an update changed (0 or 1); a posting it did not change is superseded. */
        private int counted(Outcome o, int rows) {
            if (rows == 0) {
                superseded.add(o.postingId());
            }
            return rows;
        }

        void enriched(Outcome.Enriched e) {
            Long jobId = insertJob(insertJob, e, now);
            if (jobId == null) {
                // Another writer created this job first: link to it instead.
                Long existing = jobId(byHash, e.job().jobHash());
                if (existing == null) {
                    deferred.add(e.postingId());
                } else if (linkTo(link, touch, e, existing, "merged", 1, e.firstSeen(), e.lastSeen(), now)) {
                    merged++;
                }
                return;
            }
            // The job was created counting this posting and its dates: linking is all that is left.
            if (counted(e, run(link, LINK, "enriched", jobId, now, now, 1, e.postingId(), e.contentHash(), jobId)) == 1) {
                for (Classification.SkillMention m : e.job().classification().skills()) {
                    skills.add(new Object[] {jobId, m.name(), m.family()});
                }
                newJobs.add(jobId);
                enriched++;
            } else {
                Jdbc.update(c, "DELETE FROM enriched_jobs WHERE id = ?", jobId);
            }
        }

        void merged(Outcome.Merged m) {
            Long jobId = jobId(byHash, m.jobHash());
            if (jobId == null) {
                deferred.add(m.postingId());
            } else if (linkTo(link, touch, m, jobId, "merged", 0, m.firstSeen(), m.lastSeen(), now)) {
                merged++;
            }
        }

        /** Links the posting to the job and counts it there; false (and superseded) if the posting moved on. */
        private boolean linkTo(PreparedStatement link, PreparedStatement touch, Outcome o, long jobId, String outcome,
                               int attempt, long firstSeen, long lastSeen, long now) {
            if (counted(o, run(link, LINK, outcome, jobId, now, now, attempt, o.postingId(), o.contentHash(), jobId)) == 0) {
                return false;
            }
            long[] t = touched.get(jobId);
            if (t == null) {
                touched.put(jobId, new long[] {1, firstSeen, lastSeen});
            } else {
                t[0]++;
                t[1] = Math.min(t[1], firstSeen);
                t[2] = Math.max(t[2], lastSeen);
            }
            return true;
        }

        /** Counts the merged postings in their jobs, one update per job, in job id order. */
        void touchJobs() {
            for (var e : touched.entrySet()) {
                long[] t = e.getValue();
                run(touch, TOUCH_JOB, t[0], t[1], t[1], t[2], t[2], e.getKey());
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(filter, fail, insertJob, link, touch, byHash)) {
                ps.close();
            }
        }
    }

    private static int run(PreparedStatement ps, String sql, Object... args) {
        try {
            Jdbc.bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed", sql, args, e);
        }
    }

    private static Long insertJob(PreparedStatement ps, Outcome.Enriched e, long now) {
        JobRecord j = e.job();
        Classification k = j.classification();
        var salary = k.salary();
        Object[] args = {j.jobHash(), j.company(), j.title(), j.place(), j.cityCode(), j.countryCode(), j.remoteScope(),
                k.family(), k.subfamily(), k.seniority(), k.track(), k.arrangement(), k.positionType(),
                salary == null ? null : salary.min(), salary == null ? null : salary.max(),
                salary == null ? null : salary.currency(), salary == null ? null : salary.period().code(),
                k.equity(), k.yearsMin(), k.yearsMax(), k.summary(), k.classifier(), k.model(), k.promptVersion(),
                String.join(",", k.defaulted().stream().sorted().toList()), e.firstSeen(), e.lastSeen(), now};
        try {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException ex) {
            throw new StoreException("cannot store the job of posting " + e.postingId(), INSERT_JOB, args, ex);
        }
    }

    /**
     * Removes the skill rows under the ids of jobs just created, one statement per 500 jobs (not per job): a
     * job removed by hand with foreign keys off leaves its skills, and SQLite gives its id to the next job,
     * which would otherwise be counted in the skills report with the removed job's skills.
     */
    private static void clearSkills(Connection c, List<Long> jobIds) throws SQLException {
        for (List<Long> chunk : Jdbc.inLists(jobIds)) {
            String sql = "DELETE FROM job_skills WHERE job_id IN (" + Jdbc.marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, chunk.toArray());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot clear job skills", sql, new Object[] {chunk.size() + " jobs"}, e);
            }
        }
    }

    private static final int SKILL_ROWS = 100;

    /** The batch's skills in multi-row statements of up to 100 rows (one statement per chunk, not per skill). */
    private static void insertSkills(Connection c, List<Object[]> rows) throws SQLException {
        PreparedStatement full = null;
        try {
            int i = 0;
            while (i < rows.size()) {
                int n = Math.min(SKILL_ROWS, rows.size() - i);
                PreparedStatement ps;
                if (n == SKILL_ROWS) {
                    if (full == null) {
                        full = c.prepareStatement(skillSql(SKILL_ROWS));
                    }
                    ps = full;
                } else {
                    ps = c.prepareStatement(skillSql(n));
                }
                try {
                    Object[] args = new Object[n * 3];
                    for (int k = 0; k < n; k++) {
                        System.arraycopy(rows.get(i + k), 0, args, k * 3, 3);
                    }
                    Jdbc.bind(ps, args);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw new StoreException("cannot store job skills", skillSql(n), new Object[] {n + " rows"}, e);
                } finally {
                    if (ps != full) {
                        ps.close();
                    }
                }
                i += n;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static String skillSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO job_skills (job_id, skill, family) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        return sql.append(" ON CONFLICT (job_id, skill) DO NOTHING").toString();
    }

    private static Long jobId(PreparedStatement ps, String hash) {
        try {
            Jdbc.bind(ps, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("job lookup failed", JOB_BY_HASH, new Object[] {hash}, e);
        }
    }
}
