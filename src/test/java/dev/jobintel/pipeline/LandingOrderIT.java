package dev.jobintel.pipeline;

import dev.jobintel.posting.Posting;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.LandCounts;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is written in the order of its postings' identities where several writers share the
 * database, and the jobs its postings leave are released after them; new postings are numbered in the
 * board's order all the same: on both engines, what it lands is what the board's order would have landed.
 */
class LandingOrderIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");

    private static Posting posting(String id, String title, String text) {
        return Fixtures.posting("greenhouse", id, "Acme", title, "Berlin, Germany", Fixtures.DESCRIPTION + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBatchOutOfOrderWithARepeatedPostingAndAJobItsPostingsAllLeaveLandsAsInTheBoardsOrder(String engine) {
        Context ctx = Fixtures.context(engine.equals("sqlite") ? Fixtures.sqliteUrl(dir) : Postgres.freshDatabaseUrl(),
                clock, 100);
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            // Two postings of one job (z9 and a1) and one of another (m5), listed out of order.
            runner.fetch(List.of(Fixtures.jsonl("b", List.of(posting("z9", "Data Engineer", " One."),
                    posting("m5", "Platform Engineer", ""), posting("a1", "Data Engineer", " Two.")))));
            // Numbered in the board's order, whatever order they are written in: the first of a job is the one it
            // is classified from, on both engines (an export moved to PostgreSQL decides as SQLite did).
            List<String> byId = db.read(c -> Jdbc.query(c, "SELECT source_job_id FROM raw_postings ORDER BY id",
                    rs -> rs.getString(1)));
            assertThat(byId).containsExactly("z9", "m5", "a1");
            runner.enrich(0);
            String classifiedFrom = db.read(c -> Jdbc.one(c, "SELECT source_job_id FROM raw_postings WHERE outcome = "
                    + "'enriched' AND title = 'Data Engineer'", rs -> rs.getString(1)));
            assertThat(classifiedFrom).isEqualTo("z9");
            long dataJob = db.read(c -> Jdbc.count(c, "SELECT id FROM enriched_jobs WHERE title = 'Data Engineer'"));
            long dataCount = db.read(c -> Jdbc.count(c, "SELECT raw_count FROM enriched_jobs WHERE id = ?", dataJob));
            assertThat(dataCount).isEqualTo(2);

            // Both postings of the first job are retitled (each leaves it), and the other job's posting is seen
            // again, in between.
            clock.advance(Duration.ofHours(1));
            LandCounts counts = runner.fetch(List.of(Fixtures.jsonl("b", List.of(posting("z9", "Data Scientist", " One."),
                    posting("m5", "Platform Engineer", ""), posting("a1", "Data Scientist", " Two."))))).total();
            assertThat(counts.fresh()).isZero();
            assertThat(counts.requeued()).as("each decided posting that left its job, once").isEqualTo(2);
            assertThat(counts.unchanged()).isEqualTo(1);

            long jobsLeft = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM enriched_jobs WHERE id = ?", dataJob));
            assertThat(jobsLeft).as("a job no posting is in any more is removed").isZero();
            long seen = db.read(c -> Jdbc.count(c, "SELECT last_seen FROM enriched_jobs WHERE title = 'Platform Engineer'"));
            assertThat(seen).isEqualTo(clock.millis());
            assertThat(StatusReport.read(db).violations()).isEmpty();

            // A posting repeated within a batch (sources let only one copy through; a caller may not): the later
            // copy is the one kept, whatever the order the batch is written in.
            Identities identities = new Identities(ctx.resolver());
            LandCounts repeated = db.inTransaction(c -> dev.jobintel.store.RawPostings.land(c, List.of(
                    identities.prepare(posting("z9", "Data Analyst", " Two.")),
                    identities.prepare(posting("a1", "Data Analyst", " Two.")),
                    identities.prepare(posting("z9", "Data Architect", " One."))), clock.millis(), null, null, false));
            assertThat(repeated.updated()).isEqualTo(3);
            String z9 = db.read(c -> Jdbc.one(c, "SELECT title FROM raw_postings WHERE source_job_id = 'z9'",
                    rs -> rs.getString(1)));
            assertThat(z9).isEqualTo("Data Architect");
        }
    }
}
