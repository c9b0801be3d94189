package dev.jobintel.internal;

/** What a failure says at its root, for messages that name the cause without the wrapping. */
public final class Throwables {

    private Throwables() {
    }

    /** The message of the innermost cause of {@code e}, or its class name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
