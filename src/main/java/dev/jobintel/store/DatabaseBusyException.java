package dev.jobintel.store;

/** Another jobintel process is writing a database that allows one writer. */
public final class DatabaseBusyException extends StoreException {

    DatabaseBusyException(String message) {
        super(message);
    }
}
