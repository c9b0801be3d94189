package dev.jobintel.cli;

import dev.jobintel.internal.Clip;
import dev.jobintel.internal.Invisible;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.report.MarketSummary;
import dev.jobintel.report.TextTable;
import dev.jobintel.source.jsonl.JsonlSource;
import dev.jobintel.store.LandCounts;
import dev.jobintel.store.Ledger;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-screen summaries commands print. */
final class Summaries {

    private Summaries() {
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** "1 posting", "2 postings": a count with its noun, plural unless it is exactly one. */
    static String count(long v, String noun) {
        return n(v) + " " + noun + (v == 1 ? "" : "s");
    }

    /** "agency 56, too_short 35": counts by name as a ledger line writes them, in the map's order. */
    static String listed(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + n(e.getValue().longValue()))
                .collect(Collectors.joining(", "));
    }

    static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static void fetch(PrintWriter out, Runner.FetchResult r, long nanos) {
        LandCounts t = r.total();
        // An import reads files; calling them boards would send a user looking for a source.
        boolean files = !r.boards().isEmpty() && r.boards().stream().allMatch(b -> b.source().equals(JsonlSource.IMPORT));
        out.printf("%s %s from %s in %s: %s new, %s changed, %s seen again%s%n", files ? "Imported" : "Fetched",
                count(t.seen() + r.rejected(), "posting"), count(r.boards().size(), files ? "file" : "board"),
                secs(nanos), n(t.fresh()), n(t.updated()), n(t.unchanged()),
                r.rejected() > 0 ? ", " + n(r.rejected()) + " rejected (kept in the rejects table)" : "");
        if (t.requeued() > 0) {
            // Not only changed postings: one filtered as closed that its board lists again, unchanged, too.
            out.printf("  %s went back to pending to be decided again (changed on their boards, or listed again "
                    + "after being filtered as closed)%n", count(t.requeued(), "posting"));
        }
        if (t.seen() > 0 && t.fresh() == 0 && t.updated() == 0 && t.requeued() == 0) {
            out.println("  Nothing new: every posting was seen before, only last_seen moved.");
        }
        if (r.closed() > 0) {
            out.printf(r.closed() == 1 ? "  %s left its board and was closed (its outcome stays as it was)%n"
                    : "  %s left their boards and were closed (their outcomes stay as they were)%n", count(r.closed(), "posting"));
        }
        for (Lander.BoardResult b : r.boards()) {
            boolean file = b.source().equals(JsonlSource.IMPORT);
            String name = boardName(b.source(), b.board());
            if (b.skipped()) {
                out.printf("  %s skipped: %s%n", name, b.error());
            } else if (b.note() != null) {
                out.printf("  %s stopped at a limit: %s%n", name, b.note());
            } else if (b.error() != null && b.complete() && !file) {
                // The listing was read whole (what left the board is closed); some postings' content was not.
                out.printf("  %s listed whole (%s kept), some without their detail: %s%n", name,
                        count(b.counts().seen(), "posting"), Invisible.strip(b.error()));
            } else if (b.error() != null) {
                // An imported file is read, not fetched.
                out.printf("  %s %s: %s%n", name, b.counts().seen() == 0 && !(file && b.rejected() > 0) ? "failed"
                        : (file ? "partly read (" : "partly fetched (") + count(b.counts().seen(), "posting") + " kept"
                        + (file && b.rejected() > 0 ? ", " + count(b.rejected(), "line") + " rejected)" : ")"),
                        Invisible.strip(b.error()));
            }
        }
    }

    /** "board greenhouse/acme"; an imported file by its path ("file /data/a.jsonl", not "board import//data/a.jsonl"). */
    static String boardName(String source, String board) {
        return source.equals(JsonlSource.IMPORT) ? "file " + board : "board " + source + "/" + board;
    }

