package dev.jobintel.cli;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.posting.JobHash;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.posting.Posting;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.Outcome;
import dev.jobintel.store.Outcomes;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * retry, backfill and status --explain as a user runs them (incidents 8, 27, 28): tested
 * commands instead of one-off scripts, on real SQLite files.
 */
class RepairCommandsIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");

    private String url;

    /** The database the tests run on; {@link RepairCommandsOnPostgresIT} runs them all on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    private String db() {
        if (url == null) {
            url = databaseUrl();
        }
        return url;
    }

    private static List<Posting> jobs(int n) {
        return Fixtures.distinctJobs(0, n);
    }

    /** Lands the postings as pending, through the real importer. */
    private void land(List<Posting> postings) {
        Context ctx = Fixtures.context(db(), clock, 500);
        try (Database db = ctx.openDatabase()) {
            Runner runner = new Runner(ctx, db, false);
            runner.prepare();
            runner.fetch(List.of(Fixtures.jsonl("test", postings)));
        }
    }

    /** As a hand-written script can: this session stops checking foreign keys. */
    private void foreignKeysOff(Statement s) throws SQLException {
        s.execute(db().startsWith("jdbc:sqlite:") ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
    }

    private long count(String sql, Object... args) {
        try (Database db = Database.open(db(), null, null)) {
            return db.read(c -> Jdbc.count(c, sql, args));
        }
    }

    /** Records outcomes for the first postings as a failed earlier run would have. */
    private void fail(String reason, boolean retryable, int from, int to) {
        try (Database db = Database.open(db(), null, null)) {
            List<Object[]> rows = db.read(c -> Jdbc.query(c, "SELECT id, content_hash FROM raw_postings ORDER BY id",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}));
            List<Outcome> failed = new ArrayList<>();
            for (int i = from; i < to; i++) {
                failed.add(new Outcome.Failed((Long) rows.get(i)[0], (String) rows.get(i)[1], reason,
                        "HTTP 529 overloaded_error: Overloaded", retryable, null));
            }
            new Outcomes(db).write(failed, clock.millis());
        }
    }

    @Test
    void retryReQueuesRetryableFailuresByDefaultAndOthersByReason() {
        land(jobs(10));
        fail("overloaded", true, 0, 4);
        fail("invalid_output", false, 4, 6);

        CliIT.Result dry = jobintel("retry", "--dry-run", "--db", db());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("4 retryable failed postings: overloaded 4").contains("Dry run")
                .as("the four re-queued and the four pending already, as the retry itself decides")
                .contains("8 postings to decide");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isEqualTo(6);
        CliIT.Result misspelt = jobintel("retry", "--reason", "invalid-output", "--db", db(), "--no-progress");
        assertThat(misspelt.out()).contains("No postings failed or filtered as invalid-output to retry.")
                .contains("Reasons recorded for failed or filtered postings: invalid_output, overloaded");
        CliIT.Result noSource = jobintel("retry", "--source", "greenhose", "--db", db(), "--no-progress");
        assertThat(noSource.out()).contains("No retryable failed postings from greenhose to retry.")
                .containsPattern("No posting comes from greenhose; the sources in the ledger: [a-z, ]+");

        CliIT.Result r = jobintel("retry", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Re-queued 4 postings");
        // The retry enriches everything pending, including the four never decided.
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed' AND outcome_reason = 'invalid_output'"))
                .isEqualTo(2);

        CliIT.Result byReason = jobintel("retry", "--reason", "invalid_output", "--db", db(), "--no-progress");
        assertThat(byReason.exit()).as(byReason.err()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(10);
        assertThat(jobintel("retry", "--db", db()).out()).contains("No retryable failed postings to retry.");
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void aRetryRunAgainAfterItWasStoppedSaysThatEnrichDecidesWhatItHadReQueued() {
        // As a stopped retry leaves them: re-queued, pending, and no failure left to re-queue.
        land(jobs(3));
        CliIT.Result again = jobintel("retry", "--db", db(), "--no-progress");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("No retryable failed postings to retry.")
                .contains("3 postings are pending").contains("'jobintel enrich' decides them");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(3);
        // The command it names does what it says.
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
        assertThat(jobintel("retry", "--db", db(), "--no-progress").out()).doesNotContain("pending");
    }

    @Test
    void retryFindsASourceWrittenWithCapitalsBeyondAsciiWhateverTheCaseAsked() {
        // An import's own source name, as its producer spelt it; --source is matched ignoring case, and
        // SQLite's lower() folds only A to Z.
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            postings.add(Fixtures.posting("ÉCOLE", "e" + i, "École " + i, "Data Engineer", "Paris", Fixtures.DESCRIPTION));
        }
        land(postings);
        fail("overloaded", true, 0, 3);
        CliIT.Result dry = jobintel("retry", "--source", "école", "--dry-run", "--db", db(), "--no-progress");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("3 retryable failed postings from école: overloaded 3");
        CliIT.Result r = jobintel("retry", "--source", "ÉCOLE", "--db", db(), "--no-progress");
        assertThat(r.out()).contains("Re-queued 3 postings");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
    }

    @Test
    void retryByAFilterReasonDecidesFilteredPostingsAgainUnderTheNewSettings() throws IOException {
        List<Posting> postings = new ArrayList<>(jobs(3));
        postings.add(Fixtures.posting("greenhouse", "agency", "Northwind Staffing", "Data Engineer", "Berlin",
                Fixtures.DESCRIPTION));
        land(postings);
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "gate:\n  agency:\n    block: [Northwind Staffing]\n");
        assertThat(jobintel("enrich", "--config", cfg.toString(), "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'filtered' AND outcome_reason = 'agency'"))
                .isEqualTo(1);
        Files.writeString(cfg, "gate:\n  agency:\n    allow: [Northwind Staffing]\n");
        CliIT.Result r = jobintel("retry", "--reason", "agency", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(4);
    }

    @Test
    void incident8BackfillRepairsEveryBrokenLinkNotJustTheFirstThousand() throws Exception {
        land(jobs(2_500));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        // An older version (or a hand-written script) deleted the jobs with foreign keys off.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            foreignKeysOff(s);
            s.execute("DELETE FROM job_skills");
            s.execute("DELETE FROM enriched_jobs");
        }
        CliIT.Result check = jobintel("status", "--check", "--db", db());
        assertThat(check.exit()).isEqualTo(Main.INVARIANT_BROKEN);
        assertThat(check.out()).contains("every enriched or merged posting points to an existing enriched job of its "
                + "job_hash: 2,500");

        CliIT.Result dry = jobintel("backfill", "--dry-run", "--db", db());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Postings whose job no longer exists or is another job: 2,500").contains("2,500 postings to decide:");
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isZero();

        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Re-queued 2,500 postings");
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2_500);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    /** Puts a posting back to pending, held by a batch row that a crash never finished collecting. */
    private void heldByAGoneBatch(Statement s, String sourceJobId) throws SQLException {
        foreignKeysOff(s);
        s.execute("INSERT INTO llm_batches (id, model, prompt_version, status, request_count, created_at) "
                + "VALUES (7, 'claude-haiku-4-5', 'v', 'collected', 1, 0)");
        s.execute("UPDATE raw_postings SET outcome = 'pending', job_id = NULL, batch_id = 7 WHERE source_job_id = '"
                + sourceJobId + "'");
    }

    @Test
    void backfillReleasesPostingsOfGoneBatchesRemovesOrphanJobsAndFixesCounts() throws Exception {
        land(jobs(6));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            heldByAGoneBatch(s, "g0");
            s.execute("UPDATE enriched_jobs SET raw_count = 5 WHERE id = (SELECT job_id FROM raw_postings "
                    + "WHERE source_job_id = 'g1')");
        }
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isEqualTo(Main.INVARIANT_BROKEN);
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("released 1 from gone batches").contains("removed 1 orphan job,")
                .contains("corrected 1 job count;");
        CliIT.Result check = jobintel("status", "--check", "--db", db());
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(6);
    }

    @Test
    void explainDoesNotCountThePostingsOfAGoneBatchAsWaitingInAnOpenOneAndNamesTheCommandThatReleasesThem()
            throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            heldByAGoneBatch(s, "g0");
        }
        CliIT.Result explain = jobintel("status", "--explain", "--db", db());
        // The batch was collected: nothing will answer for the posting, and enrich does not take it.
        assertThat(explain.out()).doesNotContain("in open message batches")
                .contains("1 held by a message batch that is gone (jobintel backfill releases it)");
        assertThat(jobintel("status", "--explain", "--json", "--db", db()).out())
                .contains("\"pendingInBatches\" : 0").contains("\"pendingInGoneBatches\" : 1");
        // The command it names acts on it.
        assertThat(jobintel("backfill", "--db", db(), "--no-progress").out()).contains("released 1 from gone batches");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
    }

    @Test
    void backfillsDryRunPlansThePostingsOfGoneBatchesItReleases() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            heldByAGoneBatch(s, "g0");
        }
        CliIT.Result dry = jobintel("backfill", "--dry-run", "--db", db());
        assertThat(dry.out()).contains("Postings held by a message batch that is gone: 1")
                .contains("1 posting to decide: 0 would be filtered, 0 merged into jobs");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("released 1 from gone batches").contains("Decided 1 pending posting");
    }

    @Test
    void backfillLeavesThePostingsOfAnOpenBatchToItAndSaysSo() throws Exception {
        land(jobs(3));
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // One of the three pending postings waits in a batch the API is still working on.
            s.execute("INSERT INTO llm_batches (id, remote_id, model, prompt_version, status, request_count, created_at) "
                    + "VALUES (7, 'msgbatch_7', 'claude-haiku-4-5', 'v', 'in_progress', 1, 0)");
            s.execute("UPDATE raw_postings SET batch_id = 7 WHERE source_job_id = 'g0'");
        }
        CliIT.Result dry = jobintel("backfill", "--dry-run", "--db", db());
        assertThat(dry.out()).contains("Postings never decided (pending): 2 (and 1 waiting in open message batches, "
                + "left to them)").contains("2 postings to decide");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Decided 2 pending postings");
    }

    @Test
    void backfillDecidesAgainAPostingLinkedToTheJobOfAnotherTitle() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        // What an older version wrote when a fetch renamed a posting while a worker classified it:
        // the posting's new title and hash, linked to the job made from its old title.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET title = 'Platform Engineer', "
                    + "job_hash = '00000000000000000000000000000001' WHERE source_job_id = 'g0'");
        }
        CliIT.Result check = jobintel("status", "--check", "--db", db());
        assertThat(check.exit()).isEqualTo(Main.INVARIANT_BROKEN);
        assertThat(check.out()).contains("points to an existing enriched job of its job_hash: 1");

        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Postings whose job no longer exists or is another job: 1");
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
        String title;
        try (Database db = Database.open(db(), null, null)) {
            title = db.read(c -> Jdbc.one(c, "SELECT j.title FROM enriched_jobs j JOIN raw_postings r ON r.job_id = j.id "
                    + "WHERE r.source_job_id = 'g0'", rs -> rs.getString(1)));
        }
        assertThat(title).isEqualTo("Platform Engineer");
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);
    }

    @Test
    void backfillsDryRunCountsTheJobCountsTheRunCorrects() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // A script linked g0 to g1's job and counted it there: the count is right until the repair
            // puts g0 back, and wrong after. And it miscounted g2's job outright.
            s.execute("UPDATE enriched_jobs SET raw_count = 2 WHERE id = (SELECT job_id FROM raw_postings "
                    + "WHERE source_job_id = 'g1')");
            s.execute("UPDATE raw_postings SET job_id = (SELECT job_id FROM raw_postings WHERE source_job_id = 'g1') "
                    + "WHERE source_job_id = 'g0'");
            s.execute("UPDATE enriched_jobs SET raw_count = 7 WHERE id = (SELECT job_id FROM raw_postings "
                    + "WHERE source_job_id = 'g2')");
        }
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isEqualTo(Main.INVARIANT_BROKEN);
        CliIT.Result dry = jobintel("backfill", "--dry-run", "--db", db(), "--no-progress");
        assertThat(dry.out()).contains("Jobs no posting points to, once those are re-queued: 1")
                .contains("Jobs whose posting count is wrong, once those are re-queued: 2");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Jobs whose posting count is wrong, once those are re-queued: 2")
                .contains("removed 1 orphan job, corrected 2 job counts;");
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void backfillRelocateGivesPostingsThePlacesAnExtendedPlaceTableKnowsAndMergesTheJobTheyNowShare()
            throws Exception {
        // Springfield is not a bundled city: each spelling is a place of its own (incident 3), so two jobs.
        land(List.of(
                Fixtures.posting("greenhouse", "s1", "Prairie Labs", "Backend Engineer", "Springfield, IL", Fixtures.DESCRIPTION),
                Fixtures.posting("lever", "s2", "Prairie Labs", "Backend Engineer", "Springfield, Illinois",
                        Fixtures.DESCRIPTION),
                Fixtures.posting("greenhouse", "b1", "Prairie Labs", "Backend Engineer", "Berlin, Germany",
                        Fixtures.DESCRIPTION)));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);

        Files.writeString(dir.resolve("my-places.yaml"),
                "cities:\n  - {code: spi, name: Springfield, country: \"US\", subdivision: \"IL\", aliases: [], codes: []}\n");
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "places: my-places.yaml\n");
        // Without --relocate nothing moves: a posting keeps its identity until its content changes.
        CliIT.Result plain = jobintel("backfill", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);

        CliIT.Result dry = jobintel("backfill", "--relocate", "--dry-run", "--config", cfg.toString(), "--db", db());
        // The plan counts what the move would have decided again: both, one merged into the other.
        assertThat(dry.out()).contains("place otherwise: 2 (would move")
                .as("the moved postings point to the job of another hash, as the run below counts and re-queues them")
                .contains("Postings whose job no longer exists or is another job: 2")
                .contains("2 postings to decide: 0 would be filtered, 1 merged")
                .as("the jobs the moves would leave, as the run below counts and removes them")
                .contains("Jobs no posting points to, once those are re-queued: 2");
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);

        // Both left their board since they were classified: decided again, they still count, not 'closed'.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET closed_at = last_seen WHERE source_job_id IN ('s1', 's2')");
        }
        CliIT.Result r = jobintel("backfill", "--relocate", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("place otherwise: 2 (moved")
                .contains("Postings whose job no longer exists or is another job: 2").contains("Re-queued 2 postings");
        // The two jobs the moved postings leave are counted where they are listed, as they are removed.
        assertThat(r.out()).contains("Jobs no posting points to, once those are re-queued: 2")
                .contains("removed 2 orphan jobs");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'filtered'")).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE city_code = 'spi' AND raw_count = 2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'merged'")).isEqualTo(1);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
        // Nothing is left to move.
        assertThat(jobintel("backfill", "--relocate", "--config", cfg.toString(), "--db", db(), "--no-progress").out())
                .contains("place otherwise: 0");
    }

    @Test
    void backfillRelocateMovesPostingsWhoseLeaseRanOutAndSaysWhichAWorkerStillHolds() throws Exception {
        land(List.of(
                Fixtures.posting("greenhouse", "s1", "Prairie Labs", "Backend Engineer", "Springfield, IL", Fixtures.DESCRIPTION),
                Fixtures.posting("greenhouse", "s2", "Prairie Labs", "Data Engineer", "Springfield, IL", Fixtures.DESCRIPTION),
                Fixtures.posting("greenhouse", "s3", "Prairie Labs", "Data Analyst", "Springfield, IL", Fixtures.DESCRIPTION)));
        // A worker killed long ago left its lease on s1; a live worker is deciding s2 this minute.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET lease_owner = 'gone:1:a', lease_until = 1 WHERE source_job_id = 's1'");
            s.execute("UPDATE raw_postings SET lease_owner = 'busy:2:b', lease_until = "
                    + (System.currentTimeMillis() + 3_600_000) + " WHERE source_job_id = 's2'");
        }
        Files.writeString(dir.resolve("my-places.yaml"),
                "cities:\n  - {code: spi, name: Springfield, country: \"US\", subdivision: \"IL\", aliases: [], codes: []}\n");
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "places: my-places.yaml\n");
        CliIT.Result dry = jobintel("backfill", "--relocate", "--dry-run", "--config", cfg.toString(), "--db", db(),
                "--no-progress");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        CliIT.Result r = jobintel("backfill", "--relocate", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        boolean sqlite = db().startsWith("jdbc:sqlite:");
        assertThat(dry.out()).as("the dry run counts what the run then does")
                .contains("place otherwise: " + (sqlite ? 3 : 2) + " (would move");
        assertThat(dry.out().contains("being decided by a worker")).isEqualTo(!sqlite);
        if (sqlite) {
            // One process writes a SQLite file: every lease there was left by one that has ended.
            assertThat(r.out()).contains("place otherwise: 3 (moved").doesNotContain("being decided by a worker");
            assertThat(count("SELECT count(*) FROM raw_postings WHERE place = 'spi'")).isEqualTo(3);
        } else {
            assertThat(r.out()).contains("place otherwise: 2 (moved")
                    .contains("1 more are being decided by a worker under their old place");
            assertThat(count("SELECT count(*) FROM raw_postings WHERE place = 'spi'")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM raw_postings WHERE source_job_id = 's2' AND outcome = 'pending'"))
                    .as("left to the worker deciding it").isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM raw_postings WHERE source_job_id = 's1' AND outcome = 'enriched'"))
                .as("its lease ran out: moved and decided where it is").isEqualTo(1);
    }

    @Test
    void backfillRelocateMergesTheJobsAnOlderVersionKeptApartForAnAbbreviatedTitle() throws Exception {
        land(List.of(
                Fixtures.posting("greenhouse", "s1", "Prairie Labs", "Sr. Backend Engineer", "Berlin, Germany",
                        Fixtures.DESCRIPTION),
                Fixtures.posting("lever", "s2", "Prairie Labs", "Senior Backend Engineer", "Berlin, Germany",
                        Fixtures.DESCRIPTION)));
        // The identity an older version gave "Sr." (it did not spell the abbreviation out), before enriching.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET job_hash = '" + JobHash.md5Hex(Normalizer.employer("Prairie Labs")
                    + "|sr backend engineer|ber") + "' WHERE source_job_id = 's1'");
        }
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2);

        CliIT.Result r = jobintel("backfill", "--relocate", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE raw_count = 2")).isEqualTo(1);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void backfillDecidesAgainAPostingWhoseOutcomeWasChangedByHandAgainstTheLedgersRules() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        // A script marked a posting failed without saying whether a retry may help.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET outcome = 'failed', outcome_reason = 'timeout', retryable = NULL, "
                    + "job_id = NULL WHERE source_job_id = 'g0'");
        }
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isEqualTo(Main.INVARIANT_BROKEN);
        assertThat(jobintel("backfill", "--dry-run", "--db", db()).out())
                .contains("Postings whose outcome breaks the ledger's rules (changed by hand): 1");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void explainSendsAPostingFailedOrFilteredWithNoReasonToBackfillWhichDecidesItAgain() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        // A script marked postings failed and filtered with an empty reason, which the schema allows.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET outcome = 'failed', outcome_reason = '', retryable = 0, job_id = NULL "
                    + "WHERE source_job_id = 'g0'");
            s.execute("UPDATE raw_postings SET outcome = 'filtered', outcome_reason = '', job_id = NULL "
                    + "WHERE source_job_id = 'g1'");
        }
        CliIT.Result explained = jobintel("status", "--explain", "--db", db());
        // Not 'jobintel retry --reason ' (refused: an empty reason), nor the gate's doing.
        assertThat(explained.out()).contains("failed (): 1, 0 retryable\n  what to do: no reason recorded (a row "
                + "changed by hand): jobintel backfill --dry-run, then jobintel backfill")
                .contains("filtered (): 1\n  what to do: no reason recorded (a row changed by hand): jobintel backfill")
                .doesNotContain("jobintel retry --reason \n").doesNotContain("kept out by the gate ()");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void backfillsDryRunPlansWithoutTheJobsItsRepairsRemove() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        // A script marked the only posting of a job failed without saying whether a retry may
        // help, and unlinked it; the job stays, with no posting.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET outcome = 'failed', outcome_reason = 'timeout', retryable = NULL, "
                    + "job_id = NULL WHERE source_job_id = 'g1'");
        }
        // The repair puts the posting back and removes the job it leaves with no posting, so the
        // posting makes its job again: the plan must not count it as merged into the job going.
        assertThat(jobintel("backfill", "--dry-run", "--db", db()).out())
                .contains("1 posting to decide: 0 would be filtered, 0 merged into jobs");
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Re-queued 1 posting, released 0 from gone batches, removed 1 orphan job,");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
    }

    @Test
    void aPostingWhoseTextRowWasRemovedIsStillDecidedAndExportedNotSkipped() throws Exception {
        land(jobs(3));
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("DELETE FROM posting_texts WHERE posting_id = (SELECT id FROM raw_postings WHERE source_job_id = 'g0')");
        }
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'filtered' AND outcome_reason = 'too_short'"))
                .isEqualTo(1);
        CliIT.Result exported = jobintel("db", "export", "postings", "--db", db());
        assertThat(exported.out().lines().count()).isEqualTo(3);
    }

    @Test
    void backfillTaxonomyChangedClassifiesAgainTheJobsWhoseCodesTheTaxonomyInUseDoesNotHave() throws Exception {
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE subfamily = 'data_engineering'")).isEqualTo(3);
        // The user's own taxonomy renames the subfamily the three jobs were classified into.
        String bundled;
        try (var in = dev.jobintel.classify.taxonomy.Taxonomy.class.getResourceAsStream(
                dev.jobintel.classify.taxonomy.Taxonomy.BUNDLED)) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(bundled).contains("      - code: data_engineering\n");
        Files.writeString(dir.resolve("mine.yaml"), bundled.replace("      - code: data_engineering\n",
                "      - code: data_platform\n"));
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "taxonomy: mine.yaml\n");

        CliIT.Result plain = jobintel("backfill", "--dry-run", "--config", cfg.toString(), "--db", db());
        assertThat(plain.out()).contains("Postings of jobs with codes the taxonomy in use does not have: 3 "
                + "(--taxonomy-changed classifies them again)");
        CliIT.Result dry = jobintel("backfill", "--taxonomy-changed", "--dry-run", "--config", cfg.toString(), "--db", db());
        // Their jobs go when their postings are put back: none is there to merge into, each is classified.
        assertThat(dry.out()).contains("3 postings to decide: 0 would be filtered, 0 merged");
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE subfamily = 'data_platform'")).isZero();

        CliIT.Result r = jobintel("backfill", "--taxonomy-changed", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE subfamily = 'data_platform'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();

        // A subfamily the taxonomy keeps but under another family is stale too: the pair is what counts.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            foreignKeysOff(s);
            s.execute("UPDATE enriched_jobs SET family = 'software_engineering' WHERE id = (SELECT min(id) FROM enriched_jobs)");
        }
        CliIT.Result moved = jobintel("backfill", "--taxonomy-changed", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(moved.out()).contains("Postings of jobs with codes the taxonomy in use does not have: 1");
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE family = 'software_engineering'")).isZero();
    }

    @Test
    void backfillTaxonomyChangedClassifiesAgainTheJobsPaidInACurrencyTheTaxonomyInUseDropped() throws Exception {
        land(List.of(Fixtures.posting("greenhouse", "p1", "Acme", "Senior Data Engineer", "London, UK",
                Fixtures.DESCRIPTION + " Salary: £70,000 - £90,000 per year.")));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE salary_currency = 'GBP'")).isEqualTo(1);
        // The user's own taxonomy has no pound sterling: the pay report must not keep showing it.
        String bundled;
        try (var in = dev.jobintel.classify.taxonomy.Taxonomy.class.getResourceAsStream(
                dev.jobintel.classify.taxonomy.Taxonomy.BUNDLED)) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String gbp = "  - {code: GBP, name: Pound sterling, symbols: ['£', 'GBP'], countries: [GB], max_per_year: 5000000}\n";
        assertThat(bundled).contains(gbp);
        Files.writeString(dir.resolve("mine.yaml"), bundled.replace(gbp, ""));
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "taxonomy: mine.yaml\n");

        CliIT.Result dry = jobintel("backfill", "--taxonomy-changed", "--dry-run", "--config", cfg.toString(), "--db", db());
        assertThat(dry.out()).contains("Postings of jobs with codes the taxonomy in use does not have: 1");
        CliIT.Result r = jobintel("backfill", "--taxonomy-changed", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE salary_currency = 'GBP'")).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(1);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
    }

    @Test
    void backfillTaxonomyChangedClassifiesAgainTheJobsHoldingASkillTheTaxonomyInUseRenamed() throws Exception {
        land(jobs(2));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM job_skills WHERE skill = 'PostgreSQL'")).isEqualTo(2);
        // The user's own taxonomy calls it Postgres: the skills report must not keep a row of the old name.
        String bundled;
        try (var in = dev.jobintel.classify.taxonomy.Taxonomy.class.getResourceAsStream(
                dev.jobintel.classify.taxonomy.Taxonomy.BUNDLED)) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(bundled).contains("{name: PostgreSQL, family: database, aliases: [postgres]}");
        Files.writeString(dir.resolve("mine.yaml"), bundled.replace("{name: PostgreSQL, family: database, aliases: [postgres]}",
                "{name: Postgres, family: database, aliases: [postgresql]}"));
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "taxonomy: mine.yaml\n");

        CliIT.Result dry = jobintel("backfill", "--taxonomy-changed", "--dry-run", "--config", cfg.toString(), "--db", db());
        assertThat(dry.out()).contains("Postings of jobs with codes the taxonomy in use does not have: 2");
        CliIT.Result r = jobintel("backfill", "--taxonomy-changed", "--config", cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM job_skills WHERE skill = 'PostgreSQL'")).isZero();
        assertThat(count("SELECT count(*) FROM job_skills WHERE skill = 'Postgres'")).isEqualTo(2);
        assertThat(jobintel("status", "--check", "--db", db()).exit()).isZero();
        // A skill a model named that the dictionary does not know (no skill family) is no sign of another taxonomy.
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO job_skills (job_id, skill, family) SELECT min(id), 'Cobol dialect X', NULL FROM enriched_jobs");
        }
        CliIT.Result again = jobintel("backfill", "--taxonomy-changed", "--dry-run", "--config", cfg.toString(), "--db", db());
        assertThat(again.out()).contains("Postings of jobs with codes the taxonomy in use does not have: 0");
    }

    @Test
    void aPostingRemovedByHandLeavesNothingInTheWayOfTheNextAndBackfillTidiesWhatItLeft() throws Exception {
        land(jobs(3));
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            foreignKeysOff(s);
            s.execute("DELETE FROM raw_postings WHERE id = (SELECT max(id) FROM raw_postings)");
        }
        // The next posting may be given the removed one's id; its text row must not refuse it.
        land(Fixtures.distinctJobs(10, 11));
        assertThat(count("SELECT count(*) FROM raw_postings")).isEqualTo(3);
        assertThat(jobintel("backfill", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(jobintel("db", "check", "--db", db()).exit()).isZero();
    }

    @Test
    void aJobRemovedByHandLeavesNoSkillsToTheNextJobGivenItsId() throws Exception {
        land(jobs(2));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM job_skills WHERE job_id = (SELECT max(id) FROM enriched_jobs)")).isPositive();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            foreignKeysOff(s);
            s.execute("DELETE FROM enriched_jobs WHERE id = (SELECT max(id) FROM enriched_jobs)");
        }
        // SQLite gives the next job the removed one's id: it must not inherit the removed job's skills.
        String plain = "We are a small team of friendly people who make tea and talk to customers every day. You will "
                + "answer questions, help people find what they need and keep our shop tidy and welcoming for everyone.";
        land(List.of(Fixtures.posting("lever", "plain-1", "Teahouse", "Shop Assistant", "London", plain)));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(jobintel("backfill", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count("SELECT count(*) FROM job_skills k JOIN enriched_jobs j ON j.id = k.job_id "
                + "WHERE j.title = 'Shop Assistant'")).isZero();
        assertThat(count("SELECT count(*) FROM job_skills k JOIN enriched_jobs j ON j.id = k.job_id "
                + "JOIN raw_postings r ON r.job_id = j.id WHERE r.source_job_id = ?", jobs(2).get(1).sourceJobId()))
                .as("the removed job's posting, classified again, has its skills again").isPositive();
        assertThat(jobintel("db", "check", "--db", db()).exit()).isZero();
    }

    @Test
    void aPostingRemovedByHandKeepsItsModelCallsInTheCostLedgerAndBackfillUnlinksThem() throws Exception {
        land(jobs(3));
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // The call classifying it, as the Claude classifier writes one; then the posting is removed.
            s.execute("INSERT INTO llm_calls (raw_posting_id, content_key, model, prompt_version, attempt, cost_usd, "
                    + "outcome, created_at) SELECT max(id), 'k', 'claude-haiku-4-5', 'v', 1, 0.002, 'valid', 0 "
                    + "FROM raw_postings");
            foreignKeysOff(s);
            s.execute("DELETE FROM raw_postings WHERE id = (SELECT max(id) FROM raw_postings)");
        }
        String dangling = "SELECT count(*) FROM llm_calls l WHERE l.raw_posting_id IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM raw_postings r WHERE r.id = l.raw_posting_id)";
        assertThat(count(dangling)).isEqualTo(1);
        assertThat(jobintel("backfill", "--db", db(), "--no-progress").exit()).isZero();
        assertThat(count(dangling)).isZero();
        CliIT.Result check = jobintel("db", "check", "--db", db());
        assertThat(check.exit()).as(check.out()).isZero();
        // What was paid stays counted.
        assertThat(count("SELECT count(*) FROM llm_calls WHERE raw_posting_id IS NULL AND cost_usd > 0")).isEqualTo(1);
    }

    @Test
    void fetchHistoryPrunedByHandLeavesNoBrokenLinkAfterBackfill() throws Exception {
        land(jobs(3));
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{not json\n");
        assertThat(jobintel("import", bad.toString(), "--db", db()).exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            foreignKeysOff(s);
            s.execute("DELETE FROM fetch_runs");
        }
        String broken = "SELECT (SELECT count(*) FROM raw_postings r WHERE NOT EXISTS (SELECT 1 FROM fetch_runs f "
                + "WHERE f.id = r.first_fetch_run_id OR f.id = r.last_fetch_run_id)) + (SELECT count(*) FROM rejects x "
                + "WHERE NOT EXISTS (SELECT 1 FROM fetch_runs f WHERE f.id = x.fetch_run_id))";
        assertThat(count(broken)).isEqualTo(4);
        CliIT.Result r = jobintel("backfill", "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE first_fetch_run_id IS NOT NULL "
                + "OR last_fetch_run_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM rejects WHERE fetch_run_id IS NOT NULL")).isZero();
        CliIT.Result check = jobintel("db", "check", "--db", db());
        assertThat(check.exit()).as(check.out()).isZero();
        // The postings and rejects themselves are all still there, and the ledger adds up.
        assertThat(count("SELECT count(*) FROM raw_postings")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM rejects")).isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothingNotEvenTheEndOfAFetchThatLooksCutShort() throws Exception {
        land(jobs(3));
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE fetch_runs SET status = 'running', finished_at = NULL");
        }
        for (String command : new String[] {"backfill", "retry", "enrich"}) {
            assertThat(jobintel(command, "--dry-run", "--db", db()).exit()).as(command).isZero();
        }
        assertThat(count("SELECT count(*) FROM fetch_runs WHERE status = 'running'")).isPositive();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(3);
    }

    @Test
    void backfillSinceOnlyRepairsPostingsFirstSeenSinceThenAndDecidesEveryPendingOne() throws Exception {
        assertThat(BackfillCommand.parse(new CommandLine(new Main()), "2026-11-01"))
                .isEqualTo(java.time.Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
        CliIT.Result bad = jobintel("backfill", "--since", "last tuesday", "--db", db());
        assertThat(bad.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(bad.err()).contains("--since takes a date");
        land(jobs(3));
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.execute("UPDATE raw_postings SET job_hash = '00000000000000000000000000000001' WHERE source_job_id = 'g0'");
        }
        land(Fixtures.distinctJobs(3, 4));
        CliIT.Result none = jobintel("backfill", "--since", "2030-01-01", "--dry-run", "--db", db());
        assertThat(none.out()).contains("Postings whose job no longer exists or is another job: 0")
                .contains("Postings never decided (pending): 1").contains("1 posting to decide");
        CliIT.Result all = jobintel("backfill", "--since", "2026-01-01", "--dry-run", "--db", db());
        assertThat(all.out()).contains("Postings whose job no longer exists or is another job: 1")
                .contains("Postings never decided (pending): 1").contains("2 postings to decide");
    }

    @Test
    void incident27StatusExplainSaysWhereEveryPostingWentAndWhatToDo() throws IOException {
        land(jobs(5));
        fail("overloaded", true, 0, 2);
        fail("invalid_output", false, 2, 3);
        // What a source sent that never became a posting is part of the account too.
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{not json\n{\"source\": \"lever\", \"id\": \"x\", \"url\": \"https://x.example/1\", "
                + "\"company\": \"Acme\"}\n");
        jobintel("import", bad.toString(), "--db", db());
        jobintel("import", bad.toString(), "--db", db());
        CliIT.Result r = jobintel("status", "--explain", "--db", db());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Where every posting went: 5 raw postings")
                .contains("= 0 enriched + 0 merged + 0 filtered + 3 failed + 2 pending")
                .contains("failed (overloaded): 2, 2 retryable").contains("what to do: jobintel retry")
                .contains("failed (invalid_output): 1, 0 retryable").contains("jobintel retry --reason invalid_output")
                .contains("e.g. greenhouse g0 — Company 0 — Senior Data Engineer 0: HTTP 529 overloaded_error")
                .contains("pending: 2").contains("what to do: jobintel enrich")
                .contains("Recent fetch runs").contains("failed 3, pending 2")
                .contains("(and 2 rejects that never became postings)")
                .contains("rejected (malformed_json): 1, never postings (sent 2 times in all)")
                .contains("rejected (no_title): 1").contains("from file " + bad + ": line 2 (a lever posting): 'title' is missing or empty");
        CliIT.Result json = jobintel("status", "--explain", "--json", "--db", db());
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"explanation\"").contains("\"action\"").contains("\"examples\"");
    }

    @Test
    void explainAccountsForEveryPostingAFetchRunSaw() throws IOException {
        land(jobs(3));
        clock.advance(java.time.Duration.ofHours(1));
        List<Posting> again = new ArrayList<>(jobs(3));
        Posting first = again.get(0);
        again.set(0, new Posting(first.source(), first.sourceJobId(), first.url(), first.company(), first.title(),
                first.locationText(), "The same job, described again at more length. ".repeat(20), first.postedAt(),
                first.hints()));
        land(again);
        CliIT.Result r = jobintel("status", "--explain", "--json", "--db", db());
        assertThat(r.exit()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode latest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
                .path("explanation").path("runs").path(0);
        // The second sighting of a posting is neither new nor lost: the run counts it changed or unchanged.
        assertThat(latest.path("seen").asLong()).isEqualTo(3);
        assertThat(latest.path("newPostings").asLong()).isZero();
        assertThat(latest.path("changed").asLong()).isEqualTo(1);
        assertThat(latest.path("unchanged").asLong()).isEqualTo(2);
        assertThat(jobintel("status", "--explain", "--db", db()).out())
                .contains("seen = new + changed + unchanged + rejected");
    }

    @Test
    void incident28EveryCommandHasWorkingHelpAndTheRepairCommandsRunOnAnEmptyDatabase() {
        CommandLine cl = Main.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliIT.Result help = jobintel(name, "--help");
            assertThat(help.exit()).as(name + ": " + help.err()).isZero();
            assertThat(help.out()).as(name).contains("Usage: jobintel " + name);
            // -V, which every help lists, says the version.
            assertThat(jobintel(name, "-V").out()).as(name).startsWith("jobintel ");
        }
        // A dry run writes nothing: where no database is yet it says so and creates none (a mistyped --db).
        Path nowhere = dir.resolve("mistyped.db");
        for (String command : List.of("retry", "backfill", "enrich")) {
            CliIT.Result none = jobintel(command, "--dry-run", "--db", nowhere.toString());
            assertThat(none.exit()).as(command).isEqualTo(Main.DATABASE_ERROR);
            assertThat(none.err()).as(command).contains("No database at " + nowhere);
            assertThat(nowhere).as(command).doesNotExist();
        }
        // On an empty database they run, and say there is nothing to do.
        assertThat(jobintel("db", "migrate", "--db", db()).exit()).isZero();
        assertThat(jobintel("retry", "--dry-run", "--db", db()).exit()).isZero();
        assertThat(jobintel("backfill", "--dry-run", "--db", db()).exit()).isZero();
        assertThat(jobintel("status", "--explain", "--db", db()).exit()).isZero();
        assertThat(jobintel("status", "--explain", "--examples", "-1", "--db", db()).err())
                .contains("--examples must be 0 or more");
        // An option that would do nothing is refused (incident 29).
        CliIT.Result idle = jobintel("status", "--examples", "10", "--db", db());
        assertThat(idle.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(idle.err()).contains("--examples shapes what --explain shows");
    }
}
