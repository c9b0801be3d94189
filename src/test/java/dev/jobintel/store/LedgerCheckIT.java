package dev.jobintel.store;

import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Explanation;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link Ledger#check}: each invariant, broken on its own as a hand-written script or an older
 * version could break it, is reported with the rows that break it, and nothing else is; and
 * status still accounts for every posting of such a ledger.
 */
class LedgerCheckIT {

    @TempDir
    Path dir;

    private String url;

    /** Four postings of four different jobs, each enriched into its own job. */
    @BeforeEach
    void fourJobs() {
        url = Fixtures.sqliteUrl(dir);
        Context ctx = Fixtures.context(url, Clock.systemUTC(), 100);
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            runner.fetch(List.of(Fixtures.jsonl("test", Fixtures.distinctJobs(0, 4))));
            runner.enrich(0);
        }
        assertThat(violations()).isEmpty();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(4);
    }

    @Test
    void aPostingWithAnOutcomeNoOneKnows() throws SQLException {
        change("UPDATE raw_postings SET outcome = 'weird', job_id = NULL WHERE id = 4");
        dropJobOf(4);
        assertThat(violations()).containsExactly(new Ledger.Violation("every raw posting has exactly one known outcome", 1));
    }

    @Test
    void aJobNoPostingPointsToAndItsCount() throws SQLException {
        change("UPDATE raw_postings SET outcome = 'pending', job_id = NULL WHERE id = 4");
        assertThat(violations()).containsExactly(
                new Ledger.Violation("every enriched job is referenced by at least one raw posting", 1),
                new Ledger.Violation("every enriched job's raw_count equals the postings linked to it", 1));
    }

    @Test
    void aPostingInTheJobOfAnotherHash() throws SQLException {
        change("UPDATE enriched_jobs SET job_hash = 'another' WHERE id = (SELECT job_id FROM raw_postings WHERE id = 1)");
        assertThat(violations()).containsExactly(new Ledger.Violation(
                "every enriched or merged posting points to an existing enriched job of its job_hash", 1));
    }

    @Test
    void aFilteredPostingStillInAJob() throws SQLException {
        change("UPDATE raw_postings SET outcome = 'filtered', outcome_reason = 'agency' WHERE id = 2");
        assertThat(violations()).containsExactly(new Ledger.Violation("only enriched or merged postings point to a job", 1));
    }

    @Test
    void aJobWhosePostingCountIsWrong() throws SQLException {
        change("UPDATE enriched_jobs SET raw_count = 5 WHERE id = (SELECT job_id FROM raw_postings WHERE id = 3)");
        assertThat(violations()).containsExactly(
                new Ledger.Violation("every enriched job's raw_count equals the postings linked to it", 1));
    }

    @Test
    void aFilteredPostingWithNoReasonAndAFailedOneWithNoRetryVerdict() throws SQLException {
        change("UPDATE raw_postings SET outcome = 'filtered', outcome_reason = '', job_id = NULL WHERE id = 3");
        change("UPDATE raw_postings SET outcome = 'failed', outcome_reason = 'server_error', retryable = NULL, "
                + "job_id = NULL WHERE id = 4");
        dropJobOf(3);
        dropJobOf(4);
        assertThat(violations()).containsExactly(
                new Ledger.Violation("every filtered or failed posting has a reason", 1),
                new Ledger.Violation("every failed posting says whether a retry may help", 1));
    }

    @Test
    void statusExplainListsFailedPostingsWithNoReasonBesideThoseWithOne() throws SQLException {
        change("UPDATE raw_postings SET outcome = 'failed', outcome_reason = NULL, retryable = 0, job_id = NULL "
                + "WHERE id IN (1, 2)");
        change("UPDATE raw_postings SET outcome = 'failed', outcome_reason = 'timeout', retryable = 1, job_id = NULL "
                + "WHERE id = 3");
        Explanation e;
        try (Database db = Database.open(url, null, null)) {
            e = Explanation.read(db, 3, 5).explanation();
        }
        // Every failed posting is in an entry: the two with no reason were in none, though counted as failed.
        assertThat(e.entries().stream().filter(x -> x.outcome().equals("failed")))
                .extracting(x -> x.reason(), x -> x.count(), x -> x.retryable(), x -> x.examples().size())
                .containsExactly(tuple("timeout", 1L, 1L, 1), tuple(null, 2L, 0L, 2));
        assertThat(e.entries().stream().mapToLong(Explanation.Entry::count).sum()).isEqualTo(4);
    }

    @Test
    void aDecidedPostingStillHeldByABatchThatDoesNotExist() throws SQLException {
        change("UPDATE raw_postings SET batch_id = 999 WHERE id IN (1, 2)");
        assertThat(violations()).containsExactly(
                new Ledger.Violation("a posting held by a message batch is pending and its batch is open", 2));
    }

    @Test
    void aPendingPostingStillInItsJobIsDecidedAndCountedOnce() throws SQLException {
        // Put back to pending by hand, its job left on it: the job already counts it.
        change("UPDATE raw_postings SET outcome = 'pending' WHERE id IN (2, 3)");
        // One of them gone from its board since: the gate filters it as closed.
        change("UPDATE raw_postings SET closed_at = 1, joined_job_at = NULL WHERE id = 3");
        assertThat(violations()).containsExactly(new Ledger.Violation("only enriched or merged postings point to a job", 2));
        Context ctx = Fixtures.context(url, Clock.systemUTC(), 100);
        try (Database db = ctx.openDatabase(); Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            assertThat(runner.enrich(0).processed()).isEqualTo(2);
        }
        assertThat(violations()).isEmpty();
        assertThat(count("SELECT raw_count FROM enriched_jobs WHERE id = (SELECT job_id FROM raw_postings WHERE id = 2)"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE id = 3 AND outcome = 'filtered' AND job_id IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(3);
    }

    private List<Ledger.Violation> violations() {
        try (Database db = Database.open(url, null, null)) {
            return db.read(Ledger::check);
        }
    }

    /** As a script run by hand can: no foreign keys, no CHECK constraints. */
    private void change(String sql) throws SQLException {
        assertThat(run(sql)).as(sql).isPositive();
    }

    private int run(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA ignore_check_constraints = ON");
            return s.executeUpdate(sql);
        }
    }

    /** Removes the job posting {@code postingId} was in (by the job id its job_hash names), and the job's skills. */
    private void dropJobOf(long postingId) throws SQLException {
        String job = "(SELECT id FROM enriched_jobs WHERE job_hash = (SELECT job_hash FROM raw_postings WHERE id = "
                + postingId + "))";
        run("DELETE FROM job_skills WHERE job_id = " + job);
        change("DELETE FROM enriched_jobs WHERE id = " + job);
    }

    private long count(String sql) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.count(c, sql));
        }
    }
}
