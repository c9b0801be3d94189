package dev.jobintel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Small JDBC helpers: every statement is prepared with bound parameters, and every failure
 * becomes a {@link StoreException} naming the SQL and its arguments.
 */
public final class Jdbc {

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Takes in the current row (to aggregate or index it, where a list of rows is not the point). */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    public static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed", sql, args, e);
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) {
        List<T> out = new ArrayList<>();
        each(c, sql, rs -> out.add(mapper.map(rs)), args);
        return out;
    }

    /** Runs the query and hands each row to {@code handler}, in order. */
    public static void each(Connection c, String sql, RowHandler handler, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("query failed", sql, args, e);
        }
    }

    public static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(c, sql, mapper, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static long count(Connection c, String sql, Object... args) {
        Long n = one(c, sql, rs -> rs.getLong(1), args);
        return n == null ? 0 : n;
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof String text && text.indexOf('\u0000') >= 0) {
                // PostgreSQL refuses NUL in text, and one NUL in a reject's payload, a model's answer or
                // an error message would stop the whole write; both engines store what one of them can.
                ps.setString(i + 1, text.replace('\u0000', '\uFFFD'));
            } else if (a instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** Values bound in one IN list at most: well under the 999 parameters older SQLite builds allow a statement. */
    public static final int IN_LIST = 500;

    /** {@code values} in runs of at most {@link #IN_LIST}, each bound as one IN list (in order; none when empty). */
    public static <T> List<List<T>> inLists(java.util.Collection<T> values) {
        List<T> all = values instanceof List<T> l ? l : new java.util.ArrayList<>(values);
        List<List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            out.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return out;
    }

    /** "?, ?, ?" for an IN list. */
    public static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
