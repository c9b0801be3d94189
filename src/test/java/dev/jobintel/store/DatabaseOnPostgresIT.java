package dev.jobintel.store;

import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a server with several writers does: deadlocks, and locks that outlive a statement. */
class DatabaseOnPostgresIT {

    @Test
    void aTransactionTheServerAbortsToBreakADeadlockIsRunAgain() {
        try (Database db = Database.open(Postgres.freshDatabaseUrl(), null, null)) {
            db.inTransaction(c -> {
                Jdbc.update(c, "CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
                return Jdbc.update(c, "INSERT INTO counters VALUES (1, 0), (2, 0)");
            });
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            AtomicInteger attempts = new AtomicInteger();
            // Each locks one row, waits until the other holds the other, then wants it: a deadlock,
            // which the server breaks by aborting one of them.
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> db.inTransactionRetried(c ->
                    crossUpdate(c, 1, 2, bothHoldOne, attempts)));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> db.inTransactionRetried(c ->
                    crossUpdate(c, 2, 1, bothHoldOne, attempts)));
            a.join();
            b.join();
            assertThat(attempts.get()).as("one of them ran twice").isEqualTo(3);
            long total = db.read(c -> Jdbc.count(c, "SELECT sum(n) FROM counters"));
            assertThat(total).as("both transactions counted once each").isEqualTo(4);
        }
    }

    private static int crossUpdate(java.sql.Connection c, int first, int second, CountDownLatch bothHoldOne,
                                   AtomicInteger attempts) throws java.sql.SQLException {
        attempts.incrementAndGet();
        Jdbc.update(c, "UPDATE counters SET n = n + 1 WHERE id = ?", first);
        bothHoldOne.countDown();
        try {
            bothHoldOne.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Jdbc.update(c, "UPDATE counters SET n = n + 1 WHERE id = ?", second);
    }

    @Test
    void aReadSeesOneSnapshotWhileAnotherConnectionWritesOnBothEngines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (String url : new String[] {Postgres.freshDatabaseUrl(), "jdbc:sqlite:" + dir.resolve("snap.db")}) {
            try (Database db = Database.open(url, null, null)) {
                db.inTransaction(c -> {
                    Jdbc.update(c, "CREATE TABLE rows_ (id INTEGER PRIMARY KEY)");
                    return Jdbc.update(c, "INSERT INTO rows_ VALUES (1)");
                });
                long[] seen = db.read(c -> {
                    long before = Jdbc.count(c, "SELECT count(*) FROM rows_");
                    // Another connection commits a row between this read's two queries, as a writer
                    // landing a batch does between status's count of raw postings and its outcomes.
                    CompletableFuture.runAsync(() -> db.inTransaction(w -> Jdbc.update(w, "INSERT INTO rows_ VALUES (2)")))
                            .join();
                    return new long[] {before, Jdbc.count(c, "SELECT count(*) FROM rows_")};
                });
                assertThat(seen).as(url).containsExactly(1, 1);
                long committed = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM rows_"));
                assertThat(committed).as("committed").isEqualTo(2);
            }
        }
    }

    @Test
    void theServersClockReadsAsEpochMillisecondsOnBothEngines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (String url : new String[] {Postgres.freshDatabaseUrl(), "jdbc:sqlite:" + dir.resolve("clock.db")}) {
            try (Database db = Database.open(url, null, null)) {
                long before = System.currentTimeMillis();
                long server = db.read(c -> Jdbc.count(c, "SELECT " + db.dialect().nowMillis()));
                long after = System.currentTimeMillis();
                // The same machine: the server's time falls in the call, give or take a second.
                assertThat(server).as(url).isBetween(before - 1_000, after + 1_000);
            }
        }
    }

    @Test
    void aSessionLockIsOneProcessesAtATimeAndFreedWhenReleased() {
        String url = Postgres.freshDatabaseUrl();
        try (Database one = Database.open(url, null, null); Database two = Database.open(url, null, null)) {
            SessionLock held = SessionLock.acquire(one, "batches", "running message batches");
            assertThatThrownBy(() -> SessionLock.acquire(two, "batches", "running message batches"))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("another jobintel process is running message batches");
            SessionLock.acquire(two, "another lock", "doing something else").close();
            held.close();
            SessionLock.acquire(two, "batches", "running message batches").close();
        }
    }
}
