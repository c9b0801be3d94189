package dev.jobintel.classify.claude.sim;

/**
 * The simulated model: decides how the simulator answers one Messages request (directly, or as
 * one request of a Message Batch). Called concurrently from the server's threads, so
 * implementations must be thread-safe. An exception thrown here becomes a 500 {@code api_error}
 * (or an {@code errored} batch result).
 */
@FunctionalInterface
public interface Responder {

    Answer answer(SimRequest request);
}
