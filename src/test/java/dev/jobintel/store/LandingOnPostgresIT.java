package dev.jobintel.store;

import dev.jobintel.pipeline.Identities;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A fetch landing new content for a posting while a worker writes its decision about the old. */
class LandingOnPostgresIT {

    private final Identities identities = new Identities(new LocationResolver(Gazetteer.bundled()));

    @Test
    void newContentLandingWhileAWorkerCommitsItsDecisionAboutTheOldIsDecidedAgain() throws Exception {
        try (Database db = Database.open(Postgres.freshDatabaseUrl(), null, null)) {
            db.migrate();
            Landing short_ = identities.prepare(Fixtures.posting("greenhouse", "1", "Acme", "Backend Engineer",
                    "London", "Apply now."));
            db.inTransaction(c -> RawPostings.land(c, List.of(short_), 1_000, null, null, false));
            PendingPosting read = db.read(c -> RawPostings.pendingAfter(c, 0, 10)).get(0);

            // A worker writes its decision about the short text (filtered, too_short) and has not committed
            // when a fetch, which read the posting as pending, lands the full text and waits on the row.
            CountDownLatch decided = new CountDownLatch(1);
            CountDownLatch fetchWaits = new CountDownLatch(1);
            CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> db.inTransaction(c -> {
                int rows = Jdbc.update(c, Outcomes.FILTER, "too_short", "2 words", 2_000, read.id(), read.contentHash());
                decided.countDown();
                try {
                    fetchWaits.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rows;
            }));
            assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();
            Landing full = identities.prepare(Fixtures.posting("greenhouse", "1", "Acme", "Backend Engineer", "London",
                    Fixtures.DESCRIPTION));
            CompletableFuture<LandCounts> fetch = CompletableFuture.supplyAsync(() ->
                    db.inTransaction(c -> RawPostings.land(c, List.of(full), 3_000, null, null, false)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (db.read(c -> Jdbc.count(c, "SELECT count(*) FROM pg_locks WHERE NOT granted")) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            fetchWaits.countDown();
            assertThat(worker.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            fetch.get(30, TimeUnit.SECONDS);

            // The decision was about the short text; the posting now holds the full one, which is decided anew.
            String outcome = db.read(c -> Jdbc.one(c, "SELECT outcome FROM raw_postings WHERE id = ?",
                    rs -> rs.getString(1), read.id()));
            assertThat(outcome).isEqualTo("pending");
        }
    }
}
