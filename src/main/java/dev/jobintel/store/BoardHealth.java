package dev.jobintel.store;

import dev.jobintel.config.HealthConfig;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * board_health: consecutive failures per board, and the back-off they earn. A board in back-off
 * is skipped (and the skip counted) until its time is up; one success clears it.
 *
 * <p>Each record remembers the address the board was fetched at (the API root its URLs start
 * with). Failures at an address the configuration no longer names (a Lever board moved to its EU
 * instance, a base URL changed) were the configuration's: they hold no back-off at the new address,
 * and the count of failures starts again there. A null address (a record an older version wrote, a
 * search) is taken to be the current one.
 */
public final class BoardHealth {

    /**
     * One board as status shows it: its health, and the last fetch of it when that one failed or ended
     * partial without being counted in its health.
     *
     * @param lastFetch how the failure shown was met: {@code fetched} (from the network, counted in the
     *                  board's health), {@code replayed} (served from a recording, which leaves health alone),
     *                  {@code imported} (a file, which is never backed off) or {@code interrupted} (the
     *                  process stopped before the fetch finished)
     * @param partial    the failure shown kept what arrived (a page failed, a cut body): not a board that is down
     * @param configured whether the configuration status read names this board: false for a board removed
     *                   from it (it is never fetched again, whatever its back-off says), null when unknown
     *                   (a file, or a configuration that names no sources at all)
     * @param address    the address the board's health was last written for, null before that was recorded
     */
    public record Row(String source, String board, int consecutiveFailures, Long lastSuccessAt, Long lastFailureAt,
                      Integer lastStatus, String lastError, Long backoffUntil, int skipped, String lastFetch,
                      boolean partial, Boolean configured, String address) {

        /** This row with {@code configured} set, and no back-off when it was earned at another address than now. */
        public Row configured(Boolean configured, String currentAddress) {
            return new Row(source, board, consecutiveFailures, lastSuccessAt, lastFailureAt, lastStatus, lastError,
                    sameAddress(address, currentAddress) ? backoffUntil : null, skipped, lastFetch, partial, configured,
                    address);
        }
    }

    public static final String FETCHED = "fetched";
    public static final String REPLAYED = "replayed";
    public static final String IMPORTED = "imported";
    public static final String INTERRUPTED = "interrupted";

    private final Database db;
    private final HealthConfig config;

    public BoardHealth(Database db, HealthConfig config) {
        this.db = db;
        this.config = config;
    }

    /**
     * Whether the board, at {@code address} (null: whatever it was), may be fetched at {@code now}: not
     * while in back-off earned at that address. A skipped board has its skip counted.
     */
    public boolean mayFetch(String source, String board, String address, long now) {
        Object[] row = db.read(c -> Jdbc.one(c, "SELECT backoff_until, address FROM board_health WHERE source = ? AND board = ?",
                rs -> new Object[] {Jdbc.getLong(rs, "backoff_until"), rs.getString("address")}, source, board));
        Long until = row == null ? null : (Long) row[0];
        if (until != null && until > now && sameAddress((String) row[1], address)) {
            db.inTransaction(c -> Jdbc.update(c, "UPDATE board_health SET skipped = skipped + 1 WHERE source = ? AND board = ?",
                    source, board));
            return false;
        }
        return true;
    }

    private static boolean sameAddress(String recorded, String current) {
        return recorded == null || current == null || recorded.equals(current);
    }

    /** The address to record: the current one, else the one on record. */
    private static final String ADDRESS = "address = coalesce(excluded.address, board_health.address)";

    /**
     * Failures met at another address than this write's do not add up with it: the count starts again
     * (bound: the new count to set when the address moved, else the expression to keep).
     */
    private static String movedOr(String otherwise, String moved) {
        return "CASE WHEN board_health.address IS NOT NULL AND excluded.address IS NOT NULL "
                + "AND board_health.address <> excluded.address THEN " + moved + " ELSE " + otherwise + " END";
    }

