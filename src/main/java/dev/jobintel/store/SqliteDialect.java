package dev.jobintel.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** SQLite: one file, WAL journal, foreign keys switched on per connection. */
final class SqliteDialect implements Dialect {

    @Override
    public String binaryCollation() {
        return "";
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("without_rowid", " WITHOUT ROWID", "pk", "INTEGER PRIMARY KEY", "pending_by_job", "");
    }

    @Override
    public boolean severalWriters() {
        return false;
    }

    @Override
    public String skipLocked() {
        return ""; // a write transaction locks the whole file; there is no other writer to skip
    }

    @Override
    public String nowMillis() {
        return "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
    }

    @Override
    public String tryLockSql() {
        return null; // the writer lock (Database.claimWriter) already makes this process the only one
    }

    @Override
    public String unlockSql() {
        return null;
    }

    @Override
    public boolean isTransient(SQLException e) {
        return false; // one writer, and write transactions take the lock up front: no deadlocks to break
    }

    @Override
    public List<String> integrityChecks() {
        // integrity_check answers one row 'ok' when the file is sound; foreign_key_check no rows.
        return List.of("SELECT * FROM pragma_integrity_check() WHERE integrity_check <> 'ok'",
                "SELECT * FROM pragma_foreign_key_check()");
    }

    @Override
    public boolean isConstraintViolation(SQLException e) {
        // SQLITE_CONSTRAINT and its extended codes (NOTNULL, CHECK, UNIQUE, FOREIGNKEY...) share the low byte 19.
        return (e.getErrorCode() & 0xff) == 19 || String.valueOf(e.getMessage()).contains("SQLITE_CONSTRAINT");
    }
}