    static void enrich(PrintWriter out, Enricher.Result r, String classifier, long nanos) {
        if (r.processed() == 0 && r.stop() != null) {
            out.println("Decided no posting: the run stopped before deciding the first.");
            return;
        }
        if (r.processed() == 0) {
            // Pending postings an open message batch or another worker holds are not this run's to decide.
            out.println("Nothing to enrich: no pending posting free to decide.");
            return;
        }
        out.printf("Decided %s in %s with the %s classifier: %s enriched (new jobs), %s merged, "
                        + "%s filtered, %s failed%n",
                count(r.processed(), "pending posting"), secs(nanos), classifier, n(r.enriched()), n(r.merged()), n(r.filtered()), n(r.failed()));
        if (r.storeFailures() > 0) {
            out.printf("  %s refused by the database and recorded as failed(store_error)%n",
                    count(r.storeFailures(), "posting"));
        }
        if (r.waiting() > 0) {
            out.printf("  %s (being classified by another worker or an open message batch, or failed here): left "
                    + "pending, for the next run to merge or classify%n", r.waiting() == 1 ? "1 posting waits for its job"
                    : n(r.waiting()) + " postings wait for their jobs");
        }
        if (r.superseded() > 0) {
            out.printf("  %s changed on their boards while being decided: left pending, to be decided on "
                    + "their new content%n", count(r.superseded(), "posting"));
        }
    }

    /** What the Claude classifier did and cost in this run, and the ledger's totals. Nothing for rules. */
    static void claude(PrintWriter out, dev.jobintel.classify.Classifier classifier, dev.jobintel.store.Database db) {
        if (claudeCalls(out, classifier)) {
            cost(out, db.read(dev.jobintel.store.LlmCalls::totals));
            invalidAnswers(out, db.read(dev.jobintel.store.LlmCalls::byPrompt));
        }
    }

    /** At or above this share of invalid answers (over enough answers to tell), a prompt is said to go bad. */
    static final double INVALID_WARNING = 0.10;
    private static final long INVALID_WARNING_MIN_ANSWERS = 20;

    /** status: the cost ledger and what each prompt's answers were, with a blank line after; nothing without calls. */
    static void modelCalls(PrintWriter out, StatusReport s) {
        if (s.cost().calls() == 0) {
            return;
        }
        out.println("Model calls:");
        cost(out, s.cost());
        answers(out, s.answers());
        out.println();
    }

    /** The model calls of each model and prompt version by what they got back, then any warning. */
    private static void answers(PrintWriter out, List<dev.jobintel.store.LlmCalls.PromptAnswers> answers) {
        if (answers.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("model", "prompt", "calls", "valid", "invalid %", "truncated", "refused",
                "without an answer");
        for (dev.jobintel.store.LlmCalls.PromptAnswers a : answers) {
            StringBuilder none = new StringBuilder();
            a.outcomes().forEach((outcome, count) -> {
                if (!dev.jobintel.store.LlmCalls.PromptAnswers.ANSWERED.contains(outcome)) {
                    none.append(none.length() == 0 ? "" : ", ").append(outcome).append(' ').append(n(count));
                }
            });
            Double share = a.invalidShare();
            t.row(a.model(), a.promptVersion(), a.calls(), a.outcomes().getOrDefault("valid", 0L),
                    share == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * share),
                    a.outcomes().getOrDefault("truncated", 0L), a.outcomes().getOrDefault("refused", 0L),
                    none.length() == 0 ? "0" : none.toString());
        }
        out.print(t.render("  "));
        invalidAnswers(out, answers);
    }

    /** A warning for each prompt whose answers are often invalid (incident 14: a rate nobody saw for weeks). */
    static void invalidAnswers(PrintWriter out, List<dev.jobintel.store.LlmCalls.PromptAnswers> answers) {
        for (dev.jobintel.store.LlmCalls.PromptAnswers a : answers) {
            Double share = a.invalidShare();
            if (share != null && share >= INVALID_WARNING && a.answered() >= INVALID_WARNING_MIN_ANSWERS) {
                out.printf("  warning: %.1f%% of %s's answers to prompt %s were invalid (%s of %s): each was asked "
                                + "again, paid twice, and may have failed as invalid_output; see 'jobintel status "
                                + "--explain'%n", 100 * share, a.model(), a.promptVersion(),
                        n(a.outcomes().getOrDefault("invalid", 0L)), n(a.answered()));
            }
        }
    }

