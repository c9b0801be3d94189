package dev.jobintel.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with the failure it met rethrown as it was. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code f}. A runtime exception or error the work threw is rethrown unchanged,
     * so callers see the same failure as had they run it themselves (a checked one is wrapped);
     * an interrupt keeps the thread's interrupt flag and says what was being waited for.
     *
     * @param what what the work is, for the message, e.g. "fetching greenhouse"
     */
    public static <T> T await(Future<T> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        }
    }
}
