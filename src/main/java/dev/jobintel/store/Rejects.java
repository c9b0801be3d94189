package dev.jobintel.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * rejects: what a source sent that could not become a posting (a body that does not parse, a
 * posting with no title or no URL), kept with the reason and the offending JSON. Never raw rows.
 * The same reject arriving again is counted on its row (times_seen), not stored twice.
 */
public final class Rejects {

    /** One reject. {@code payload} is the offending JSON or text, cut to a sane size. */
    /**
     * @param listedId the source's id of the posting the item is, when known: a posting stored
     *                 under it is still on its board, though this sighting of it is unusable
     */
    public record Reject(String source, String board, String reason, String detail, String payload, String listedId) {

        public Reject(String source, String board, String reason, String detail, String payload) {
            this(source, board, reason, detail, payload, null);
        }
    }

    /** Rejects of one reason: how many distinct items, how many times seen in all, a few examples. */
    public record ReasonCount(String reason, long count, long timesSeen, List<Example> examples) {
    }

    /** One rejected item: where it came from and what was wrong (its payload stays in the table). */
    public record Example(long id, String source, String board, String detail, long timesSeen) {
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

    /** Every reason with its counts and the first {@code examples} items, most frequent reason first. */
    public static List<ReasonCount> byReason(Connection c, int examples) {
        List<ReasonCount> out = new ArrayList<>();
        for (Object[] r : Jdbc.query(c, "SELECT reason, count(*), sum(times_seen) FROM rejects GROUP BY reason "
                + "ORDER BY count(*) DESC, reason", rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})) {
            String reason = (String) r[0];
            List<Example> shown = Jdbc.query(c, "SELECT id, source, board, detail, times_seen FROM rejects WHERE reason = ? "
                    + "ORDER BY id LIMIT ?", rs -> new Example(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5)), reason, examples);
            out.add(new ReasonCount(reason, (Long) r[1], (Long) r[2], shown));
        }
        return out;
    }
}
