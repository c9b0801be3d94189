package dev.jobintel.pipeline;

import dev.jobintel.store.Database;
import dev.jobintel.store.Ledger;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger at one moment: counts by outcome and reason, overall and per source, enriched
 * jobs, rejects, board fetches, model calls and what each prompt's answers were, and the
 * invariant check. Serialises to JSON for {@code --json}.
 */
public record StatusReport(
        String database,
        long rawPostings,
        Map<String, OutcomeCount> outcomes,
        Map<String, Map<String, OutcomeCount>> bySource,
        long enrichedJobs,
        long rejects,
        List<Ledger.SourceFetches> fetches,
        List<dev.jobintel.store.BoardHealth.Row> failingBoards,
        List<Ledger.Violation> violations,
        dev.jobintel.store.LlmCalls.Totals cost,
        List<dev.jobintel.store.LlmCalls.PromptAnswers> answers) {

    /** The outcomes in the order the ledger is always shown. */
    public static final List<String> ORDER = List.of("enriched", "merged", "filtered", "failed", "pending");

    /** Postings with one outcome, split by reason. */
    public record OutcomeCount(long count, Map<String, Long> reasons, long retryable) {
    }

    /**
     * This report with each failing board marked as named by the configuration or not, from
     * {@code configured} (source, then board name, then the address it is fetched at now): a board
     * removed from the configuration is never fetched again, so its back-off says nothing, and a
     * back-off earned at an address the configuration no longer names holds nothing off. With no
     * board configured at all (status given no configuration), nothing is marked.
     */
    public StatusReport withConfiguredBoards(Map<String, Map<String, String>> configured) {
        if (configured.values().stream().allMatch(Map::isEmpty)) {
            return this;
        }
        List<dev.jobintel.store.BoardHealth.Row> boards = new ArrayList<>();
        for (dev.jobintel.store.BoardHealth.Row b : failingBoards) {
            if (b.source().equals(dev.jobintel.store.BoardHealth.IMPORT_SOURCE)) {
                boards.add(b);
                continue;
            }
            Map<String, String> ofSource = configured.getOrDefault(b.source(), Map.of());
            boards.add(b.configured(ofSource.containsKey(b.board()), ofSource.get(b.board())));
        }
        return new StatusReport(database, rawPostings, outcomes, bySource, enrichedJobs, rejects, fetches, boards,
                violations, cost, answers);
    }

    public boolean consistent() {
        return violations.isEmpty();
    }

    public static StatusReport read(Database db) {
        return db.read(c -> read(c, db.url()));
    }

    /** The ledger as {@code c}'s snapshot holds it, for a reader that needs more from the same moment. */
    public static StatusReport read(Connection c, String databaseUrl) {
        List<Ledger.Line> lines = Ledger.lines(c);
        long raw = Ledger.rawCount(c);
        Map<String, OutcomeCount> overall = fold(lines, null);
        Map<String, Map<String, OutcomeCount>> bySource = new TreeMap<>();
        lines.stream().map(Ledger.Line::source).distinct()
                .forEach(s -> bySource.put(s, fold(lines, s)));
        return new StatusReport(databaseUrl, raw, overall, bySource, Ledger.jobCount(c), Ledger.rejectCount(c),
                Ledger.fetches(c), dev.jobintel.store.BoardHealth.troubled(c), Ledger.check(c),
                dev.jobintel.store.LlmCalls.totals(c), dev.jobintel.store.LlmCalls.byPrompt(c));
    }

    private static Map<String, OutcomeCount> fold(List<Ledger.Line> lines, String source) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
        for (String o : ORDER) {
            counts.put(o, new long[2]);
            reasons.put(o, new TreeMap<>());
        }
        for (Ledger.Line l : lines) {
            if (source != null && !source.equals(l.source())) {
                continue;
            }
            long[] c = counts.computeIfAbsent(l.outcome(), k -> new long[2]);
            c[0] += l.count();
            c[1] += l.retryable();
            if (l.reason() != null) {
                reasons.computeIfAbsent(l.outcome(), k -> new TreeMap<>()).merge(l.reason(), l.count(), Long::sum);
            }
        }
        Map<String, OutcomeCount> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            out.put(e.getKey(), new OutcomeCount(e.getValue()[0], reasons.getOrDefault(e.getKey(), Map.of()), e.getValue()[1]));
        }
        return out;
    }

    /** Sum of all outcome counts; equals {@link #rawPostings} when the ledger adds up. */
    public long outcomeTotal() {
        long t = 0;
        for (OutcomeCount c : outcomes.values()) {
            t += c.count();
        }
        return t;
    }

    public List<String> sources() {
        return new ArrayList<>(bySource.keySet());
    }
}