    /** What the Claude classifier did and cost in this process; false (and nothing printed) for another classifier. */
    static boolean claudeCalls(PrintWriter out, dev.jobintel.classify.Classifier classifier) {
        if (!(classifier instanceof dev.jobintel.classify.claude.ClaudeClassifier claude)) {
            return false;
        }
        dev.jobintel.classify.claude.ClaudeStats.Snapshot s = claude.stats();
        out.printf("Claude %s (prompt %s): %s, %s answered, %s retried, %s re-asked; %s reused an "
                        + "earlier answer, %s decided by the rules pre-filter%n",
                claude.model(), claude.promptVersion(), count(s.requests(), "request"), n(s.answered()), n(s.retries()),
                n(s.reAsks()), count(s.reused(), "posting"), n(s.prefiltered()));
        if (s.answered() > 0) {
            out.printf("  tokens: %s input, %s cache write, %s cache read, %s output; %.1f%% of input read from the cache%n",
                    n(s.usage().input()), n(s.usage().cacheWrite()), n(s.usage().cacheRead()), n(s.usage().output()),
                    100 * s.cacheHitRatio());
        }
        out.printf("  cost this run: %s%s%n", usd(s.costUsd()),
                s.classified() == 0 ? "" : " (" + usd(s.costUsd() / s.classified()) + " per classified job)");
        out.flush();
        return true;
    }

    static void cost(PrintWriter out, dev.jobintel.store.LlmCalls.Totals t) {
        if (t.calls() == 0) {
            return;
        }
        out.printf("  cost ledger: %s over %s (%s without an answer), %s, %s per job, %.1f%% of input from the cache%n",
                usd(t.costUsd()), count(t.calls(), "call"), n(t.failed()), count(t.jobsByModel(), "model-classified job"),
                usd(t.costPerJob()), 100 * t.cacheHitRatio());
    }

    /**
     * The end of every command that enriches: what was decided, what it cost, what is still
     * pending; returns the exit code (6 when the run stopped early).
     */
    static int enriched(picocli.CommandLine cl, dev.jobintel.pipeline.Context ctx, dev.jobintel.pipeline.Runner runner,
                        dev.jobintel.store.Database db, Enricher.Result r, long nanos, long limit) {
        PrintWriter out = cl.getOut();
        enrich(out, r, ctx.classifierName(), nanos);
        claude(out, runner.classifier(), db);
        StatusReport s = StatusReport.read(db);
        long pending = s.outcomes().get("pending").count();
        if (pending > 0) {
            out.printf("%s still pending%s.%n", count(pending, "posting") + (pending == 1 ? " is" : " are"),
                    limit > 0 ? " (--limit " + limit + ")" : "");
        }
        out.flush();
        if (r.stop() != null) {
            stopped(cl.getErr(), r.stop());
            return Main.RUN_STOPPED;
        }
        return 0;
    }

    /** What an enrich (or retry, or backfill) would do, from a dry run. */
    static void plan(PrintWriter out, dev.jobintel.pipeline.EnrichPlan.Plan p, dev.jobintel.classify.Classifier classifier,
                     long limit) {
        out.printf("Dry run: nothing is sent and nothing is written.%n");
        out.printf("%s to decide%s: %s would be filtered%s, %s merged into jobs already classified, classified earlier "
                        + "in the run or being classified in an open message batch%n", count(p.pending(), "posting"), limit > 0 ? " (--limit " + limit + ")" : "", n(p.filtered()),
                p.filteredBy().isEmpty() ? "" : " (" + listed(p.filteredBy()) + ")", n(p.merged()));
        if (!(classifier instanceof dev.jobintel.classify.claude.ClaudeClassifier claude)) {
            out.printf("The %s classifier runs offline: no requests, no cost.%n", classifier.name());
            return;
        }
        out.printf("Claude %s (prompt %s): %s; %s would reuse an earlier answer; %s would be "
                        + "decided by the rules pre-filter%n", claude.model(), claude.promptVersion(),
                p.requests() == 1 ? "1 posting needs a request" : n(p.requests()) + " postings need a request",
                n(p.reused()), n(p.prefiltered()));
        if (p.requests() > 0) {
            out.printf("Estimated tokens (about 4 characters per token): %s input, %s cache write, %s cache read, "
                            + "%s output%n", n(p.usage().input()), n(p.usage().cacheWrite()), n(p.usage().cacheRead()),
                    n(p.usage().output()));
            out.printf("Estimated cost: %s (%s per request); with --batch about %s%n", usd(p.costUsd()),
                    usd(p.costUsd() / p.requests()), usd(p.batchCostUsd()));
        }
    }

