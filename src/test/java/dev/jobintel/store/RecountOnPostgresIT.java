package dev.jobintel.store;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * backfill's recount of every job's raw_count while a worker on another machine merges a posting
 * into one of those jobs: the count ends as the postings linked to the job, whichever commits first.
 */
class RecountOnPostgresIT {

    @Test
    void aRecountWaitingOnAWorkersMergeCountsThePostingTheMergeLinked() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        Context ctx = Fixtures.context(url, Clock.systemUTC(), 100);
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            // One job posted on two boards: one enriched posting, one merged.
            runner.fetch(List.of(Fixtures.jsonl("test", List.of(
                    Fixtures.posting("greenhouse", "g1", "Acme", "Data Engineer", "Berlin, Germany", Fixtures.DESCRIPTION),
                    Fixtures.posting("lever", "l1", "Acme", "Data Engineer", "Berlin, Germany", Fixtures.DESCRIPTION)))));
            runner.enrich(0);
            long job = db.read(c -> Jdbc.count(c, "SELECT id FROM enriched_jobs"));
            long merged = db.read(c -> Jdbc.count(c, "SELECT id FROM raw_postings WHERE outcome = 'merged'"));
            // backfill re-queued the merged posting: it left the job, whose count backfill's recount corrects.
            db.inTransaction(c -> Jdbc.update(c, RawPostings.TO_PENDING + "WHERE id = ?", 0L, merged));
            long before = db.read(c -> Jdbc.count(c, "SELECT raw_count FROM enriched_jobs"));
            assertThat(before).isEqualTo(2);

            // A worker merges it again and counts it in the job, and has not committed when the recount starts.
            CountDownLatch merging = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> db.inTransaction(c -> {
                Jdbc.update(c, Outcomes.LINK, "merged", job, 1L, 1L, 0, merged,
                        Jdbc.one(c, "SELECT content_hash FROM raw_postings WHERE id = ?", rs -> rs.getString(1), merged), job);
                int n = Jdbc.update(c, Outcomes.TOUCH_JOB, 1L, 0L, 0L, 0L, 0L, job);
                merging.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            }));
            assertThat(merging.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> recount = CompletableFuture.supplyAsync(() -> db.inTransaction(Requeue::recount));
            // The recount waits on the worker's lock on the job's row: then the worker commits.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (db.read(c -> Jdbc.count(c, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'UPDATE enriched_jobs SET raw_count = %'")) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            commit.countDown();
            assertThat(worker.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            recount.get(30, TimeUnit.SECONDS);
            long after = db.read(c -> Jdbc.count(c, "SELECT raw_count FROM enriched_jobs WHERE id = ?", job));
            assertThat(after).as("raw_count of a job with two postings linked").isEqualTo(2);
            assertThat(db.read(Ledger::check)).isEmpty();
        }
    }
}
