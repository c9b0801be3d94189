package dev.jobintel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** fetch_runs: one row per board (or imported file) fetched, opened before and closed after. */
public final class FetchRuns {

    /** How a board fetch ended. */
    public enum Status { RUNNING, OK, PARTIAL, FAILED }

    private FetchRuns() {
    }

    public static long start(Database db, String runId, String source, String board, long now) {
        return start(db, runId, source, board, now, false);
    }

    /** @param replayed served from a recording (--replay): the board's health is left alone, the run still kept */
    public static long start(Database db, String runId, String source, String board, long now, boolean replayed) {
        String sql = "INSERT INTO fetch_runs (run_id, source, board, started_at, status, replayed) "
                + "VALUES (?, ?, ?, ?, 'running', ?) RETURNING id";
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, runId, source, board, now, replayed ? 1 : 0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public static int finish(Connection c, long id, Status status, Integer httpStatus, LandCounts counts, int rejected,
                             int closed, String error, long now) {
        return Jdbc.update(c, "UPDATE fetch_runs SET finished_at = ?, status = ?, http_status = ?, seen = ?, new_count = ?, "
                        + "updated_count = ?, unchanged_count = ?, rejected = ?, closed_count = ?, error = ? WHERE id = ?",
                now, status.name().toLowerCase(java.util.Locale.ROOT), httpStatus, counts.seen() + rejected,
                counts.fresh(), counts.updated(), counts.unchanged(), rejected, closed, error, id);
    }

    /**
     * The counts so far of a run still going, written with each landed batch: a fetch or import that is
     * stopped (Ctrl-C, a crash) keeps what it landed counted, not 0 seen beside the postings it saw first.
     */
    public static int progress(Connection c, long id, LandCounts counts, int rejected) {
        return Jdbc.update(c, "UPDATE fetch_runs SET seen = ?, new_count = ?, updated_count = ?, unchanged_count = ?, "
                + "rejected = ? WHERE id = ?", counts.seen() + rejected, counts.fresh(), counts.updated(), counts.unchanged(),
                rejected, id);
    }

    /**
     * A run left 'running' by a crashed process is closed as failed, so status never shows it as live: as
     * partial when it had landed postings (or, of a file, kept rejects), as a fetch that ends early is, so that
     * a file read in part before the stop is not said to be unread.
     */
    public static int abandonStale(Database db, long now) {
        return db.inTransaction(c -> Jdbc.update(c, "UPDATE fetch_runs SET status = CASE WHEN new_count + updated_count "
                + "+ unchanged_count > 0 OR (rejected > 0 AND source = '" + BoardHealth.IMPORT_SOURCE + "') THEN 'partial' "
                + "ELSE 'failed' END, finished_at = ?, "
                + "error = 'interrupted: the process stopped before this fetch finished' WHERE status = 'running'", now));
    }
}
