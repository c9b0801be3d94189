package dev.jobintel.internal;

/** What a failure says at its root, and what its chain of causes holds. */
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

    /** Whether {@code e} or one of its causes is a {@code type}. */
    public static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} says no connection could be made at all: refused, no address for the host, or no
     * route to it. Nothing was sent, and nothing answers at that address now.
     */
    public static boolean neverConnected(Throwable e) {
        return hasCause(e, java.net.ConnectException.class) || hasCause(e, java.net.UnknownHostException.class)
                || hasCause(e, java.net.NoRouteToHostException.class);
    }
}
