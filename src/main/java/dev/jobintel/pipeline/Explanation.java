package dev.jobintel.pipeline;

import dev.jobintel.store.Database;
import dev.jobintel.store.Dialect;
import dev.jobintel.store.Ledger;
import dev.jobintel.store.Rejects;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger explained (status --explain): for every outcome and reason, how many postings,
 * a few examples, and the command that would act on them; then the same per fetch run. This is
 * what the old system needed a day of scripts for (incident 27).
 */
public record Explanation(List<Entry> entries, List<Rejects.ReasonCount> rejects, List<Ledger.RunLine> runs,
                          long pendingInBatches, long pendingLeased, long pendingInGoneBatches) {

    /** One outcome and reason: how many, what to do, examples. */
    public record Entry(String outcome, String reason, long count, long retryable, String action,
                       List<Ledger.Example> examples) {
    }

    /** The ledger and its explanation, read in one snapshot so that the two agree while others write. */
    public record Explained(StatusReport status, Explanation explanation) {
    }

    public static Explained read(Database db, int examples, int runs) {
        return db.read(c -> {
            StatusReport s = StatusReport.read(c, db.url());
            return new Explained(s, read(c, db.dialect(), s, examples, runs));
        });
    }

    /** The explanation of {@code s}, which must have been read from {@code c}'s snapshot. */
    public static Explanation read(Connection c, Dialect dialect, StatusReport s, int examples, int runs) {
        java.util.Map<String, Long> retryableByReason = new java.util.HashMap<>();
        for (Ledger.Line l : Ledger.lines(c)) {
            if (l.outcome().equals("failed")) {
                retryableByReason.merge(l.reason(), l.retryable(), Long::sum);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String outcome : s.outcomes().keySet()) {
            StatusReport.OutcomeCount oc = s.outcomes().get(outcome);
            if (oc.count() == 0) {
                continue;
            }
            if (oc.reasons().isEmpty()) {
                entries.add(new Entry(outcome, null, oc.count(), oc.retryable(), action(outcome, null, oc.retryable()),
                        Ledger.examples(c, outcome, null, null, examples)));
            } else {
                long withReason = 0;
                for (var r : oc.reasons().entrySet()) {
                    long retryable = outcome.equals("failed") ? retryableByReason.getOrDefault(r.getKey(), 0L) : 0;
                    entries.add(new Entry(outcome, r.getKey(), r.getValue(), retryable,
                            action(outcome, r.getKey(), retryable), Ledger.examples(c, outcome, r.getKey(), null, examples)));
                    withReason += r.getValue();
                }
                if (withReason < oc.count()) {
                    // Postings of the outcome with no reason beside those with one (a row changed by hand):
                    // listed too, or the entries would not add up to the outcome's count.
                    long retryable = outcome.equals("failed") ? retryableByReason.getOrDefault(null, 0L) : 0;
                    entries.add(new Entry(outcome, null, oc.count() - withReason, retryable,
                            action(outcome, null, retryable), Ledger.examples(c, outcome, null, null, examples)));
                }
            }
        }
        return new Explanation(entries, Rejects.byReason(c, examples), Ledger.runs(c, runs), Ledger.pendingInBatches(c),
                Ledger.pendingLeased(c, dialect.nowMillis()), Ledger.pendingInGoneBatches(c));
    }

    /** What to do about rejects, whatever their reason. */
    public static final String REJECT_ACTION = "never a posting: the source sent it unusable; kept once in the rejects "
            + "table with what was sent (SELECT payload FROM rejects WHERE id = …)";

    /** What to do about items rejected for this reason. */
    public static String rejectAction(String reason) {
        // The one reject that is jobintel's to fix: its parser failed on what the source sent.
        return "unmappable".equals(reason) ? "jobintel's parser failed on what the source sent: report it with the "
                + "payload (SELECT payload FROM rejects WHERE id = …); the rest of the board was kept" : REJECT_ACTION;
    }

    /** What to do about postings with this outcome and reason. */
    static String action(String outcome, String reason, long retryable) {
        if ((outcome.equals("filtered") || outcome.equals("failed")) && (reason == null || reason.isBlank())) {
            // jobintel never writes such a row; retry selects by reason and refuses an empty one, so
            // only backfill, which decides rows changed by hand again, acts on it.
            return UNSOUND_ACTION;
        }
        return switch (outcome) {
            case "enriched" -> "nothing: each created a job";
            case "merged" -> "nothing: the same employer, title and place as a job already classified (counted once)";
            case "pending" -> "jobintel enrich (or jobintel enrich --batch to collect open message batches); a posting "
                    + "leased by a worker is that worker's to decide, and returns to the pool if the worker stops";
            case "filtered" -> switch (reason == null ? "" : reason) {
                case "agency" -> "kept out on purpose; if an employer is wrongly taken for an agency, add it to "
                        + "gate.agency.allow, then jobintel retry --reason agency";
                case "too_short" -> "kept out on purpose: no usable description (gate.min_description_chars); after "
                        + "lowering it: jobintel retry --reason too_short";
                case "title" -> "kept out by gate.title.include / exclude; after changing them: jobintel retry --reason title";
                case "location" -> "kept out by gate.location.include / exclude; after changing them: "
                        + "jobintel retry --reason location";
                case "closed" -> "left its board before it was classified; nothing to do";
                default -> "kept out by the gate (" + reason + ")";
            };
            case "failed" -> switch (reason == null ? "" : reason) {
                case "invalid_output" -> "the model's answers did not validate (see raw_output); after changing the "
                        + "model or prompt: jobintel retry --reason invalid_output";
                case "truncated" -> "answers did not fit: raise classifier.claude.retry_max_tokens, then "
                        + "jobintel retry --reason truncated";
                case "refused" -> "the model declined; review the postings, then jobintel retry --reason refused";
                case "bad_request" -> "the API refused the request as invalid (see last_error); jobintel retry "
                        + "--reason bad_request once fixed";
                case "too_large" -> "the request was too large: lower classifier.claude.description_chars, then "
                        + "jobintel retry --reason too_large";
                case "store_error" -> "the database refused the row (see last_error); jobintel retry --reason store_error";
                default -> retryable > 0 ? "jobintel retry (a retry may help: " + reason + ")"
                        : "jobintel retry --reason " + reason;
            };
            // Setting it to 'pending' by hand is refused while the row keeps a job_id; backfill clears both.
            default -> "not an outcome jobintel writes (a row changed by hand): " + BACKFILL;
        };
    }

    private static final String BACKFILL = "jobintel backfill --dry-run, then jobintel backfill, decides it again";

    private static final String UNSOUND_ACTION = "no reason recorded (a row changed by hand): " + BACKFILL;
}
