package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.EnrichPlan;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Identities;
import dev.jobintel.pipeline.Relocation;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.ReferenceData;
import dev.jobintel.store.Requeue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Find postings that should have a job and do not, and enrich them: postings recorded as "
                + "enriched or merged whose job no longer exists or is the job of another title (written by an older "
                + "version, or with foreign keys off), postings held by a message batch that is gone, postings whose "
                + "row was changed by hand against the ledger's rules (an unknown outcome, a failure with no reason), "
                + "and postings never decided (pending). Jobs no posting points to are removed and every job's "
                + "posting count is recomputed; if the ledger still breaks an invariant, it says which and exits 4.",
                "Every scan is keyset-paginated, so any number of rows is covered."})
final class BackfillCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ProgressOption bars;

    @Mixin
    ClassifierOptions classifying;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only repair and relocate postings first seen at or after TIME (2026-11-01 or "
                    + "2026-11-01T09:00:00Z). Pending postings, and rows changed by hand against the ledger's rules, "
                    + "are all decided, whenever first seen.")
    String since;

    @Option(names = "--dry-run", description = "Show what would be repaired and what enriching it would cost; change nothing.")
    boolean dryRun;

    @Option(names = "--relocate", description = {"First give every posting the place and job identity the place table "
            + "and rules in use give it (after extending places: or upgrading jobintel): a posting lands once and keeps "
            + "its identity until its content changes. Decided postings that move are decided again, reusing their "
            + "classification where their content is the same."})
    boolean relocate;

    @Option(names = "--taxonomy-changed", description = {"First put back to pending the postings of jobs classified with "
            + "a code the taxonomy in use does not have (a family, subfamily, seniority, track, arrangement or position "
            + "type removed or renamed in taxonomy:), so that they are classified again under it. Whenever first seen."})
    boolean taxonomyChanged;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Long from = since == null ? null : parse(cl, since);
        Context ctx = classifying.context(common, cl, dryRun);
        // A dry run writes nothing, an empty database where a mistyped --db points included.
        if (dryRun && CommonOptions.noDatabaseYet(ctx.config().database().url(), cl.getErr())) {
            return Main.DATABASE_ERROR;
        }
        PrintWriter out = cl.getOut();
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, bars.on())) {
            runner.prepare(dryRun);
            Relocation.Result relocated = relocate ? Relocation.run(db, new Identities(ctx.resolver()), from, !dryRun)
                    : null;
            long moved = relocated == null ? 0 : relocated.moved();
            // In a dry run, the postings relocating would move (each leaves its job); none otherwise.
            java.util.Set<Long> moving = relocated == null ? java.util.Set.of() : relocated.wouldMove();
            if (relocated != null) {
                out.printf("Postings the place table and rules in use place otherwise: %s%s%n", Summaries.n(moved),
                        moved == 0 ? "" : dryRun ? " (would move; those decided would be decided again)"
                                : " (moved; those decided are re-queued below)");
                if (relocated.held() > 0) {
                    out.printf("  (%s more are being decided by a worker under their old place: run 'jobintel backfill "
                            + "--relocate' again once it is done)%n", Summaries.n(relocated.held()));
                }
                long byLocation = moved == 0 ? 0 : db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings "
                        + "WHERE outcome = 'filtered' AND outcome_reason = 'location'"));
                if (byLocation > 0) {
                    out.printf("  (%s filtered by gate.location keep that decision: 'jobintel retry --reason "
                            + "location' decides them again)%n", Summaries.count(byLocation, "posting"));
                }
            }
            java.util.Map<String, java.util.List<String>> codes = ReferenceData.jobCodes(ctx.taxonomy());
            long stale = db.read(c -> Requeue.countStaleCodes(c, codes));
            // In a dry run, the postings the move would take out of their job count too: the real run moves
            // first and then finds them among those whose job is another job.
            long dangling = db.read(c -> Requeue.countDangling(c, from)
                    + (moving.isEmpty() ? 0 : Requeue.countMovingOutOfTheirJob(c, moving)));
            long stranded = db.read(Requeue::countStranded);
            long unsound = db.read(Requeue::countUnsound);
            // Counted as the removal below will find them: the jobs with no posting now and those the
            // re-queue leaves with none (every posting --relocate moved). Counted before it, the line
            // said 0 above "removed 5 orphan jobs".
            java.util.Set<String> gone = db.read(c -> Requeue.jobHashesGoneAfterRepairs(c, from,
                    taxonomyChanged ? codes : null, moving));
            long orphans = gone.size();
            // Counted the same way: a dry run that said nothing of them left a broken raw_count
            // invariant looking like one backfill would not touch.
            long recounts = db.read(c -> Requeue.jobCountsWrongAfterRepairs(c, from, taxonomyChanged ? codes : null, moving));
            // Every pending posting, whenever first seen: the enrich below decides them all, as enrich would,
            // but those an open message batch holds (its answers decide them).
            long pending = db.read(Requeue::countPendingToDecide);
            long batched = db.read(Requeue::countPendingInOpenBatches);
            out.printf("Postings whose job no longer exists or is another job: %s%n", Summaries.n(dangling));
            out.printf("Postings held by a message batch that is gone: %s%n", Summaries.n(stranded));
            if (unsound > 0) {
                out.printf("Postings whose outcome breaks the ledger's rules (changed by hand): %s%n", Summaries.n(unsound));
            }
            if (stale > 0 || taxonomyChanged) {
                out.printf("Postings of jobs with codes the taxonomy in use does not have: %s%s%n", Summaries.n(stale),
                        stale == 0 || taxonomyChanged ? "" : " (--taxonomy-changed classifies them again)");
            }
            out.printf("Jobs no posting points to, once those are re-queued: %s%n", Summaries.n(orphans));
            out.printf("Jobs whose posting count is wrong, once those are re-queued: %s%n", Summaries.n(recounts));
            out.printf("Postings never decided (pending): %s%s%n", Summaries.n(pending),
                    batched > 0 ? " (and " + Summaries.n(batched) + " waiting in open message batches, left to them)" : "");
            if (dryRun) {
                // Relocating is not done in a dry run: the plan takes the postings that would move as moved.
                // (Each stream gives the first ids after the one asked, which union needs; the moved
                // postings, filtered from a scan, come last.)
                EnrichPlan.Pages anyway = (c, after, size) -> Requeue.backfillPage(c, from, after, size);
                if (taxonomyChanged) {
                    anyway = EnrichPlan.union(anyway, (c, after, size) -> Requeue.staleCodesPage(c, codes, after, size));
                }
                EnrichPlan.Pages pages = relocate ? Relocation.decidedAfterMoving(new Identities(ctx.resolver()), from, anyway)
                        : anyway;
                if (dangling + pending + moved + unsound + (taxonomyChanged ? stale : 0) > 0) {
                    out.println();
                    // The jobs the repairs leave with no posting are removed: not there to merge into.
                    Summaries.plan(out, EnrichPlan.plan(db, ctx.gate(), ctx.resolver(), runner.classifier(),
                            ctx.config().pipeline().batchSize(), 0, pages, gone), runner.classifier(), 0);
                }
                return 0;
            }
            long now = ctx.clock().millis();
            // Each repair is retried: on PostgreSQL a fetch or a worker writing beside the backfill may lock
            // the same postings and jobs in another order, and the server ends one transaction of the two.
            long requeued = Requeue.dangling(db, from, now) + db.inTransactionRetried(c -> Requeue.requeueUnsound(c, now))
                    + (taxonomyChanged ? Requeue.staleCodes(db, codes, now) : 0);
            int released = db.inTransactionRetried(Requeue::releaseStranded);
            int removed = db.inTransactionRetried(Requeue::deleteOrphanJobs);
            int recounted = db.inTransactionRetried(Requeue::recount);
            out.printf("Re-queued %s, released %s from gone batches, removed %s, corrected %s; enriching.%n",
                    Summaries.count(requeued, "posting"), Summaries.n(released), Summaries.count(removed, "orphan job"),
                    Summaries.count(recounted, "job count"));
            out.flush();
            long t0 = System.nanoTime();
            Enricher.Result r = runner.enrich(0);
            int exit = Summaries.enriched(cl, ctx, runner, db, r, System.nanoTime() - t0, 0);
            StatusReport after = StatusReport.read(db);
            if (exit == 0 && !after.consistent()) {
                // What backfill cannot mend is said, not hidden behind exit 0.
                Summaries.invariants(out, after);
                return Main.INVARIANT_BROKEN;
            }
            return exit;
        }
    }

    static long parse(CommandLine cl, String s) {
        try {
            return dev.jobintel.report.JobFilter.parseTime(s);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
