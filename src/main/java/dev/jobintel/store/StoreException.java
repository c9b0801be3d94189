package dev.jobintel.store;

import java.sql.SQLException;
import java.util.Arrays;

/** A database error that carries the SQL and the bound arguments that caused it. */
public class StoreException extends RuntimeException {

    private final String sql;
    private final transient Object[] args;

    public StoreException(String message, String sql, Object[] args, SQLException cause) {
        super(message + " [" + sql.strip() + "]" + (args == null || args.length == 0 ? "" : " with " + describe(args))
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.sql = sql;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** A database condition that no SQL caused, such as another process holding the database. */
    protected StoreException(String message) {
        this(message, (Throwable) null);
    }

    /** A database condition that no SQL of ours caused (a migration, a connection), with its cause. */
    protected StoreException(String message, Throwable cause) {
        super(message, cause);
        this.sql = "";
        this.args = new Object[0];
    }

    private static String describe(Object[] args) {
        Object[] shown = new Object[Math.min(args.length, 12)];
        for (int i = 0; i < shown.length; i++) {
            Object a = args[i];
            shown[i] = a instanceof String s && s.length() > 60 ? s.substring(0, 57) + "..." : a;
        }
        return Arrays.toString(shown) + (args.length > shown.length ? " (+" + (args.length - shown.length) + " more)" : "");
    }

    public String sql() {
        return sql;
    }

    public Object[] args() {
        return args.clone();
    }

    public SQLException sqlCause() {
        return getCause() instanceof SQLException e ? e : null;
    }
}
