package dev.jobintel.classify;

/**
 * The classifier will answer later (the posting goes into a message batch): the posting stays
 * pending, and the run goes on.
 */
public final class Deferred extends RuntimeException {

    public Deferred() {
        super("deferred to a message batch", null, false, false);
    }
}
