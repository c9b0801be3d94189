package dev.jobintel.store;

import dev.jobintel.pipeline.Identities;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that meet on the same rows of raw_postings: two fetches landing the same postings in
 * different orders, and a repair (retry, backfill) re-queuing postings a fetch is re-seeing.
 * Each is made to interleave the way that deadlocks, with a third connection holding a row.
 */
class ConcurrentWritesOnPostgresIT {

    private final Identities identities = new Identities(new LocationResolver(Gazetteer.bundled()));

    private Landing posting(String id) {
        return identities.prepare(Fixtures.posting("greenhouse", id, "Acme", "Engineer " + id, "London",
                Fixtures.DESCRIPTION));
    }

    @Test
    void twoFetchesLandingTheSamePostingsInDifferentOrdersDoNotDeadlock() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        try (Database db = Database.open(url, null, null)) {
            db.migrate();
            Landing p1 = posting("1");
            Landing p2 = posting("2");
            Landing p3 = posting("3");
            db.inTransaction(c -> RawPostings.land(c, List.of(p1, p2, p3), 1_000, null, null, false));
            long deadlocksBefore = deadlocks(db);
            try (Connection holder = DriverManager.getConnection(url)) {
                // Something else holds posting 3 for a moment (a worker writing its decision).
                hold(holder, "3");
                // One fetch's page lists 1, 3, 2 and waits at 3; the other's lists 2, 1 (the board's order changed
                // between the two reads of it). In arrival order the second takes 2 and waits for 1, and when 3 is
                // free the first wants 2: a deadlock, every time. In one order, the second waits for the first.
                CompletableFuture<LandCounts> first = CompletableFuture.supplyAsync(() ->
                        db.inTransaction(c -> RawPostings.land(c, List.of(p1, p3, p2), 2_000, null, null, false)));
                awaitWaiting(db, 1);
                CompletableFuture<LandCounts> second = CompletableFuture.supplyAsync(() ->
                        db.inTransaction(c -> RawPostings.land(c, List.of(p2, p1), 3_000, null, null, false)));
                awaitWaiting(db, 2);
                holder.commit();
                assertThat(first.get(30, TimeUnit.SECONDS).unchanged()).isEqualTo(3);
                assertThat(second.get(30, TimeUnit.SECONDS).unchanged()).isEqualTo(2);
            }
            assertThat(deadlocks(db) - deadlocksBefore).as("transactions the server aborted to break a deadlock").isZero();
            long seen = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE last_seen = 3000"));
            assertThat(seen).isEqualTo(2);
        }
    }

    @Test
    void aFetchClosingWhatItDidNotSeeWhileAnotherFetchReSeesThePostingsDoesNotDeadlock() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        try (Database db = Database.open(url, null, null)) {
            db.migrate();
            // Postings 1 and 2 of board b, 2 stored first (ahead of 1 in the table), and 1b of another board.
            db.inTransaction(c -> RawPostings.land(c, List.of(posting("2")), 1_000, null, "b", true));
            db.inTransaction(c -> RawPostings.land(c, List.of(posting("1")), 1_000, null, "b", true));
            db.inTransaction(c -> RawPostings.land(c, List.of(posting("1b")), 1_000, null, "other", true));
            long deadlocksBefore = deadlocks(db);
            try (Connection holder = DriverManager.getConnection(url)) {
                hold(holder, "1b");
                // A fetch re-seeing 1, 1b and 2 (in that order) holds 1 and waits at 1b ...
                CompletableFuture<LandCounts> reSeeing = CompletableFuture.supplyAsync(() ->
                        db.inTransaction(c -> RawPostings.land(c, List.of(posting("2"), posting("1b"), posting("1")),
                                3_000, null, null, false)));
                awaitWaiting(db, 1);
                // ... while one that ended without seeing them closes them: in the table's order it would take 2
                // and wait for 1, and the first, once 1b is free, wait for 2.
                CompletableFuture<Integer> closing = CompletableFuture.supplyAsync(() ->
                        db.inTransaction(c -> RawPostings.closeAbsent(c, "greenhouse", "b", 99, 2_000)));
                awaitWaiting(db, 2);
                holder.commit();
                assertThat(reSeeing.get(30, TimeUnit.SECONDS).unchanged()).isEqualTo(3);
                assertThat(closing.get(30, TimeUnit.SECONDS)).as("both were seen since the closing fetch began").isZero();
            }
            assertThat(deadlocks(db) - deadlocksBefore).as("transactions the server aborted to break a deadlock").isZero();
        }
    }

    @Test
    void aRetryRequeuingPostingsAFetchIsReSeeingIsNotEndedByTheirDeadlock() throws Exception {
        String url = Postgres.freshDatabaseUrl();
        try (Database db = Database.open(url, null, null)) {
            db.migrate();
            db.inTransaction(c -> RawPostings.land(c, List.of(posting("1"), posting("2")), 1_000, null, null, false));
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET outcome = 'failed', outcome_reason = 'api_error', "
                    + "retryable = 1, outcome_at = 1500"));
            try (Connection fetch = DriverManager.getConnection(url)) {
                // A fetch re-seeing the two postings in another order than the re-queue's (id order): it holds 2 ...
                try (Statement st = fetch.createStatement()) {
                    st.execute("SET deadlock_timeout = '10s'"); // the re-queue is the one that finds the deadlock
                }
                hold(fetch, "2");
                // ... the re-queue takes 1 and waits for 2 ...
                CompletableFuture<Long> retry = CompletableFuture.supplyAsync(() ->
                        Requeue.failed(db, new Requeue.Failed(List.of(), null, null), 2_000));
                awaitWaiting(db, 1);
                // ... and the fetch wants 1: the server ends the re-queue's transaction, which is run again.
                hold(fetch, "1");
                fetch.commit();
                assertThat(retry.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            }
            long pending = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending'"));
            assertThat(pending).isEqualTo(2);
        }
    }

    /** Waits until at least {@code n} lock requests wait. */
    /** Locks posting {@code sourceJobId}'s row in {@code holder}'s open transaction, as a writer does, until it commits. */
    private static void hold(Connection holder, String sourceJobId) throws java.sql.SQLException {
        holder.setAutoCommit(false);
        try (java.sql.PreparedStatement st = holder.prepareStatement(
                "SELECT 1 FROM raw_postings WHERE source_job_id = ? FOR UPDATE")) {
            st.setString(1, sourceJobId);
            st.executeQuery().close();
        }
    }

    private static void awaitWaiting(Database db, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.read(c -> Jdbc.count(c, "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")) < n
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The deadlocks the server has broken in this database (its statistics are sent within a second). */
    private static long deadlocks(Database db) throws InterruptedException {
        Thread.sleep(1_500);
        return db.read(c -> Jdbc.count(c, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
    }
}
