package dev.jobintel.store;

import java.sql.SQLException;

/**
 * No database server answers at the configured address when a command starts: said at once,
 * rather than after the pool and the migration have each waited out their timeouts. (A worker
 * that is already running waits out an outage instead; see {@link Database#isUnreachable}.)
 */
public final class DatabaseUnreachableException extends StoreException {

    DatabaseUnreachableException(String url, SQLException cause) {
        super("cannot reach the database at " + url + ": " + cause.getMessage(), cause);
    }
}