    static String usd(double v) {
        // The run adds its calls' costs up as they answer, the ledger in row order: the same calls can sum a bit
        // either side of a half ($0.00825 as 0.0082499…98 and 0.0082500…04) and would show $0.0082 beside $0.0083.
        // Rounded first to a billionth of a dollar (far below any token's price), the same spend shows one figure.
        java.math.BigDecimal d = Double.isFinite(v)
                ? new java.math.BigDecimal(v).setScale(9, java.math.RoundingMode.HALF_EVEN) : null;
        return String.format(java.util.Locale.ROOT, v >= 1 ? "$%,.2f" : "$%.4f", d == null ? (Object) v : d);
    }

    /** Why a run stopped early, on stderr, and that nothing was lost. */
    static void stopped(PrintWriter err, dev.jobintel.classify.RunStop stop) {
        err.printf("stopped: %s%nThe postings not yet classified are still pending; run 'jobintel enrich' again when "
                + "this is resolved.%n", Invisible.strip(stop.getMessage()));
        err.flush();
    }

    /** status --explain: the arithmetic from raw postings to jobs, then every outcome and reason with examples. */
    static void explain(PrintWriter out, StatusReport s, dev.jobintel.pipeline.Explanation e) {
        Map<String, StatusReport.OutcomeCount> o = s.outcomes();
        out.printf("Where every posting went: %s (and %s that never became postings)%n",
                count(s.rawPostings(), "raw posting"), count(s.rejects(), "reject"));
        StringBuilder others = new StringBuilder();
        o.forEach((outcome, c) -> {
            if (!StatusReport.ORDER.contains(outcome)) {
                others.append(" + ").append(n(c.count())).append(' ').append(Clip.oneLine(outcome, 40));
            }
        });
        out.printf("  = %s enriched + %s merged + %s filtered + %s failed + %s pending%s%s%n", n(o.get("enriched").count()),
                n(o.get("merged").count()), n(o.get("filtered").count()), n(o.get("failed").count()),
                n(o.get("pending").count()), others, pendingHeld(e));
        out.printf("  %s: each classified from an enriched posting; merged postings are further sightings of them%n",
                count(s.enrichedJobs(), "job"));
        long apart = s.enrichedJobs() - o.get("enriched").count();
        if (apart != 0 && !s.consistent()) {
            out.printf("  (%s %s enriched postings, and the ledger is broken: see the invariants below, then "
                    + "'jobintel backfill --dry-run')%n", count(Math.abs(apart), "job"), apart > 0 ? "more than" : "fewer than");
        } else if (apart > 0) {
            // A posting that changed on its board is decided again as the job it now is; the job it
            // first made stays while postings merged into it still point to it.
            out.printf("  (%s more than enriched postings: a posting that changed on its board became another job, and "
                    + "the job it made first stays for the postings merged into it)%n", count(apart, "job"));
        } else if (apart < 0) {
            out.printf("  (%s fewer than enriched postings: several enriched postings share a job)%n", count(-apart, "job"));
        }
        out.println();
        for (dev.jobintel.pipeline.Explanation.Entry x : e.entries()) {
            out.printf("%s%s: %s%s%n", x.outcome(), x.reason() == null ? "" : " (" + x.reason() + ")", n(x.count()),
                    x.outcome().equals("failed") ? ", " + n(x.retryable()) + " retryable" : "");
            out.printf("  what to do: %s%n", x.action());
            for (Ledger.Example ex : x.examples()) {
                out.printf("  e.g. %s%n", ex.line());
            }
        }
        for (dev.jobintel.store.Rejects.ReasonCount r : e.rejects()) {
            out.printf("rejected (%s): %s, never postings%s%n", r.reason(), n(r.count()),
                    r.timesSeen() > r.count() ? " (sent " + n(r.timesSeen()) + " times in all)" : "");
            out.printf("  what to do: %s%n", dev.jobintel.pipeline.Explanation.rejectAction(r.reason()));
            for (dev.jobintel.store.Rejects.Example ex : r.examples()) {
                out.printf("  e.g. reject %d from %s: %s%n", ex.id(), Clip.oneLine(boardName(ex.source(), ex.board()), 160),
                        ex.detail() == null ? "(no detail)" : Clip.oneLine(ex.detail(), 160));
            }
        }
        if (!e.runs().isEmpty()) {
            out.println();
            out.println("Recent fetch runs, newest first (seen = new + changed + unchanged + rejected; closed: no longer "
                    + "on their boards;");
            out.println("outcomes of new: what became of the postings each run saw first):");
            TextTable t = new TextTable("run", "started (UTC)", "boards", "failed", "partial", "seen", "new", "changed",
                    "unchanged", "rejected", "closed", "outcomes of new");
            for (Ledger.RunLine r : e.runs()) {
                t.row(r.runId().length() > 8 ? r.runId().substring(0, 8) : r.runId(),
                        java.time.Instant.ofEpochMilli(r.startedAt()).toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                        r.boards(), r.failedBoards(), r.partialBoards(), r.seen(), r.newPostings(), r.changed(),
                        r.unchanged(), r.rejected(), r.closed(), listed(r.outcomes()));
            }
            out.print(t.render("  "));
            for (Ledger.RunLine r : e.runs()) {
                if (r.runningBoards() > 0) {
                    out.printf("  run %s: %s%n", r.runId().length() > 8 ? r.runId().substring(0, 8) : r.runId(),
                            unfinished(r.runningBoards()));
                }
            }
        }
    }

