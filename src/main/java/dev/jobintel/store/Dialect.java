package dev.jobintel.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between SQLite and PostgreSQL lives here: column types for the
 * migrations, connection settings, and how a constraint violation is recognised. The SQL in the
 * repositories is otherwise the same for both engines.
 */
public interface Dialect {

    String name();

    /** Flyway placeholders used by the migrations (e.g. the identity column type). */
    Map<String, String> placeholders();

    /**
     * Whether several processes write this database at once, each leasing the pending postings
     * it decides ({@link PendingWork}); otherwise one process writes it and owns them all.
     */
    boolean severalWriters();

    /**
     * What ends a SELECT so that it locks the rows it returns and skips rows another transaction
     * has locked: how a worker claims pending postings without waiting for, or taking, another's.
     */
    String skipLocked();

    /**
     * An SQL expression for the database server's time in epoch milliseconds. Leases are judged
     * by it, not by each worker's clock: one worker's clock running ahead must not take another's
     * live lease, nor one running behind hold a dead one (incident 5: decisions against client clocks).
     */
    String nowMillis();

    /**
     * A query taking a lock named by one BIGINT parameter for as long as the connection lives,
     * answering true or false at once; null where one process writes the database anyway.
     */
    String tryLockSql();

    /** The query that frees a lock {@link #tryLockSql()} took, with the same parameter. */
    String unlockSql();

    /**
     * Whether the engine aborted the transaction to break a deadlock or a serialization
     * conflict with another: run from the start, it can succeed.
     */
    boolean isTransient(SQLException e);

    /**
     * Queries that check the stored pages and references themselves, each answering rows that
     * describe damage (none when all is well); empty where the engine checks its own pages.
     */
    List<String> integrityChecks();

    /** Whether {@code e} reports a NOT NULL, CHECK, UNIQUE or foreign-key violation. */
    boolean isConstraintViolation(SQLException e);

    /**
     * What follows a text expression in ORDER BY (or a column a query orders by) so that it sorts as bytes, as
     * SQLite's default collation does: a PostgreSQL server sorts by its locale ("dbt" before "Docker" in
     * en_US, after it in C), so ties of a count cut by a LIMIT would keep other rows than on SQLite.
     */
    String binaryCollation();

    /** The dialect of the database {@code c} is connected to. */
    static Dialect of(java.sql.Connection c) {
        try {
            return forUrl(c.getMetaData().getURL());
        } catch (SQLException e) {
            throw new StoreException("cannot tell the database's engine", "getMetaData", new Object[0], e);
        }
    }

    static Dialect forUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw new IllegalArgumentException("unsupported database URL: " + url);
    }
}
