package dev.jobintel.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts decided postings back to pending so that enrichment decides them again: failed ones
 * (retry), and ones whose job is gone (backfill). Every scan is keyset-paginated, a page at a
 * time in its own transaction, so any number of rows is covered (incident 8: a resume query
 * that silently read only the first 1,000 rows). Every write here runs beside fetches and workers
 * on PostgreSQL: callers run it with {@link Database#inTransactionRetried}.
 */
public final class Requeue {

    public static final int PAGE = 1_000;

    /**
     * Which failed (or filtered) postings to decide again.
     *
     * @param reasons the failure or filter reasons to retry; empty means every retryable failure
     * @param sources only these sources, as the ledger spells them (see {@link #spellings}), or null for all
     * @param since   only postings first seen at or after this epoch-millisecond time, or null
     */
    public record Failed(List<String> reasons, List<String> sources, Long since) {
        public Failed {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            sources = sources == null ? null : List.copyOf(sources);
        }

        String condition() {
            StringBuilder sb = new StringBuilder();
            if (reasons.isEmpty()) {
                sb.append("r.outcome = 'failed' AND r.retryable = 1");
            } else {
                // A reason can be a failure's or the gate's: after the gate's settings change,
                // filtered postings are decided again the same way.
                sb.append("r.outcome IN ('failed', 'filtered') AND r.outcome_reason IN (")
                        .append(Jdbc.marks(reasons.size())).append(')');
            }
            if (sources != null) {
                sb.append(sources.isEmpty() ? " AND 1 = 0" : " AND r.source IN (" + Jdbc.marks(sources.size()) + ")");
            }
            if (since != null) {
                sb.append(" AND r.first_seen >= ?");
            }
            return sb.toString();
        }

        List<Object> args() {
            List<Object> a = new ArrayList<>(reasons);
            if (sources != null) {
                a.addAll(sources);
            }
            if (since != null) {
                a.add(since);
            }
            return a;
        }
    }

    private Requeue() {
    }

    /**
     * The ledger's spellings of {@code source}, matched ignoring case: sources are stored as they came (an
     * import may say "MyBoard" or "ÉCOLE"), and SQLite's lower() folds only A to Z, so the match is made here.
     */
    public static List<String> spellings(Connection c, String source) {
        String asked = source.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String s : Jdbc.query(c, "SELECT DISTINCT source FROM raw_postings", rs -> rs.getString(1))) {
            if (s.toLowerCase(java.util.Locale.ROOT).equals(asked)) {
                out.add(s);
            }
        }
        return out;
    }

    /** How many postings the selection holds, by reason. */
    public static Map<String, Long> count(Connection c, Failed f) {
        Map<String, Long> out = new TreeMap<>();
        for (Object[] row : Jdbc.query(c, "SELECT r.outcome_reason, count(*) FROM raw_postings r WHERE " + f.condition()
                + " GROUP BY r.outcome_reason", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, f.args().toArray())) {
            out.put((String) row[0], (Long) row[1]);
        }
        return out;
    }

    /** A page of the selected failed postings, for estimating what a retry would cost. */
    public static List<PendingPosting> failedPage(Connection c, Failed f, long afterId, int limit) {
        return RawPostings.page(c, f.condition(), f.args(), afterId, limit);
    }

    /** Re-queues the selected failed postings, a page per transaction; returns how many. */
    public static long failed(Database db, Failed f, long now) {
        return inPages(db, f.condition(), f.args(), List.of("failed", "filtered"), now);
    }

    /** What backfill would enrich: postings whose job is gone (or of another hash), and pending ones not in a batch. */
    public static List<PendingPosting> backfillPage(Connection c, Long since, long afterId, int limit) {
        // Every pending posting, whenever first seen: the enrich that follows decides them all, those
        // of gone batches included (backfill releases them first).
        String condition = "(" + PENDING_TO_DECIDE + " OR " + UNSOUND
                + " OR (r.outcome IN "
                + "('enriched', 'merged') AND " + NO_JOB_OF_ITS_HASH + (since == null ? "" : " AND r.first_seen >= ?") + "))";
        return RawPostings.page(c, condition, since == null ? List.of() : List.of(since), afterId, limit);
    }

    /**
     * An enriched or merged posting whose job is gone, or is the job of another hash: a job an
     * older version linked it to before its title changed. Either way its decision is not about it.
     */
    private static final String NO_JOB_OF_ITS_HASH =
            "NOT EXISTS (SELECT 1 FROM enriched_jobs j WHERE j.id = r.job_id AND j.job_hash = r.job_hash)";

    /**
     * Postings of jobs classified with a code the taxonomy in use does not have ({@code codes}:
     * the values each expression over the job may take, as {@link ReferenceData#jobCodes} gives
     * them). The expressions are jobintel's own SQL, never a user's; the values are bound.
     */
    private static String staleCodes(Map<String, List<String>> codes, List<Object> args) {
        return "r.outcome IN ('enriched', 'merged') AND EXISTS (SELECT 1 FROM enriched_jobs j WHERE j.id = r.job_id AND "
                + staleJob(codes, args) + ")";
    }

    /** A condition on job {@code j}: it holds a code {@code codes} does not have. */
    private static String staleJob(Map<String, List<String>> codes, List<Object> args) {
        StringBuilder sb = new StringBuilder("(");
        String or = "";
        for (Map.Entry<String, List<String>> e : codes.entrySet()) {
            sb.append(or).append(e.getKey().contains("%s") ? e.getKey().replace("%s", Jdbc.marks(e.getValue().size()))
                    : e.getKey() + " NOT IN (" + Jdbc.marks(e.getValue().size()) + ")");
            args.addAll(e.getValue());
            or = " OR ";
        }
        return sb.append(')').toString();
    }

    /**
     * The hashes of the jobs a backfill's repairs leave with no posting, and so removes: jobs no
     * posting points to now, and jobs every posting of which is put back to pending (whose job is
     * another's, unsound, or since {@code codes} is not null, holding a code the taxonomy in use
     * does not have). A dry run plans without them: nothing can merge into a job about to go. For
     * a dry run of a relocation, {@code moving} holds the postings it has not moved: each leaves
     * its job, so a job whose postings that stay are all among them goes too.
     */
    public static java.util.Set<String> jobHashesGoneAfterRepairs(Connection c, Long since, Map<String, List<String>> codes,
                                                                  java.util.Set<Long> moving) {
        List<Object> args = new ArrayList<>();
        String stays = stays(since, codes, args);
        java.util.Set<String> gone = new java.util.HashSet<>(Jdbc.query(c, "SELECT j.job_hash FROM enriched_jobs j WHERE "
                + "NOT EXISTS (SELECT 1 FROM raw_postings r WHERE r.job_id = j.id AND " + stays + ")",
                rs -> rs.getString(1), args.toArray()));
        Map<Long, String> left = new java.util.HashMap<>();
        for (List<Long> chunk : Jdbc.inLists(moving)) {
            Jdbc.each(c, "SELECT j.id, j.job_hash FROM raw_postings r JOIN enriched_jobs j ON j.id = r.job_id WHERE r.id IN ("
                    + Jdbc.marks(chunk.size()) + ")", rs -> left.put(rs.getLong(1), rs.getString(2)), chunk.toArray());
        }
        for (Map.Entry<Long, String> job : left.entrySet()) {
            List<Object> jobArgs = new ArrayList<>(List.of(job.getKey()));
            jobArgs.addAll(args);
            List<Long> staying = Jdbc.query(c, "SELECT r.id FROM raw_postings r WHERE r.job_id = ? AND " + stays,
                    rs -> rs.getLong(1), jobArgs.toArray());
            if (moving.containsAll(staying)) {
                gone.add(job.getValue());
            }
        }
        return gone;
    }

    /**
     * How many jobs {@link #recount} will correct after a backfill's repairs ({@code since},
     * {@code codes} and {@code moving} as for {@link #jobHashesGoneAfterRepairs}): jobs left with a
     * posting whose raw_count is not the number of postings that stay linked to them. A re-queue
     * unlinks postings without touching their job's count, so this is more than the counts wrong now.
     */
    public static long jobCountsWrongAfterRepairs(Connection c, Long since, Map<String, List<String>> codes,
                                                  java.util.Set<Long> moving) {
        List<Object> args = new ArrayList<>();
        String stays = stays(since, codes, args);
        // Each job left with a posting: how many stay linked to it, and its raw_count.
        Map<Long, long[]> jobs = new java.util.HashMap<>();
        Jdbc.each(c, "SELECT j.id, count(*), j.raw_count FROM raw_postings r JOIN enriched_jobs j ON j.id = r.job_id WHERE "
                + stays + " GROUP BY j.id, j.raw_count", rs -> jobs.put(rs.getLong(1), new long[] {rs.getLong(2),
                rs.getLong(3)}), args.toArray());
        for (List<Long> chunk : Jdbc.inLists(moving)) {
            // A posting a relocation would move leaves its job: counted above as staying, it does not.
            List<Object> chunkArgs = new ArrayList<>(chunk);
            chunkArgs.addAll(args);
            Jdbc.each(c, "SELECT j.id FROM raw_postings r JOIN enriched_jobs j ON j.id = r.job_id WHERE r.id IN ("
                    + Jdbc.marks(chunk.size()) + ") AND " + stays, rs -> jobs.get(rs.getLong(1))[0]--, chunkArgs.toArray());
        }
        // A job with no posting left is removed, not corrected.
        return jobs.values().stream().filter(n -> n[0] > 0 && n[0] != n[1]).count();
    }

    /** The condition on posting {@code r} that it stays linked to its job through a backfill's repairs; binds into {@code args}. */
    private static String stays(Long since, Map<String, List<String>> codes, List<Object> args) {
        if (since != null) {
            args.add(since);
        }
        return "NOT " + UNSOUND + " AND NOT (" + dangling(since) + ")"
                + (codes == null ? "" : " AND NOT (" + staleCodes(codes, args) + ")");
    }

    public static long countStaleCodes(Connection c, Map<String, List<String>> codes) {
        List<Object> args = new ArrayList<>();
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE " + staleCodes(codes, args), args.toArray());
    }

    /** Puts back to pending the postings of jobs with codes the taxonomy in use does not have; returns how many. */
    public static long staleCodes(Database db, Map<String, List<String>> codes, long now) {
        List<Object> args = new ArrayList<>();
        return inPages(db, staleCodes(codes, args), args, List.of("enriched", "merged"), now);
    }

    /** A keyset page of the postings {@link #staleCodes(Database, Map, long)} would put back, for a dry run. */
    public static List<PendingPosting> staleCodesPage(Connection c, Map<String, List<String>> codes, long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        String condition = staleCodes(codes, args);
        return RawPostings.page(c, condition, args, afterId, limit);
    }

    /** Re-queues every posting whose job is gone (or of another hash); returns how many. */
    public static long dangling(Database db, Long since, long now) {
        return inPages(db, dangling(since), since == null ? List.of() : List.of(since), List.of("enriched", "merged"), now);
    }

    /**
     * Puts the postings matching {@code condition} back to pending, one keyset page of ids per
     * transaction, only from {@code fromOutcomes}.
     */
    private static long inPages(Database db, String condition, List<Object> args, List<String> fromOutcomes, long now) {
        long total = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = db.read(c -> Jdbc.query(c, "SELECT r.id FROM raw_postings r WHERE " + condition
                    + " AND r.id > ? ORDER BY r.id LIMIT ?", rs -> rs.getLong(1), with(args, from, PAGE)));
            if (ids.isEmpty()) {
                return total;
            }
            // Retried: a fetch re-seeing these postings or a worker deciding them (PostgreSQL) may lock them in
            // another order, and the server ends one of the two transactions to break the deadlock.
            total += db.inTransactionRetried(c -> toPending(c, ids, fromOutcomes, now));
            after = ids.get(ids.size() - 1);
        }
    }

    private static String dangling(Long since) {
        return "r.outcome IN ('enriched', 'merged') AND " + NO_JOB_OF_ITS_HASH
                + (since == null ? "" : " AND r.first_seen >= ?");
    }

    public static long countDangling(Connection c, Long since) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE " + dangling(since),
                since == null ? new Object[0] : new Object[] {since});
    }

    /**
     * How many of {@code ids} (postings a dry run of a relocation would move) are enriched or merged into
     * the job of their hash now: moved, each points to the job of another hash, which the real run then
     * counts among {@link #countDangling} and re-queues.
     */
    public static long countMovingOutOfTheirJob(Connection c, java.util.Set<Long> ids) {
        long n = 0;
        for (List<Long> chunk : Jdbc.inLists(ids)) {
            n += Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.id IN (" + Jdbc.marks(chunk.size())
                    + ") AND r.outcome IN ('enriched', 'merged') AND NOT " + NO_JOB_OF_ITS_HASH, chunk.toArray());
        }
        return n;
    }

    /**
     * A posting whose row breaks the ledger's rules in a way only a hand-made change (or a script
     * with the checks off) leaves: an outcome jobintel does not write, a failure or filter with no
     * reason, a failure that does not say whether a retry may help, a job on a posting not in one.
     */
    private static final String UNSOUND = "(r.outcome IS NULL OR r.outcome NOT IN ('pending', 'enriched', 'merged', 'filtered', 'failed') "
            + "OR (r.outcome IN ('filtered', 'failed') AND (r.outcome_reason IS NULL OR r.outcome_reason = '')) "
            + "OR (r.outcome = 'failed' AND r.retryable IS NULL) "
            + "OR (r.outcome NOT IN ('enriched', 'merged') AND r.job_id IS NOT NULL))";

    public static long countUnsound(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE " + UNSOUND);
    }

    /** Puts every unsound posting back to pending, to be decided again; returns how many. */
    public static int requeueUnsound(Connection c, long now) {
        return Jdbc.update(c, RawPostings.TO_PENDING + "WHERE id IN (SELECT r.id FROM raw_postings r WHERE " + UNSOUND + ")", now);
    }

    /** Held by a batch that is no longer open (a crash between collecting and releasing). */
    private static final String STRANDED = "(r.batch_id IS NOT NULL AND NOT " + LlmBatches.IN_OPEN_BATCH + ")";

    /** Pending, and not waiting in an open batch: what backfill's enrich decides (it releases gone batches' first). */
    private static final String PENDING_TO_DECIDE = "(r.outcome = 'pending' AND (r.batch_id IS NULL OR " + STRANDED + "))";

    /** The pending postings backfill's enrich decides: all but those an open message batch holds. */
    public static long countPendingToDecide(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE " + PENDING_TO_DECIDE);
    }

    /** The pending postings an open message batch holds, which its answers decide. */
    public static long countPendingInOpenBatches(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE r.outcome = 'pending' AND NOT " + PENDING_TO_DECIDE);
    }

    /** Postings held by a batch that is no longer open (a crash between collecting and releasing). */
    public static long countStranded(Connection c) {
        return Jdbc.count(c, "SELECT count(*) FROM raw_postings r WHERE " + STRANDED);
    }

    public static int releaseStranded(Connection c) {
        return Jdbc.update(c, "UPDATE raw_postings SET batch_id = NULL WHERE batch_id IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM llm_batches b WHERE b.id = raw_postings.batch_id "
                + "AND b.status IN " + LlmBatches.OPEN_STATUSES + ")");
    }

    /** Jobs no posting points to any more. */
    public static int deleteOrphanJobs(Connection c) {
        Jdbc.update(c, "DELETE FROM job_skills WHERE NOT EXISTS (SELECT 1 FROM raw_postings r WHERE r.job_id = job_skills.job_id)");
        // The text of a posting removed by hand (foreign keys off): a new posting given the same id
        // (SQLite reuses the highest) would find it in its way.
        Jdbc.update(c, "DELETE FROM posting_texts WHERE NOT EXISTS "
                + "(SELECT 1 FROM raw_postings r WHERE r.id = posting_texts.posting_id)");
        // Its model calls stay in the cost ledger (they were paid for, and their answers are reused by
        // content), no longer pointing to it: a dangling link broke db check and refused db copy.
        Jdbc.update(c, "UPDATE llm_calls SET raw_posting_id = NULL WHERE raw_posting_id IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM raw_postings r WHERE r.id = llm_calls.raw_posting_id)");
        // Fetch history pruned by hand (DELETE FROM fetch_runs WHERE started_at < …): the postings and
        // rejects those runs landed keep no link to them (NULL: no run, which closing a board and
        // status --explain already allow for); the links left broke db check and refused db copy.
        for (String[] ref : new String[][] {{"raw_postings", "first_fetch_run_id"}, {"raw_postings", "last_fetch_run_id"},
                {"rejects", "fetch_run_id"}}) {
            Jdbc.update(c, "UPDATE " + ref[0] + " SET " + ref[1] + " = NULL WHERE " + ref[1] + " IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM fetch_runs f WHERE f.id = " + ref[0] + "." + ref[1] + ")");
        }
        return Jdbc.update(c, "DELETE FROM enriched_jobs WHERE NOT EXISTS "
                + "(SELECT 1 FROM raw_postings r WHERE r.job_id = enriched_jobs.id)");
    }

    private static final String LINKED = "(SELECT count(*) FROM raw_postings r WHERE r.job_id = enriched_jobs.id)";

    /**
     * Sets every job's raw_count to the postings linked to it; returns how many were wrong. The jobs
     * whose count is wrong are locked first, and counted in a statement of their own: a worker
     * merging a posting into one of them meanwhile (PostgreSQL) is waited for and its posting counted,
     * or waits and adds it after. Counted in the statement that waited, its posting would be missed
     * (the count reads the rows as they were when that statement began) and its +1 overwritten.
     */
    public static int recount(Connection c) {
        List<Long> wrong = Jdbc.query(c, "UPDATE enriched_jobs SET raw_count = raw_count WHERE raw_count <> " + LINKED
                + " RETURNING id", rs -> rs.getLong(1));
        int n = 0;
        for (List<Long> chunk : Jdbc.inLists(wrong)) {
            n += Jdbc.update(c, "UPDATE enriched_jobs SET raw_count = " + LINKED + " WHERE id IN ("
                    + Jdbc.marks(chunk.size()) + ") AND raw_count <> " + LINKED, chunk.toArray());
        }
        return n;
    }

    /** Back to pending (only from the given outcomes); a failed posting keeps its last error for the record. */
    private static long toPending(Connection c, List<Long> ids, List<String> fromOutcomes, long now) {
        String sql = RawPostings.TO_PENDING + "WHERE id IN (" + Jdbc.marks(ids.size()) + ")"
                + " AND outcome IN (" + Jdbc.marks(fromOutcomes.size()) + ")";
        List<Object> args = new ArrayList<>();
        args.add(now);
        args.addAll(ids);
        args.addAll(fromOutcomes);
        return Jdbc.update(c, sql, args.toArray());
    }

    private static Object[] with(List<Object> args, Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
