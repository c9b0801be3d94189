package dev.jobintel.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that only one process may do at a time on a database several workers share: a lock on a
 * connection held open for as long as the work lasts (PostgreSQL's advisory lock), which the
 * server frees when the connection ends, however the process ends. Where one process writes
 * the database anyway (SQLite) it holds nothing.
 */
public final class SessionLock implements AutoCloseable {

    private final Connection connection;
    private final String unlockSql;
    private final long key;

    private SessionLock(Connection connection, String unlockSql, long key) {
        this.connection = connection;
        this.unlockSql = unlockSql;
        this.key = key;
    }

    /**
     * Takes the lock called {@code name}, or throws {@link DatabaseBusyException} saying that
     * another process is doing {@code what}.
     */
    public static SessionLock acquire(Database db, String name, String what) {
        String sql = db.dialect().tryLockSql();
        if (sql == null) {
            return new SessionLock(null, null, 0);
        }
        long key = key(name);
        Connection c;
        try {
            c = db.dataSource().getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot take the lock '" + name + "'", sql, new Object[] {key}, e);
        }
        boolean taken = false;
        try {
            taken = Boolean.TRUE.equals(Jdbc.one(c, sql, rs -> rs.getBoolean(1), key));
        } finally {
            if (!taken) {
                closeQuietly(c);
            }
        }
        if (!taken) {
            throw new DatabaseBusyException("another jobintel process is " + what + " on this database; one process "
                    + "at a time does this: wait for it to finish");
        }
        return new SessionLock(c, db.dialect().unlockSql(), key);
    }

    /** A stable 64-bit key for the name (the first 8 bytes of its SHA-256). */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The failure being reported matters more.
            }
        }
    }

    /** Frees the lock: closing the pooled connection would only return it to the pool, still locked. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            Jdbc.one(connection, unlockSql, rs -> rs.getBoolean(1), key);
        } catch (RuntimeException e) {
            // The connection is broken: the server freed the lock with the session.
        } finally {
            closeQuietly(connection);
        }
    }
}