    /** Which pending postings someone is working on (in open message batches, or leased by a worker), and which are stranded. */
    private static String pendingHeld(dev.jobintel.pipeline.Explanation e) {
        List<String> held = new java.util.ArrayList<>();
        if (e.pendingInBatches() > 0) {
            held.add(n(e.pendingInBatches()) + " in open message batches");
        }
        if (e.pendingLeased() > 0) {
            held.add(n(e.pendingLeased()) + " leased by a worker (a lease a killed worker left runs out by itself)");
        }
        if (e.pendingInGoneBatches() > 0) {
            // Not waiting for anyone: enrich skips a posting marked with a batch, and only backfill releases it.
            held.add(n(e.pendingInGoneBatches()) + " held by a message batch that is gone (jobintel backfill releases "
                    + (e.pendingInGoneBatches() == 1 ? "it" : "them") + ")");
        }
        return held.isEmpty() ? "" : " (of which " + String.join(", ", held) + ")";
    }

    static void ledger(PrintWriter out, StatusReport s) {
        out.printf("Ledger: %s, %s, %s%n", count(s.rawPostings(), "raw posting"), count(s.enrichedJobs(), "enriched job"),
                count(s.rejects(), "reject"));
        TextTable t = new TextTable("outcome", "postings", "reasons");
        // The five outcomes first, then any other a hand-made change left: the rows must add up to the total.
        s.outcomes().forEach((o, c) -> t.row(o, c.count(), reasons(o, c)));
        t.row("total", s.outcomeTotal(), s.outcomeTotal() == s.rawPostings() ? "= raw postings"
                : "!= raw postings (" + n(s.rawPostings()) + ")");
        out.print(t.render("  "));
    }

