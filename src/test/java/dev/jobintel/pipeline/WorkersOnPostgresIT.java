package dev.jobintel.pipeline;

import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.posting.Posting;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.PendingWork;
import dev.jobintel.testing.ClaudeRig;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Several workers on one PostgreSQL database: each pending posting is decided by one of them, once. */
class WorkersOnPostgresIT {

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");

    private static List<Posting> jobs(int n) {
        return Fixtures.distinctJobs(0, n);
    }

    @Test
    void twoWorkersShareThePendingPostingsAndNoPostingIsClassifiedTwice() {
        RulesResponder model = new RulesResponder();
        MessagesSimulator sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText())))
                .latency(Duration.ofMillis(40));
        try (ClaudeRig first = ClaudeRig.start(Postgres.freshDatabaseUrl(), clock, sim, 8, 3, 10);
             ClaudeRig second = first.anotherWorker()) {
            first.land(jobs(400));
            CompletableFuture<Enricher.Result> a = CompletableFuture.supplyAsync(() -> first.runner().enrich(0));
            CompletableFuture<Enricher.Result> b = CompletableFuture.supplyAsync(() -> second.runner().enrich(0));
            Enricher.Result ra = a.join();
            Enricher.Result rb = b.join();

            assertThat(ra.processed()).as("first worker").isPositive();
            assertThat(rb.processed()).as("second worker").isPositive();
            assertThat(ra.enriched() + rb.enriched()).isEqualTo(400);
            assertThat(sim.messageCalls()).as("one call per posting, whoever made it").isEqualTo(400);
            assertThat(first.count("SELECT count(*) FROM llm_calls")).isEqualTo(400);
            assertThat(first.count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
            assertThat(first.count("SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL")).isZero();
            assertThat(StatusReport.read(first.db).violations()).isEmpty();
        }
    }

    @Test
    void aWorkerStartedLaterGetsItsShareRatherThanWaitingOnPagesTheFirstLeasedAhead() {
        RulesResponder model = new RulesResponder();
        MessagesSimulator sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText())))
                .latency(Duration.ofMillis(50));
        try (ClaudeRig first = ClaudeRig.start(Postgres.freshDatabaseUrl(), clock, sim, 4, 3, 10);
             ClaudeRig second = first.anotherWorker()) {
            first.land(jobs(300));
            CompletableFuture<Enricher.Result> a = CompletableFuture.supplyAsync(() -> first.runner().enrich(0));
            // The first is well under way (alone it would take some four seconds) when the second starts.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sim.messageCalls() < 20 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(first.count("SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL"))
                    .as("a few rounds of its four requests a page, not the whole queue").isLessThanOrEqualTo(4 * 16);
            Enricher.Result rb = second.runner().enrich(0);
            Enricher.Result ra = a.join();
            assertThat(rb.processed()).as("the second worker's share").isGreaterThanOrEqualTo(60);
            assertThat(ra.enriched() + rb.enriched()).isEqualTo(300);
            assertThat(sim.messageCalls()).isEqualTo(300);
        }
    }

    @Test
    void aLiveLeaseIsAnotherWorkersAndAnExpiredOneReturnsToThePool() {
        Context ctx = Fixtures.context(Postgres.freshDatabaseUrl(), clock, 100);
        try (Database db = ctx.openDatabase()) {
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                runner.fetch(List.of(Fixtures.jsonl("test", jobs(10))));
            }
            // A worker killed a while ago, and one at work right now, by the server's clock: this
            // process's clock (the test's, days behind) has no say in whose lease is live.
            String now = db.dialect().nowMillis();
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_owner = 'gone:1:a', lease_until = "
                    + now + " - 1 WHERE source_job_id IN ('g0', 'g1', 'g2')"));
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_owner = 'busy:2:b', lease_until = "
                    + now + " + 60000 WHERE source_job_id IN ('g3', 'g4')"));
            // And one an open message batch holds: not a worker's lease, and no worker's to decide.
            db.inTransaction(c -> Jdbc.update(c, "INSERT INTO llm_batches (id, remote_id, model, prompt_version, status, "
                    + "request_count, created_at) VALUES (1, 'msgbatch_1', 'm', 'p', 'in_progress', 1, 0)"));
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET batch_id = 1, lease_owner = 'batch:3:c', "
                    + "lease_until = " + now + " + 60000 WHERE source_job_id = 'g5'"));

            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                assertThat(runner.pendingWork().leasedByOthers()).isEqualTo(2);
                assertThat(runner.enrich(0).processed()).isEqualTo(7);
            }
            assertThat(pendingIds(db)).containsExactly("g3", "g4", "g5");
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET batch_id = NULL, lease_owner = NULL "
                    + "WHERE source_job_id = 'g5'"));
            db.inTransaction(c -> Jdbc.update(c, "DELETE FROM llm_batches"));
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                assertThat(runner.enrich(0).processed()).isEqualTo(1);
            }
            assertThat(pendingIds(db)).containsExactly("g3", "g4");
            assertThat(Explanation.read(db, 1, 1).explanation().pendingLeased()).isEqualTo(2);

            // The busy worker died too: once its lease runs out, its postings are anyone's.
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_until = " + now + " - 1 "
                    + "WHERE lease_owner = 'busy:2:b'"));
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                assertThat(runner.enrich(0).processed()).isEqualTo(2);
            }
            assertThat(pendingIds(db)).isEmpty();
            assertThat(StatusReport.read(db).violations()).isEmpty();
        }
    }

    @Test
    void aWorkerClaimsOnlyWhatNoOtherHoldsAndGivesBackWhatItDidNotDecide() {
        Context ctx = Fixtures.context(Postgres.freshDatabaseUrl(), clock, 100);
        try (Database db = ctx.openDatabase()) {
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                runner.fetch(List.of(Fixtures.jsonl("test", jobs(10))));
            }
            PendingWork one = PendingWork.of(db, Duration.ofMinutes(2));
            PendingWork two = PendingWork.of(db, Duration.ofMinutes(2));
            assertThat(one.owner()).isNotEqualTo(two.owner());
            List<PendingPosting> first = one.after(0, 4);
            List<PendingPosting> second = two.after(0, 10);
            assertThat(first).hasSize(4);
            assertThat(second).hasSize(6);
            assertThat(second).extracting(PendingPosting::id)
                    .doesNotContainAnyElementsOf(first.stream().map(PendingPosting::id).toList());
            assertThat(one.after(first.get(3).id(), 10)).as("the rest is the other worker's").isEmpty();

            one.close();
            assertThat(two.after(0, 10)).as("given back, and its own again").hasSize(10);
            two.close();
            long leased = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE lease_owner IS NOT NULL"));
            assertThat(leased).isZero();
        }
    }

    @Test
    void incident16AJobAnotherWorkerIsClassifyingIsWaitedForNotPaidForTwice() {
        Context ctx = Fixtures.context(Postgres.freshDatabaseUrl(), clock, 100);
        try (Database db = ctx.openDatabase()) {
            landOneJobOnTwoBoards(ctx, db);
            // Another worker has claimed the Greenhouse posting and is classifying it.
            String now = db.dialect().nowMillis();
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_owner = 'other:1:a', lease_until = "
                    + now + " + 60000 WHERE source_job_id = 'g1'"));

            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                Enricher.Result r = runner.enrich(0);
                assertThat(r.waiting()).as("said to wait, not counted as decided").isEqualTo(1);
                assertThat(r.processed()).isZero();
            }
            assertThat(pendingIds(db)).as("the Lever posting waits for the other worker's job").containsExactly("g1", "l1");
            long jobs = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM enriched_jobs"));
            assertThat(jobs).as("nothing paid for").isZero();

            // The other worker stopped before deciding (its lease ran out): this one takes both, one job.
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_until = " + now + " - 1 "
                    + "WHERE lease_owner = 'other:1:a'"));
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                Enricher.Result r = runner.enrich(0);
                assertThat(r.enriched()).isEqualTo(1);
                assertThat(r.merged()).isEqualTo(1);
            }
            assertThat(pendingIds(db)).isEmpty();
            assertThat(StatusReport.read(db).violations()).isEmpty();
        }
    }

    @Test
    void incident16AJobWhoseFirstPostingAnotherWorkerIsClaimingThisInstantIsNotPaidForTwice() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        Context ctx = Fixtures.context(url, clock, 100);
        try (Database db = ctx.openDatabase()) {
            landOneJobOnTwoBoards(ctx, db);
            // Another worker's claim of the Greenhouse posting, not yet committed: this worker's
            // claim skips the locked row, and no lease on it is visible yet.
            String now = db.dialect().nowMillis();
            try (Connection other = DriverManager.getConnection(url)) {
                other.setAutoCommit(false);
                try (Statement st = other.createStatement()) {
                    st.executeUpdate("UPDATE raw_postings SET lease_owner = 'other:1:a', lease_until = " + now
                            + " + 60000 WHERE source_job_id = 'g1'");
                }
                try (Runner runner = new Runner(ctx, db, false)) {
                    runner.prepare();
                    Enricher.Result r = runner.enrich(0);
                    assertThat(r.processed()).as("the Lever posting is not this worker's to pay for").isZero();
                    assertThat(r.waiting()).isEqualTo(1);
                }
                other.commit();
            }
            long jobs = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM enriched_jobs"));
            assertThat(jobs).as("the other worker classifies the job; this one paid for nothing").isZero();
            assertThat(pendingIds(db)).containsExactly("g1", "l1");
        }
    }

    @Test
    void aFetchReSeeingPostingsAWorkerIsMergingIsNotEndedByTheirDeadlock() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        Context ctx = Fixtures.context(url, clock, 100);
        List<Posting> postings = jobs(2);
        try (Database db = ctx.openDatabase()) {
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                runner.fetch(List.of(Fixtures.jsonl("test", postings.subList(0, 1))));
                runner.enrich(0);
                runner.fetch(List.of(Fixtures.jsonl("test", postings.subList(1, 2))));
            }
            long job = db.read(c -> Jdbc.count(c, "SELECT id FROM enriched_jobs"));
            long pending = db.read(c -> Jdbc.count(c, "SELECT id FROM raw_postings WHERE outcome = 'pending'"));
            // A worker's outcome write has counted a posting in the job (its row is locked) and is about to
            // link the next pending posting of its page, which a fetch re-seeing both is updating.
            try (Connection worker = DriverManager.getConnection(url)) {
                worker.setAutoCommit(false);
                try (Statement st = worker.createStatement()) {
                    st.execute("SET deadlock_timeout = '10s'"); // the fetch is the one that finds the deadlock
                    st.executeUpdate("UPDATE enriched_jobs SET raw_count = raw_count + 1 WHERE id = " + job);
                }
                clock.advance(Duration.ofHours(1));
                CompletableFuture<Runner.FetchResult> fetch = CompletableFuture.supplyAsync(() -> {
                    try (Runner runner = new Runner(ctx, db, false)) {
                        runner.prepare();
                        return runner.fetch(List.of(Fixtures.jsonl("test", List.of(postings.get(1), postings.get(0)))));
                    }
                });
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (db.read(c -> Jdbc.count(c, "SELECT count(*) FROM pg_locks WHERE NOT granted")) == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                try (Statement st = worker.createStatement()) {
                    st.executeUpdate("UPDATE raw_postings SET outcome = 'merged', job_id = " + job
                            + ", lease_owner = NULL, lease_until = NULL WHERE id = " + pending);
                }
                worker.commit();
                Runner.FetchResult r = fetch.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.failedBoards()).isZero();
                assertThat(r.total().unchanged()).isEqualTo(2);
            }
        }
    }

    @Test
    void twoWorkersMergingIntoTheSameJobsInOppositeOrdersDoNotDeadlock() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        Context ctx = Fixtures.context(url, clock, 100);
        int jobs = 30;
        int pages = 12;
        try (Database db = ctx.openDatabase()) {
            try (Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                runner.fetch(List.of(Fixtures.jsonl("test", jobs(jobs))));
                runner.enrich(0);
                // Pages of postings of those jobs, each in id order: on one worker's pages the jobs come in one
                // order (popular jobs reposted board after board), on the other's in the opposite order.
                for (int page = 0; page < 2 * pages; page++) {
                    List<Posting> postings = new java.util.ArrayList<>();
                    for (int k = 0; k < jobs; k++) {
                        Posting job = Fixtures.distinctJob(page % 2 == 0 ? k : jobs - 1 - k);
                        postings.add(Fixtures.posting("lever", "p" + page + "-" + k, job.company(), job.title(),
                                job.locationText(), job.description() + " Page " + page + "."));
                    }
                    runner.fetch(List.of(Fixtures.jsonl("page" + page, postings)));
                }
            }
            List<PendingPosting> pending = db.read(c -> dev.jobintel.store.RawPostings.pendingAfter(c, 0, 2 * pages * jobs));
            assertThat(pending).hasSize(2 * pages * jobs);
            long deadlocksBefore = deadlocks(db);
            dev.jobintel.store.Outcomes outcomes = new dev.jobintel.store.Outcomes(db);
            List<CompletableFuture<Long>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                workers.add(CompletableFuture.supplyAsync(() -> {
                    long merged = 0;
                    for (int page = worker; page < 2 * pages; page += 2) {
                        List<dev.jobintel.store.Outcome> out = new java.util.ArrayList<>();
                        for (PendingPosting p : pending.subList(page * jobs, (page + 1) * jobs)) {
                            out.add(new dev.jobintel.store.Outcome.Merged(p.id(), p.contentHash(), p.jobHash(),
                                    p.firstSeen(), p.lastSeen()));
                        }
                        merged += outcomes.write(out, clock.millis()).merged();
                    }
                    return merged;
                }));
            }
            assertThat(workers.get(0).get(120, java.util.concurrent.TimeUnit.SECONDS)
                    + workers.get(1).get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2L * pages * jobs);
            assertThat(deadlocks(db) - deadlocksBefore).as("transactions the server aborted to break a deadlock").isZero();
            assertThat(StatusReport.read(db).violations()).isEmpty();
        }
    }

    /** The deadlocks the server has broken in this database (its statistics are sent within a second). */
    private static long deadlocks(Database db) throws InterruptedException {
        Thread.sleep(1_500);
        return db.read(c -> Jdbc.count(c, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
    }

    /**
     * One job on two boards, each in words of its own: the Greenhouse posting g1 lands first (the
     * lower id), Lever's l1 second.
     */
    private static void landOneJobOnTwoBoards(Context ctx, Database db) {
        Posting onGreenhouse = Fixtures.posting("greenhouse", "g1", "Acme", "Data Engineer", "Berlin, Germany",
                Fixtures.DESCRIPTION);
        Posting onLever = Fixtures.posting("lever", "l1", "Acme", "Data Engineer", "Berlin, Germany",
                Fixtures.DESCRIPTION + " Apply on Lever.");
        try (Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            runner.fetch(List.of(Fixtures.jsonl("test", List.of(onGreenhouse, onLever))));
        }
    }

    private static List<String> pendingIds(Database db) {
        return db.read(c -> Jdbc.query(c, "SELECT source_job_id FROM raw_postings WHERE outcome = 'pending' "
                + "ORDER BY source_job_id", rs -> rs.getString(1)));
    }
}
