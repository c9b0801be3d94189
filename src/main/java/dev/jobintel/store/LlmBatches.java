package dev.jobintel.store;

import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * llm_batches and llm_batch_items: message batches from the moment they are decided until
 * their results are stored. A batch is written with its postings before it is submitted, and
 * its postings are held out of other enrichment while it is open, so no posting is ever sent
 * twice and a restarted process picks up where the last one stopped.
 */
public final class LlmBatches {

    /**
     * One posting in a batch.
     *
     * @param contentHash the posting's stored content hash when the request was made (null only in
     *                    rows no version wrote one for): a different one now means the board changed it
     */
    public record Item(long postingId, String customId, String contentKey, String contentHash) {
    }

    /**
     * The statuses of a batch not yet collected, as SQL ("status IN " + this): its answers are still
     * to come or to be read, and its pending postings are its to decide.
     */
    public static final String OPEN_STATUSES = "('submitting', 'in_progress', 'ended')";

    /** Whether the posting {@code r} (raw_postings r) is held by an open batch, as SQL: its batch decides it. */
    public static final String IN_OPEN_BATCH = "EXISTS (SELECT 1 FROM llm_batches b WHERE b.id = r.batch_id "
            + "AND b.status IN " + OPEN_STATUSES + ")";

    /**
     * A batch row.
     *
     * @param model the model its requests were sent to
     */
    public record Batch(long id, String remoteId, String status, int requestCount, long createdAt, String model) {
    }

    private LlmBatches() {
    }

    /** Batches not yet collected, oldest first. */
    public static List<Batch> open(Connection c) {
        return Jdbc.query(c, "SELECT id, remote_id, status, request_count, created_at, model FROM llm_batches "
                        + "WHERE status IN " + OPEN_STATUSES + " ORDER BY id",
                rs -> new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6)));
    }

    /**
     * The jobs (job hashes) of the pending postings open batches hold. A batch's answer makes
     * each of those jobs, so another posting of one waits to be merged into it instead of paying
     * for the same job again (incident 16).
     */
    public static Set<String> heldJobs(Connection c) {
        return new HashSet<>(Jdbc.query(c, "SELECT DISTINCT r.job_hash FROM llm_batches b "
                + "JOIN llm_batch_items i ON i.batch_id = b.id JOIN raw_postings r ON r.id = i.raw_posting_id "
                + "WHERE b.status IN " + OPEN_STATUSES + " AND r.batch_id = b.id AND r.outcome = 'pending'",
                rs -> rs.getString(1)));
    }

    /**
     * A batch written to be submitted: its id, and the items whose postings it holds, the only ones to send.
     * None when every posting was decided, taken by another batch, or claimed by a worker since it was read.
     */
    public record Created(long id, List<Item> items) {
    }

    /**
     * Writes a batch about to be submitted with the postings it can hold ({@link PendingWork#holdForBatch}): one
     * no longer pending, already in another open batch, or no longer leased to {@code work} is left out of the
     * batch, so that no request is sent for it. A batch that holds none is not written.
     */
    public static Created create(Connection c, PendingWork work, String model, String promptVersion, List<Item> items,
                                 long now) {
        Long id = Jdbc.one(c, "INSERT INTO llm_batches (model, prompt_version, status, request_count, created_at) "
                + "VALUES (?, ?, 'submitting', ?, ?) RETURNING id", rs -> rs.getLong(1), model, promptVersion, items.size(), now);
        List<Item> held = new java.util.ArrayList<>(items.size());
        for (Item i : items) {
            if (work.holdForBatch(c, id, i.postingId())) {
                Jdbc.update(c, "INSERT INTO llm_batch_items (batch_id, raw_posting_id, custom_id, content_key, content_hash) "
                        + "VALUES (?, ?, ?, ?, ?)", id, i.postingId(), i.customId(), i.contentKey(), i.contentHash());
                held.add(i);
            }
        }
        if (held.isEmpty()) {
            Jdbc.update(c, "DELETE FROM llm_batches WHERE id = ?", id);
        } else if (held.size() != items.size()) {
            // The count is how an interrupted submission is found again among the API's batches.
            Jdbc.update(c, "UPDATE llm_batches SET request_count = ? WHERE id = ?", held.size(), id);
        }
        return new Created(id, List.copyOf(held));
    }

    public static void submitted(Connection c, long id, String remoteId, long now) {
        Jdbc.update(c, "UPDATE llm_batches SET remote_id = ?, status = 'in_progress', submitted_at = ? WHERE id = ?",
                remoteId, now, id);
    }

    public static void ended(Connection c, long id, long now) {
        Jdbc.update(c, "UPDATE llm_batches SET status = 'ended', ended_at = ? WHERE id = ? AND status = 'in_progress'",
                now, id);
    }

    /** The batch's results are stored: its postings that are still pending go back to the pool. */
    public static void collected(Connection c, long id, long now) {
        Jdbc.update(c, "UPDATE raw_postings SET batch_id = NULL WHERE batch_id = ?", id);
        Jdbc.update(c, "UPDATE llm_batches SET status = 'collected', collected_at = ? WHERE id = ?", now, id);
    }

    /** The batch never reached the API (or cannot be found there): release its postings. */
    public static void abandon(Connection c, long id, String error) {
        Jdbc.update(c, "UPDATE raw_postings SET batch_id = NULL WHERE batch_id = ?", id);
        Jdbc.update(c, "UPDATE llm_batches SET status = 'abandoned', error = ? WHERE id = ?", error, id);
    }

    public static Map<String, Item> items(Connection c, long batchId) {
        Map<String, Item> out = new HashMap<>();
        for (Item i : Jdbc.query(c, "SELECT raw_posting_id, custom_id, content_key, content_hash FROM llm_batch_items "
                        + "WHERE batch_id = ?", rs -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                batchId)) {
            out.put(i.customId(), i);
        }
        return out;
    }

    /** Postings whose answer from this batch is already in the cost ledger (a collection cut short). */
    public static Set<Long> recorded(Connection c, long batchId) {
        return new HashSet<>(Jdbc.query(c, "SELECT DISTINCT raw_posting_id FROM llm_calls WHERE batch_id = ? "
                + "AND raw_posting_id IS NOT NULL", rs -> rs.getLong(1), batchId));
    }

    /** Remote ids already known, to recognise a batch whose submission was interrupted. */
    public static Set<String> remoteIds(Connection c) {
        return new HashSet<>(Jdbc.query(c, "SELECT remote_id FROM llm_batches WHERE remote_id IS NOT NULL",
                rs -> rs.getString(1)));
    }
}