    private static String reasons(String outcome, StatusReport.OutcomeCount c) {
        if (outcome.equals("enriched")) {
            return c.count() == 0 ? "" : "each created a job";
        }
        if (outcome.equals("merged")) {
            return c.count() == 0 ? "" : "same employer + title + place as an existing job";
        }
        Map<String, Long> byReason = c.reasons();
        if (outcome.equals("filtered") || outcome.equals("failed")) {
            // Postings with no reason (a row changed by hand) are named, so that the reasons add up to
            // the count: an empty reason had printed as a bare number, a missing one not at all.
            byReason = new java.util.LinkedHashMap<>();
            long unnamed = c.count();
            for (Map.Entry<String, Long> r : c.reasons().entrySet()) {
                if (!r.getKey().isBlank()) {
                    byReason.put(r.getKey(), r.getValue());
                    unnamed -= r.getValue();
                }
            }
            if (unnamed > 0) {
                byReason.put("(no reason)", unnamed);
            }
        }
        String listed = listed(byReason);
        if (outcome.equals("failed") && c.count() > 0) {
            listed += " (" + n(c.retryable()) + " retryable)";
        }
        return listed;
    }

    static void bySource(PrintWriter out, StatusReport s) {
        if (s.bySource().isEmpty()) {
            return;
        }
        // Outcomes a hand-made change left (the ledger lists them by name) get a column of their own when
        // there are any, or a source's row would not add up to its postings.
        boolean others = s.outcomes().keySet().stream().anyMatch(o -> !StatusReport.ORDER.contains(o));
        List<String> columns = new java.util.ArrayList<>(List.of("source", "postings"));
        columns.addAll(StatusReport.ORDER);
        if (others) {
            columns.add("other");
        }
        TextTable t = new TextTable(columns.toArray(String[]::new));
        for (Map.Entry<String, Map<String, StatusReport.OutcomeCount>> e : s.bySource().entrySet()) {
            Map<String, StatusReport.OutcomeCount> m = e.getValue();
            long total = m.values().stream().mapToLong(StatusReport.OutcomeCount::count).sum();
            List<Object> cells = new java.util.ArrayList<>(List.of(e.getKey(), total));
            StatusReport.ORDER.forEach(o -> cells.add(m.get(o).count()));
            if (others) {
                cells.add(total - StatusReport.ORDER.stream().mapToLong(o -> m.get(o).count()).sum());
            }
            t.row(cells.toArray());
        }
        out.println("By source:");
        out.print(t.render("  "));
    }

