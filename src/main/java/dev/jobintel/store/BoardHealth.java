package dev.jobintel.store;

import dev.jobintel.config.HealthConfig;

import java.time.Duration;
import java.util.List;

/**
 * board_health: consecutive failures per board, and the back-off they earn. A board in back-off
 * is skipped (and the skip counted) until its time is up; one success clears it.
 */
public final class BoardHealth {

    /** One board's record, as status shows it. */
    public record Row(String source, String board, int consecutiveFailures, Long lastSuccessAt, Long lastFailureAt,
                      Integer lastStatus, String lastError, Long backoffUntil, int skipped) {
    }

    private final Database db;
    private final HealthConfig config;

    public BoardHealth(Database db, HealthConfig config) {
        this.db = db;
        this.config = config;
    }

    /** Whether the board may be fetched at {@code now}; a skipped board has its skip counted. */
    public boolean mayFetch(String source, String board, long now) {
        Long until = db.read(c -> Jdbc.one(c, "SELECT backoff_until FROM board_health WHERE source = ? AND board = ?",
                rs -> Jdbc.getLong(rs, "backoff_until"), source, board));
        if (until != null && until > now) {
            db.inTransaction(c -> Jdbc.update(c, "UPDATE board_health SET skipped = skipped + 1 WHERE source = ? AND board = ?",
                    source, board));
            return false;
        }
        return true;
    }

    public void success(String source, String board, long now) {
        db.inTransaction(c -> Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_success_at) "
                + "VALUES (?, ?, 0, ?) ON CONFLICT (source, board) DO UPDATE SET consecutive_failures = 0, "
                + "last_success_at = excluded.last_success_at, backoff_until = NULL, last_error = NULL, last_status = NULL",
                source, board, now));
    }

    /**
     * Records a fetch that served postings but ended partial: the board is alive (nothing counts
     * toward its back-off), and the error stays on record for status until a clean fetch clears it.
     */
    public void partial(String source, String board, Integer status, String error, long now) {
        db.inTransaction(c -> Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_success_at, "
                + "last_failure_at, last_status, last_error) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT (source, board) DO UPDATE "
                + "SET consecutive_failures = 0, backoff_until = NULL, last_success_at = excluded.last_success_at, "
                + "last_failure_at = excluded.last_failure_at, last_status = excluded.last_status, "
                + "last_error = excluded.last_error", source, board, now, now, status, error));
    }

    /**
     * Records a fetch refused for the user's credentials (missing, or a key the API refused): the
     * board is not at fault, so the failure does not count toward its back-off and ends any it was
     * in; the error stays on record for status until a clean fetch clears it.
     */
    public void refused(String source, String board, Integer status, String error, long now) {
        db.inTransaction(c -> Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, "
                + "last_failure_at, last_status, last_error) VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT (source, board) DO UPDATE "
                + "SET consecutive_failures = 0, backoff_until = NULL, last_failure_at = excluded.last_failure_at, "
                + "last_status = excluded.last_status, last_error = excluded.last_error", source, board, now, status, error));
    }

    /** Records a failure; returns the back-off end when this failure starts or extends one, else null. */
    public Long failure(String source, String board, Integer status, String error, long now) {
        return db.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_failure_at, last_status, "
                    + "last_error) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (source, board) DO UPDATE SET "
                    + "consecutive_failures = board_health.consecutive_failures + 1, last_failure_at = excluded.last_failure_at, "
                    + "last_status = excluded.last_status, last_error = excluded.last_error", source, board, now, status, error);
            long failures = Jdbc.count(c, "SELECT consecutive_failures FROM board_health WHERE source = ? AND board = ?",
                    source, board);
            if (failures < config.failuresBeforeBackoff()) {
                return null;
            }
            long hours = Math.min((long) config.maxBackoffHours(),
                    (long) config.backoffHours() << Math.min(20, failures - config.failuresBeforeBackoff()));
            long until = now + Duration.ofHours(hours).toMillis();
            Jdbc.update(c, "UPDATE board_health SET backoff_until = ? WHERE source = ? AND board = ?", until, source, board);
            return until;
        });
    }

    /** Boards whose last fetch failed or ended partial, worst first. */
    public static List<Row> troubled(java.sql.Connection c) {
        return Jdbc.query(c, "SELECT source, board, consecutive_failures, last_success_at, last_failure_at, last_status, "
                        + "last_error, backoff_until, skipped FROM board_health WHERE consecutive_failures > 0 "
                        + "OR (last_error IS NOT NULL AND last_failure_at >= coalesce(last_success_at, 0)) "
                        + "ORDER BY consecutive_failures DESC, source, board",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), Jdbc.getLong(rs, "last_success_at"),
                        Jdbc.getLong(rs, "last_failure_at"), Jdbc.getInt(rs, "last_status"), rs.getString(7),
                        Jdbc.getLong(rs, "backoff_until"), rs.getInt(9)));
    }
}
