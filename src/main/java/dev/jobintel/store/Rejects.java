package dev.jobintel.store;

import java.sql.Connection;

/**
 * rejects: what a source sent that could not become a posting (a body that does not parse, a
 * posting with no title or no URL), kept with the reason and the offending JSON. Never raw rows.
 */
public final class Rejects {

    /** One reject. {@code payload} is the offending JSON or text, cut to a sane size. */
    public record Reject(String source, String board, String reason, String detail, String payload) {
    }

    static final int MAX_PAYLOAD = 64 * 1024;

    private Rejects() {
    }

    public static void record(Connection c, Long fetchRunId, Reject r, long now) {
        String payload = r.payload();
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            payload = payload.substring(0, MAX_PAYLOAD) + "…[cut at " + MAX_PAYLOAD + " characters]";
        }
        Jdbc.update(c, "INSERT INTO rejects (fetch_run_id, source, board, reason, detail, payload, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", fetchRunId, r.source(), r.board(), r.reason(), r.detail(), payload, now);
    }
}