    static void fetches(PrintWriter out, List<Ledger.SourceFetches> fetches) {
        if (fetches.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("fetched via", "board fetches", "failed", "partial", "rejected");
        for (Ledger.SourceFetches f : fetches) {
            t.row(f.source(), f.fetches(), f.failed(), f.partial(), f.rejected());
        }
        // Summed over every fetch: an item rejected on each of two fetches counts twice here, and
        // once in the rejects table the ledger line counts.
        out.println("Fetches (all runs added up; the rejects table keeps each rejected item once):");
        out.print(t.render("  "));
        for (Ledger.SourceFetches f : fetches) {
            if (f.running() > 0) {
                out.printf("  %s: %s%n", f.source(), unfinished(f.running()));
            }
        }
    }

    /**
     * What a fetch still marked running is: one stopped by Ctrl-C or a crash looks like one in progress, and its
     * counts like a fetch that ended (a file of 100,000 postings "imported" with 1,500), until the next command
     * that writes the database closes it as interrupted (on SQLite; on PostgreSQL, where several processes fetch
     * at once, it stays so).
     */
    private static String unfinished(long fetches) {
        return fetches == 1 ? "1 board fetch not finished (still running, or stopped by Ctrl-C or a crash): its counts "
                + "are what it landed by then" : n(fetches) + " board fetches not finished (still running, or stopped by "
                + "Ctrl-C or a crash): their counts are what they landed by then";
    }

    static void boards(PrintWriter out, List<dev.jobintel.store.BoardHealth.Row> troubled, long now) {
        if (troubled.isEmpty()) {
            return;
        }
        // When it last failed: a board since removed from the config stays here as it was last seen, marked so.
        TextTable t = new TextTable("source", "board", "failures in a row", "last failed", "last error", "next try");
        for (dev.jobintel.store.BoardHealth.Row b : troubled) {
            boolean file = b.source().equals(dev.jobintel.store.BoardHealth.IMPORT_SOURCE);
            String next = file ? "when imported again"
                    : Boolean.FALSE.equals(b.configured()) ? "never: no longer configured"
                    : b.backoffUntil() == null || b.backoffUntil() <= now ? "next run"
                    : "backed off until " + minute(b.backoffUntil());
            String error = withStatus(b.lastStatus(), b.lastError());
            t.row(b.source(), b.board(), failures(b, file), b.lastFailureAt() == null ? "" : minute(b.lastFailureAt()),
                    Clip.oneLine(error, 90), next);
        }
        out.println("Boards failing or partial:");
        out.print(t.render("  "));
    }

    /** A board's last error with its HTTP status in front, unless the error names it already ("not found (HTTP 404)"). */
    static String withStatus(Integer status, String error) {
        String code = status == null ? "" : "HTTP " + status;
        if (error == null || error.isEmpty()) {
            return code;
        }
        return code.isEmpty() || error.contains(code) ? error : code + ": " + error;
    }

    /**
     * The failures in a row a board's health counts, and what the failure shown was when that is not one:
     * a partial fetch (it served postings) or refused credentials count none; a replayed fetch, a file
     * and a fetch a stop cut short are not counted at all.
     */
    private static Object failures(dev.jobintel.store.BoardHealth.Row b, boolean file) {
        String partial = b.partial() ? "partial, " : "";
        if (file) {
            return b.partial() ? "partly read" : "unread";
        }
        if (dev.jobintel.store.BoardHealth.counted(b)) {
            // No failures in a row: it served postings (partial) or its credentials were missing or
            // refused, which is not counted against it.
            return b.consecutiveFailures() != 0 ? b.consecutiveFailures() : b.partial() ? "0 (partial)" : "0 (credentials)";
        }
        String why = b.lastFetch().equals(dev.jobintel.store.BoardHealth.REPLAYED) ? "replayed" : "interrupted";
        return b.consecutiveFailures() != 0 ? b.consecutiveFailures() + " (and " + partial + why + " since)"
                : "0 (" + partial + why + ", not counted)";
    }

    /** An instant to the minute, in UTC. */
    private static String minute(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis).toString().replace('T', ' ').substring(0, 16) + " UTC";
    }

    static void invariants(PrintWriter out, StatusReport s) {
        if (s.consistent()) {
            out.println("Invariants: all hold (every posting has one outcome; every job has a posting; "
                    + "every merged or enriched posting points to the job of its hash).");
        } else {
            out.println("Invariants: BROKEN");
            for (Ledger.Violation v : s.violations()) {
                out.printf("  %s: %s %s%n", v.invariant(), count(v.rows(), "row"), v.rows() == 1 ? "breaks it" : "break it");
            }
        }
    }

    static void market(PrintWriter out, List<MarketSummary.Count> families, List<MarketSummary.Count> cities,
                       List<MarketSummary.Count> skills) {
        if (families.isEmpty()) {
            return;
        }
        TextTable f = new TextTable("family", "jobs");
        families.forEach(c -> f.row(c.label(), c.jobs()));
        out.println("Jobs by family:");
        out.print(f.render("  "));
        TextTable ci = new TextTable("place", "jobs");
        cities.forEach(c -> ci.row(c.label(), c.jobs()));
        out.println("Jobs by place (top " + cities.size() + "):");
        out.print(ci.render("  "));
        if (!skills.isEmpty()) {
            out.println("Top skills: " + skills.stream().map(c -> c.label() + " " + n(c.jobs()))
                    .collect(Collectors.joining(", ")));
        }
    }
}
