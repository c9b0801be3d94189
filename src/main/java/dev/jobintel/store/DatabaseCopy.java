package dev.jobintel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies every row of one jobintel database into another of the same schema version that holds
 * no postings yet: SQLite to PostgreSQL when a team outgrows one file, or back. Unlike an export
 * and import, everything comes along as it is — outcomes and their reasons, jobs and their
 * classifications, first and last seen, closed postings, rejects, fetch runs, board health, the
 * cost ledger and message batches — so nothing is classified, or paid for, again.
 *
 * <p>The source is read in one snapshot (workers may go on writing to it) and the target written
 * in one transaction: a copy that fails or is stopped leaves the target as empty as it was.
 */
public final class DatabaseCopy {

    /** Every table of the schema, each after the tables its foreign keys point to. */
    public static final List<String> TABLES = List.of("ref_family", "ref_subfamily", "ref_seniority", "ref_track",
            "ref_arrangement", "ref_position_type", "ref_currency", "ref_skill_family", "ref_region", "ref_country",
            "ref_city", "fetch_runs", "board_health", "enriched_jobs", "job_skills", "llm_batches", "raw_postings",
            "posting_texts", "rejects", "llm_batch_items", "llm_calls");

    /** The tables whose id the database hands out (${pk}): a PostgreSQL target's sequence must start past the copied ids. */
    private static final Set<String> IDENTITY = Set.of("fetch_runs", "enriched_jobs", "raw_postings", "rejects",
            "llm_batches", "llm_calls");

    /** Rows per batch sent to the target. */
    private static final int BATCH = 1_000;

    /**
     * Characters of text per batch, whatever the row count: a thousand multi-megabyte descriptions
     * held for one batch would not fit a small heap.
     */
    private static final long BATCH_CHARS = 16L << 20;

    /** Rows a PostgreSQL source sends per round trip: few enough that long descriptions fit too. */
    private static final int FETCH = 100;

    /** Told how many rows there are to copy (in the source's snapshot), then how many after each batch. */
    public interface Listener {
        void total(long rows);

        void copied(long rows);
    }

    /** Why a copy cannot start: the target already holds data. */
    public static final class TargetNotEmpty extends RuntimeException {
        TargetNotEmpty(String message) {
            super(message);
        }
    }

    private DatabaseCopy() {
    }

    /** How many rows each table holds, in {@link #TABLES} order. */
    public static Map<String, Long> count(Connection c) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(t, Jdbc.count(c, "SELECT count(*) FROM " + t));
        }
        return out;
    }

    /**
     * Copies {@code from} into {@code to}, both at the current schema version. The reference
     * tables of the target may hold values already (its own configuration's): the source's are
     * added where missing, so that jobs classified under an older taxonomy keep their codes.
     *
     * @return the rows copied per table, as the source's snapshot held them
     * @throws TargetNotEmpty when the target holds anything but reference values
     */
    public static Map<String, Long> copy(Database from, Database to, Listener listener) {
        return from.read(src -> to.inTransaction(dst -> {
            List<String> holding = new ArrayList<>();
            for (String t : TABLES) {
                if (!t.startsWith("ref_") && Jdbc.count(dst, "SELECT count(*) FROM " + t) > 0) {
                    holding.add(t);
                }
            }
            if (!holding.isEmpty()) {
                throw new TargetNotEmpty("the target " + to.url() + " already holds data (in " + String.join(", ", holding)
                        + "): copy into a new, empty database");
            }
            listener.total(count(src).values().stream().mapToLong(Long::longValue).sum());
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String t : TABLES) {
                rows.put(t, copyTable(src, dst, to.dialect(), t, t.startsWith("ref_"), listener));
            }
            // Workers lease postings in the source, and never see the copy: a worker started on it
            // would wait out their leases. (An open batch's postings keep theirs, as its items do.)
            Jdbc.update(dst, "UPDATE raw_postings SET lease_owner = NULL, lease_until = NULL "
                    + "WHERE lease_owner IS NOT NULL AND batch_id IS NULL");
            if (to.dialect() instanceof PostgresDialect) {
                for (String t : IDENTITY) {
                    // Past the highest copied id, so that the next row the target makes does not collide with one.
                    Jdbc.query(dst, "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), "
                            + "(SELECT coalesce(max(id), 0) + 1 FROM " + t + "), false)", rs -> rs.getLong(1));
                }
            }
            return rows;
        }));
    }

    /**
     * Copies one table's rows; with {@code keepExisting}, rows whose key the target has already
     * are left as they are (reference values).
     */
    private static long copyTable(Connection src, Connection dst, Dialect target, String table, boolean keepExisting,
                                  Listener listener) throws SQLException {
        long n = 0;
        try (Statement st = src.createStatement()) {
            st.setFetchSize(FETCH); // PostgreSQL streams through a cursor (inside the read transaction) instead of loading all
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + Jdbc.marks(columns) + ")"
                        + (keepExisting ? " ON CONFLICT DO NOTHING" : "");
                try (PreparedStatement insert = dst.prepareStatement(sql)) {
                    int pending = 0;
                    long chars = 0;
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                            chars += row[i] instanceof String text ? text.length()
                                    : row[i] instanceof byte[] bytes ? bytes.length : 8;
                        }
                        Jdbc.bind(insert, row);
                        insert.addBatch();
                        n++;
                        if (++pending == BATCH || chars >= BATCH_CHARS) {
                            run(insert, target, table, sql);
                            listener.copied(pending);
                            pending = 0;
                            chars = 0;
                        }
                    }
                    if (pending > 0) {
                        run(insert, target, table, sql);
                        listener.copied(pending);
                    }
                }
            }
        }
        return n;
    }

    private static void run(PreparedStatement insert, Dialect target, String table, String sql) {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            // An empty target of the same schema refuses a row only when the source broke that rule
            // itself: written with foreign keys off, or changed by hand.
            String why = target.isConstraintViolation(cause) || target.isConstraintViolation(e)
                    ? " (the source's rows break a rule of the schema: 'jobintel db check' on it says where, "
                            + "'jobintel backfill' repairs the ledger)"
                    : "";
            throw new StoreException("cannot copy the rows of " + table + why, sql, null, cause);
        }
    }
}
