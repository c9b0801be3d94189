package dev.jobintel.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** The file named as the SQLite database is not one (another kind of file, or damaged beyond opening). */
public final class NotADatabaseException extends StoreException {

    /** SQLite's result codes for a file that is not a database, and for one too damaged to read. */
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_CORRUPT = 11;

    NotADatabaseException(Path file, SQLException cause) {
        super(file + " is not a jobintel database SQLite can open (" + cause.getMessage() + "); point --db or "
                + "database.url at another file, or move this one away and run 'jobintel run' to start afresh", cause);
    }

    static boolean notADatabase(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
    }
}