    /** Records a complete (or limited) fetch at {@code address}: no failures in a row, no back-off, no error. */
    public void success(Connection c, String source, String board, String address, long now) {
        Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_success_at, address) "
                + "VALUES (?, ?, 0, ?, ?) ON CONFLICT (source, board) DO UPDATE SET consecutive_failures = 0, "
                + "last_success_at = excluded.last_success_at, backoff_until = NULL, last_error = NULL, last_status = NULL, "
                + ADDRESS, source, board, now, address);
    }

    /**
     * Records a fetch that served postings but ended partial: the board is alive (nothing counts
     * toward its back-off), and the error stays on record for status until a clean fetch clears it.
     */
    public void partial(Connection c, String source, String board, String address, Integer status, String error, long now) {
        Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_success_at, "
                + "last_failure_at, last_status, last_error, address) VALUES (?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT (source, board) "
                + "DO UPDATE SET consecutive_failures = 0, backoff_until = NULL, last_success_at = excluded.last_success_at, "
                + "last_failure_at = excluded.last_failure_at, last_status = excluded.last_status, "
                + "last_error = excluded.last_error, " + ADDRESS, source, board, now, now, status, error, address);
    }

    /**
     * Records a fetch refused for the user's credentials (missing, or a key the API refused): the
     * board is not at fault, so the failure does not count toward its back-off and ends any it was
     * in; the error stays on record for status until a clean fetch clears it.
     */
    public void refused(Connection c, String source, String board, String address, Integer status, String error, long now) {
        Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, "
                + "last_failure_at, last_status, last_error, address) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT (source, board) "
                + "DO UPDATE SET consecutive_failures = 0, backoff_until = NULL, last_failure_at = excluded.last_failure_at, "
                + "last_status = excluded.last_status, last_error = excluded.last_error, " + ADDRESS,
                source, board, now, status, error, address);
    }

    /**
     * Records a fetch that could not connect to the source at all: the failure is on record for status, but
     * neither counts toward the board's back-off nor clears the failures it had counted.
     */
    public void unreachable(Connection c, String source, String board, String address, String error, long now) {
        Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_failure_at, last_status, "
                + "last_error, address) VALUES (?, ?, 0, ?, NULL, ?, ?) ON CONFLICT (source, board) DO UPDATE SET "
                + "last_failure_at = excluded.last_failure_at, last_status = NULL, last_error = excluded.last_error, "
                + ADDRESS, source, board, now, error, address);
    }

    /**
     * Records a failure at {@code address} (null: wherever the board was); returns the back-off end when
     * this failure starts or extends one, else null.
     */
    public Long failure(Connection c, String source, String board, String address, Integer status, String error, long now) {
        Jdbc.update(c, "INSERT INTO board_health (source, board, consecutive_failures, last_failure_at, last_status, "
                + "last_error, address) VALUES (?, ?, 1, ?, ?, ?, ?) ON CONFLICT (source, board) DO UPDATE SET "
                + "consecutive_failures = " + movedOr("board_health.consecutive_failures + 1", "1") + ", "
                + "backoff_until = " + movedOr("board_health.backoff_until", "NULL") + ", "
                + "last_failure_at = excluded.last_failure_at, last_status = excluded.last_status, "
                + "last_error = excluded.last_error, " + ADDRESS, source, board, now, status, error, address);
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
    }

    /** A board's health record and the last finished fetch of it, as one row of {@link #troubled}'s query. */
    private record Seen(String source, String board, Integer failures, Long lastSuccessAt, Long lastFailureAt,
                        Integer lastStatus, String lastError, Long backoffUntil, Integer skipped, String address,
                        String fetchStatus, Long fetchStartedAt, Integer fetchHttp, String fetchError, Integer replayed) {
    }

    private static final String HEALTH_TROUBLED = "(h.consecutive_failures > 0 "
            + "OR (h.last_error IS NOT NULL AND h.last_failure_at >= coalesce(h.last_success_at, 0)))";

    /**
     * Boards whose last fetch failed or ended partial (from the network, a recording or a file, or
     * cut short by a stop), and boards failing or backed off by their health record, worst first.
     * A failure no health record counts (a replay's, a file's, an interrupted fetch's) is shown as
     * the fetch left it, beside whatever the record says of the board.
     */
    public static List<Row> troubled(Connection c) {
        String health = "h.consecutive_failures, h.last_success_at, h.last_failure_at, h.last_status, h.last_error, "
                + "h.backoff_until, h.skipped, h.address";
        // Each board's last finished fetch: the newest id (ids grow as fetches start).
        List<Seen> seen = new ArrayList<>(Jdbc.query(c, "SELECT f.source, f.board, " + health + ", f.status, f.started_at, "
                        + "f.http_status, f.error, f.replayed FROM fetch_runs f JOIN (SELECT source, board, max(id) AS id "
                        + "FROM fetch_runs WHERE status <> 'running' GROUP BY source, board) l ON l.id = f.id "
                        + "LEFT JOIN board_health h ON h.source = f.source AND h.board = f.board "
                        + "WHERE f.status IN ('failed', 'partial') OR " + HEALTH_TROUBLED,
                BoardHealth::seen));
        // A health record with no fetch on record (fetch_runs pruned by hand): as the record says.
        seen.addAll(Jdbc.query(c, "SELECT h.source, h.board, " + health + ", NULL AS status, NULL AS started_at, "
                + "NULL AS http_status, NULL AS error, NULL AS replayed FROM board_health h WHERE " + HEALTH_TROUBLED
                + " AND NOT EXISTS (SELECT 1 FROM fetch_runs f WHERE f.source = h.source AND f.board = h.board "
                + "AND f.status <> 'running')", BoardHealth::seen));
        List<Row> out = new ArrayList<>();
        for (Seen s : seen) {
            out.add(row(s));
        }
        out.sort(java.util.Comparator.comparingInt(Row::consecutiveFailures).reversed()
                .thenComparing(Row::source).thenComparing(Row::board));
        return out;
    }

    private static Seen seen(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seen(rs.getString(1), rs.getString(2), Jdbc.getInt(rs, "consecutive_failures"),
                Jdbc.getLong(rs, "last_success_at"), Jdbc.getLong(rs, "last_failure_at"), Jdbc.getInt(rs, "last_status"),
                rs.getString("last_error"), Jdbc.getLong(rs, "backoff_until"), Jdbc.getInt(rs, "skipped"),
                rs.getString("address"), rs.getString("status"), Jdbc.getLong(rs, "started_at"),
                Jdbc.getInt(rs, "http_status"), rs.getString("error"), Jdbc.getInt(rs, "replayed"));
    }

    private static Row row(Seen s) {
        int failures = s.failures() == null ? 0 : s.failures();
        int skipped = s.skipped() == null ? 0 : s.skipped();
        boolean lastFailed = "failed".equals(s.fetchStatus()) || "partial".equals(s.fetchStatus());
        // A fetch from the network writes the board's health with the instant it started, in the
        // transaction that finishes it: a later failure than any the record holds was never counted in it.
        long recorded = Math.max(s.lastSuccessAt() == null ? Long.MIN_VALUE : s.lastSuccessAt(),
                s.lastFailureAt() == null ? Long.MIN_VALUE : s.lastFailureAt());
        boolean uncounted = lastFailed && s.fetchStartedAt() != null && s.fetchStartedAt() > recorded;
        if (!uncounted) {
            // Partial: it served postings (a success at the same instant) and counted no failure.
            boolean partial = failures == 0 && s.lastFailureAt() != null && s.lastFailureAt().equals(s.lastSuccessAt());
            return new Row(s.source(), s.board(), failures, s.lastSuccessAt(), s.lastFailureAt(), s.lastStatus(),
                    s.lastError(), s.backoffUntil(), skipped, FETCHED, partial, null, s.address());
        }
        String how = s.replayed() != null && s.replayed() == 1 ? REPLAYED
                : IMPORT_SOURCE.equals(s.source()) ? IMPORTED : INTERRUPTED;
        return new Row(s.source(), s.board(), failures, s.lastSuccessAt(), s.fetchStartedAt(), s.fetchHttp(),
                s.fetchError(), s.backoffUntil(), skipped, how, "partial".equals(s.fetchStatus()), null, s.address());
    }

    /** The source name imported files are fetched under (JsonlSource.IMPORT; the store does not know sources). */
    public static final String IMPORT_SOURCE = "import";

    /** Whether {@code b}'s failure shown is one of a fetch the board's health counted. */
    public static boolean counted(Row b) {
        return Objects.equals(b.lastFetch(), FETCHED);
    }
}
