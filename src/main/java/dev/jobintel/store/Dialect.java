package dev.jobintel.store;

import java.sql.SQLException;
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

    /** Whether {@code e} reports a NOT NULL, CHECK, UNIQUE or foreign-key violation. */
    boolean isConstraintViolation(SQLException e);

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
