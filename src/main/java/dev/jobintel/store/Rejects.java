package dev.jobintel.store;

import java.sql.Connection;

/**
 * rejects: what a source sent that could not become a posting (a body that does not parse, a
 * posting with no title or no URL), kept with the reason and the offending JSON. Never raw rows.
 * The same reject arriving again is counted on its row (times_seen), not stored twice.
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
        String hash = dev.jobintel.posting.JobHash.md5Hex(r.reason() + "\u0001" + (r.payload() == null ? r.detail() : r.payload()));
        Jdbc.update(c, "INSERT INTO rejects (fetch_run_id, source, board, reason, detail, payload, payload_hash, created_at, "
                + "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, board, payload_hash) DO UPDATE SET "
                + "fetch_run_id = excluded.fetch_run_id, detail = excluded.detail, last_seen = excluded.last_seen, "
                + "times_seen = rejects.times_seen + 1", fetchRunId, r.source(), r.board(), r.reason(), r.detail(), payload,
                hash, now, now);
    }
}
