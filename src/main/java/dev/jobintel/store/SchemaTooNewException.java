package dev.jobintel.store;

/** The database's schema was migrated by a later jobintel than this one. */
public final class SchemaTooNewException extends StoreException {

    SchemaTooNewException(String message) {
        super(message);
    }
}
