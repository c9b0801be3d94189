package dev.jobintel.pipeline;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.Classifier;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.LandCounts;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.jobintel.testing.Fixtures.posting;
import static org.assertj.core.api.Assertions.assertThat;

/** Landing, gating, classifying and storing on a real SQLite file. */
class PipelineIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
    private Context ctx;
    private Database db;
    private Runner runner;

    /** The database the tests run on; {@link PipelineOnPostgresIT} runs them all on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    @BeforeEach
    void open() {
        ctx = Fixtures.context(databaseUrl(), clock, 100);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LandCounts land(Posting... postings) {
        return runner.fetch(List.of(Fixtures.jsonl("test", List.of(postings)))).total();
    }

    private long count(String sql, Object... args) {
        return db.read(c -> Jdbc.count(c, sql, args));
    }

    private String outcome(String source, String id) {
        return db.read(c -> Jdbc.one(c, "SELECT outcome FROM raw_postings WHERE source = ? AND source_job_id = ?",
                rs -> rs.getString(1), source, id));
    }

    private void assertLedgerAddsUp() {
        StatusReport s = StatusReport.read(db);
        assertThat(s.violations()).isEmpty();
        assertThat(s.outcomeTotal()).isEqualTo(s.rawPostings());
    }

    @Test
    void aRerunIsIdempotentAndOnlyMovesLastSeen() {
        Posting a = posting("1", "Acme", "Senior Backend Engineer", "London");
        Posting b = posting("2", "Acme", "Data Engineer", "Berlin");
        assertThat(land(a, b)).isEqualTo(new LandCounts(2, 0, 0, 0));
        runner.enrich(0);
        List<Object[]> before = db.read(c -> Jdbc.query(c,
                "SELECT id, first_seen, last_seen, outcome, job_id, content_hash FROM raw_postings ORDER BY id",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6)}));

        clock.advance(Duration.ofDays(3));
        assertThat(land(a, b)).isEqualTo(new LandCounts(0, 0, 2, 0));
        Enricher.Result second = runner.enrich(0);

        assertThat(second.processed()).isZero();
        List<Object[]> after = db.read(c -> Jdbc.query(c,
                "SELECT id, first_seen, last_seen, outcome, job_id, content_hash FROM raw_postings ORDER BY id",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6)}));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)[0]).isEqualTo(before.get(i)[0]);
            assertThat(after.get(i)[1]).as("first_seen kept").isEqualTo(before.get(i)[1]);
            assertThat((long) after.get(i)[2]).as("last_seen moved").isEqualTo((long) before.get(i)[2] + Duration.ofDays(3).toMillis());
            assertThat(after.get(i)[3]).isEqualTo(before.get(i)[3]);
            assertThat(after.get(i)[4]).isEqualTo(before.get(i)[4]);
        }
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2);
        assertLedgerAddsUp();
    }

    @Test
    void incident6ReSeenPostingsMoveTheJobsLastSeenAndKeepItsFirstSeen() {
        Posting a = posting("1", "Acme", "Senior Backend Engineer", "London");
        long day0 = clock.millis();
        land(a);
        runner.enrich(0);
        clock.advance(Duration.ofDays(10));
        land(a);
        Object[] job = db.read(c -> Jdbc.one(c, "SELECT first_seen, last_seen FROM enriched_jobs",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2)}));
        assertThat(job[0]).isEqualTo(day0);
        assertThat((long) job[1] - (long) job[0]).isEqualTo(Duration.ofDays(10).toMillis());
    }

    @Test
    void incident5NewnessIsDecidedByIdentityNotByTimestamps() {
        Posting future = new Posting("lever", "f1", "https://x/f1", "Acme", "Backend Engineer", "London",
                Fixtures.DESCRIPTION, Instant.parse("2031-01-01T00:00:00Z"), null);
        Posting ancient = new Posting("lever", "a1", "https://x/a1", "Acme", "Frontend Engineer", "London",
                Fixtures.DESCRIPTION, Instant.parse("2001-01-01T00:00:00Z"), null);
        assertThat(land(future, ancient).fresh()).isEqualTo(2);
        // Seen again with a skewed, older timestamp: still the same posting, not new.
        Posting skewed = new Posting("lever", "f1", "https://x/f1", "Acme", "Backend Engineer", "London",
                Fixtures.DESCRIPTION, Instant.parse("2020-01-01T00:00:00Z"), null);
        LandCounts again = land(skewed);
        assertThat(again.fresh()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void duplicatesAcrossSourcesAreMergedIntoOneJobWithoutASecondClassification() {
        land(posting("greenhouse", "1", "Acme, Inc.", "Senior Backend Engineer", "London, UK", Fixtures.DESCRIPTION),
                posting("lever", "u-1", "ACME", "Senior Backend Engineer (m/f/d)", "London", Fixtures.DESCRIPTION),
                posting("ashby", "x-1", "Acme", "senior backend engineer", "LONDON", Fixtures.DESCRIPTION));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.enriched()).isEqualTo(1);
        assertThat(r.merged()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(1);
        assertThat(count("SELECT raw_count FROM enriched_jobs")).isEqualTo(3);
        // A later sighting on a fourth source merges into the same job.
        land(posting("workable", "w1", "Acme Ltd", "Senior Backend Engineer", "London", Fixtures.DESCRIPTION));
        assertThat(runner.enrich(0).merged()).isEqualTo(1);
        assertThat(count("SELECT raw_count FROM enriched_jobs")).isEqualTo(4);
        assertLedgerAddsUp();
    }

    @Test
    void incident3DistinctJobsWithoutALocationAreNotCollapsed() {
        land(posting("1", "Acme", "Backend Engineer", null), posting("2", "Acme", "Backend Engineer", null),
                posting("3", "Acme", "Backend Engineer", "Atlantis Campus"));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.enriched()).isEqualTo(3);
        assertThat(r.merged()).isZero();
    }

    @Test
    void incident2AnUnknownCityIsStoredAsNoCityNotAsAMadeUpCode() {
        land(posting("1", "Acme", "Backend Engineer", "Atlantis Campus"));
        runner.enrich(0);
        Object[] job = db.read(c -> Jdbc.one(c, "SELECT city_code, place FROM enriched_jobs",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}));
        assertThat(job[0]).isNull();
        assertThat(job[1]).isEqualTo("text:atlantis campus");
    }

    @Test
    void incident9PostingsFromEmployersNoTableKnowsAreStored() {
        land(posting("1", "Brand New Startup That Nobody Listed", "Backend Engineer", "London"));
        assertThat(runner.enrich(0).enriched()).isEqualTo(1);
    }

    @Test
    void aChangedDescriptionKeepsTheOutcomeButAChangedTitleIsDecidedAgain() {
        Posting a = posting("1", "Acme", "Backend Engineer", "London");
        land(a);
        runner.enrich(0);
        long firstJob = count("SELECT job_id FROM raw_postings");

        Posting edited = posting("greenhouse", "1", "Acme", "Backend Engineer", "London", Fixtures.DESCRIPTION + " Now with Go.");
        assertThat(land(edited)).isEqualTo(new LandCounts(0, 1, 0, 0));
        assertThat(outcome("greenhouse", "1")).isEqualTo("enriched");

        Posting retitled = posting("greenhouse", "1", "Acme", "Platform Engineer", "London", Fixtures.DESCRIPTION);
        assertThat(land(retitled)).isEqualTo(new LandCounts(0, 1, 0, 1));
        assertThat(outcome("greenhouse", "1")).isEqualTo("pending");
        // The old job had no other posting: it is gone, so no job is left without a posting.
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE id = ?", firstJob)).isZero();
        assertLedgerAddsUp();
        runner.enrich(0);
        String title = db.read(c -> Jdbc.one(c, "SELECT title FROM enriched_jobs", rs -> rs.getString(1)));
        assertThat(title).isEqualTo("Platform Engineer");
        assertLedgerAddsUp();
    }

    @Test
    void aPostingItsBoardChangesWhileItIsClassifiedIsDecidedOnItsNewContent() {
        land(posting("1", "Acme", "Backend Engineer", "London"), posting("2", "Acme", "Data Engineer", "Berlin"));
        Posting retitled = posting("greenhouse", "1", "Acme", "Platform Engineer", "London", Fixtures.DESCRIPTION);
        Classifier rules = runner.classifier();
        AtomicBoolean changed = new AtomicBoolean();
        // What a fetch in another process does (several workers on PostgreSQL): the board changes the
        // posting after the enricher read it and before its decision is written.
        Classifier boardChangesMeanwhile = new Classifier() {
            @Override
            public String name() {
                return rules.name();
            }

            @Override
            public Classification classify(Prepared p) {
                if (p.posting().title().equals("Backend Engineer") && changed.compareAndSet(false, true)) {
                    assertThat(land(retitled)).isEqualTo(new LandCounts(0, 1, 0, 0));
                }
                return rules.classify(p);
            }
        };
        Enricher.Result r = new Enricher(db, runner.pendingWork(), ctx.gate(), ctx.resolver(), boardChangesMeanwhile,
                clock, 100, 1, 1, Progress.silent()).run(0);

        assertThat(changed).isTrue();
        // The answer about the old title was not written; the next pass decided the posting anew.
        assertThat(r.enriched()).isEqualTo(2);
        assertThat(r.superseded()).isZero();
        assertThat(outcome("greenhouse", "1")).isEqualTo("enriched");
        List<String> titles = db.read(c -> Jdbc.query(c, "SELECT title FROM enriched_jobs ORDER BY title",
                rs -> rs.getString(1)));
        assertThat(titles).containsExactly("Data Engineer", "Platform Engineer");
        assertThat(count("SELECT count(*) FROM raw_postings r JOIN enriched_jobs j ON j.id = r.job_id "
                + "WHERE r.job_hash <> j.job_hash")).isZero();
        assertLedgerAddsUp();
    }

    @Test
    void aDecisionAboutContentThePostingNoLongerHasIsNotWritten() {
        land(posting("greenhouse", "1", "Acme", "Backend Engineer", "London", "Apply now."));
        dev.jobintel.store.PendingPosting read = db.read(c -> dev.jobintel.store.RawPostings.pendingAfter(c, 0, 10)).get(0);
        land(posting("greenhouse", "1", "Acme", "Backend Engineer", "London", Fixtures.DESCRIPTION));

        dev.jobintel.store.WriteResult w = new dev.jobintel.store.Outcomes(db).write(List.of(
                new dev.jobintel.store.Outcome.Filtered(read.id(), read.contentHash(), "too_short", "2 words")), clock.millis());

        assertThat(w.filtered()).isZero();
        assertThat(w.superseded()).containsExactly(read.id());
        assertThat(outcome("greenhouse", "1")).isEqualTo("pending");
        assertLedgerAddsUp();
    }

    @Test
    void aFilteredPostingThatChangesIsDecidedAgain() {
        land(posting("greenhouse", "1", "Acme", "Backend Engineer", "London", "Apply now."));
        runner.enrich(0);
        assertThat(outcome("greenhouse", "1")).isEqualTo("filtered");
        land(posting("greenhouse", "1", "Acme", "Backend Engineer", "London", Fixtures.DESCRIPTION));
        runner.enrich(0);
        assertThat(outcome("greenhouse", "1")).isEqualTo("enriched");
    }

    @Test
    void incident8EveryPendingPostingIsReachedAcrossManyPages() {
        List<Posting> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(posting("p" + i, "Acme " + (i % 50), "Backend Engineer " + i, "London"));
        }
        assertThat(land(many.toArray(Posting[]::new)).fresh()).isEqualTo(2_500);
        Enricher.Result r = runner.enrich(0);
        assertThat(r.processed()).isEqualTo(2_500);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2_500);
    }

    @Test
    void limitDecidesOnlyThatManyAndTheRestStayPending() {
        List<Posting> some = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            some.add(posting("p" + i, "Acme", "Backend Engineer " + i, "London"));
        }
        land(some.toArray(Posting[]::new));
        assertThat(runner.enrich(120).processed()).isEqualTo(120);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(130);
        assertLedgerAddsUp();
    }

    @Test
    void aDatabaseErrorOnOnePostingMarksItFailedAndTheRunGoesOn() {
        // Reference data out of step with the taxonomy: the 'management' track is missing.
        db.inTransaction(c -> Jdbc.update(c, "DELETE FROM ref_track WHERE code = 'management'"));
        land(posting("1", "Acme", "Engineering Manager", "London"),
                posting("2", "Acme", "Backend Engineer", "London"),
                posting("3", "Acme", "Data Engineer", "Berlin"));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.enriched()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failedByReason()).isEqualTo(Map.of("store_error", 1L));
        Object[] failed = db.read(c -> Jdbc.one(c,
                "SELECT outcome, outcome_reason, last_error, retryable FROM raw_postings WHERE source_job_id = '1'",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)}));
        assertThat(failed[0]).isEqualTo("failed");
        assertThat(failed[1]).isEqualTo("store_error");
        assertThat((String) failed[2]).containsIgnoringCase("foreign key");
        assertThat(failed[3]).isEqualTo(0);
        assertLedgerAddsUp();
    }

    @Test
    void aDecisionMadeUnderAnIdentityThePostingNoLongerHasIsNotWritten() {
        land(posting("1", "Acme", "Backend Engineer", "London"));
        dev.jobintel.store.PendingPosting p = db.read(c -> dev.jobintel.store.RawPostings.pendingAfter(c, 0, 10)).get(0);
        // While a worker classified it, backfill --relocate gave it another place and so another job.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET job_hash = 'relocated' WHERE id = ?", p.id()));
        dev.jobintel.classify.Classification k = new dev.jobintel.classify.Classification("software_engineering",
                "backend", "mid", "ic", "unknown", "full_time", null, false, null, null, List.of(), "Services.", "rules",
                null, "rules-test", java.util.Set.of());
        dev.jobintel.store.WriteResult r = new dev.jobintel.store.Outcomes(db).write(List.of(new dev.jobintel.store.Outcome
                .Enriched(p.id(), p.contentHash(), new dev.jobintel.store.JobRecord(p.jobHash(), "Acme", "Backend Engineer",
                p.place(), null, null, null, k), p.firstSeen(), p.lastSeen())), clock.millis());
        assertThat(r.enriched()).isZero();
        assertThat(r.superseded()).containsExactly(p.id());
        assertThat(count("SELECT count(*) FROM enriched_jobs")).as("no job of the old identity is left behind").isZero();
        assertThat(outcome("greenhouse", "1")).isEqualTo("pending");
        assertLedgerAddsUp();
    }

    @Test
    void incident1AClassificationWithANullFamilyIsRecordedAsFailedNeverDropped() {
        land(posting("1", "Acme", "Backend Engineer", "London"), posting("2", "Acme", "Data Engineer", "Berlin"));
        List<dev.jobintel.store.PendingPosting> pending = db.read(c -> dev.jobintel.store.RawPostings.pendingAfter(c, 0, 10));
        dev.jobintel.classify.Classification valid = new dev.jobintel.classify.Classification("data", "data_engineering",
                "mid", "ic", "unknown", "full_time", null, false, null, null, List.of(), "Pipelines.", "rules", null,
                "rules-test", java.util.Set.of());
        dev.jobintel.classify.Classification nullFamily = new dev.jobintel.classify.Classification(null,
                "backend", "mid", "ic", "unknown", "full_time", null, false, null, null, List.of(), "x", "claude",
                "model", "p1", java.util.Set.of());
        List<dev.jobintel.store.Outcome> outcomes = new ArrayList<>();
        for (dev.jobintel.store.PendingPosting p : pending) {
            dev.jobintel.classify.Classification k = p.posting().sourceJobId().equals("1") ? nullFamily : valid;
            outcomes.add(new dev.jobintel.store.Outcome.Enriched(p.id(), p.contentHash(), new dev.jobintel.store.JobRecord(p.jobHash(),
                    "Acme", p.posting().title(), p.place(), null, null, null, k), p.firstSeen(), p.lastSeen()));
        }
        dev.jobintel.store.WriteResult r = new dev.jobintel.store.Outcomes(db).write(outcomes, clock.millis());
        assertThat(r.enriched()).isEqualTo(1);
        assertThat(r.storeFailures()).hasSize(1);
        assertThat(outcome("greenhouse", "1")).isEqualTo("failed");
        assertThat(outcome("greenhouse", "2")).isEqualTo("enriched");
        String why = db.read(c -> Jdbc.one(c, "SELECT last_error FROM raw_postings WHERE source_job_id = '1'",
                rs -> rs.getString(1)));
        assertThat(why).containsPattern("(?i)not[ -]null").contains("family");
        assertLedgerAddsUp();
    }

    @Test
    void aNulCharacterAnywhereIsKeptOutOfTheDatabaseWhichPostgresCannotStoreItIn() {
        String nul = "\u0000";
        String lines = String.join("\n",
                // A raw NUL inside the line: not JSON, a reject whose payload keeps the line.
                "{\"source\":\"lever\",\"id\":\"1\",\"url\":\"https://x/1\",\"title\":\"Data " + nul + " Engineer\"}",
                // Escaped NULs in every text field a posting has.
                "{\"source\":\"lever\",\"id\":\"2\\u0000b\",\"url\":\"https://x/2\",\"title\":\"Data\\u0000 Analyst\","
                        + "\"company\":\"Ac\\u0000me\",\"location\":\"Lon\\u0000don\",\"description\":\"We \\u0000 build "
                        + "pipelines with Python and SQL for merchants across Europe, every day of the week.\","
                        + "\"hints\":{\"department\":\"Da\\u0000ta\",\"extra\":{\"te\\u0000am\":\"x\\u0000y\"}}}");
        Runner.FetchResult r = runner.fetch(List.of(Fixtures.jsonlText("nul.jsonl", lines)));
        assertThat(r.boards().get(0).error()).isNull();
        assertThat(r.total().fresh() + r.rejected()).as("every line landed or rejected").isEqualTo(2);
        runner.enrich(0);
        assertLedgerAddsUp();
        String stored = db.read(c -> Jdbc.one(c, "SELECT r.source_job_id || r.title || r.company || r.location_text "
                + "|| t.description || t.hints FROM raw_postings r JOIN posting_texts t ON t.posting_id = r.id",
                rs -> rs.getString(1)));
        String rejected = db.read(c -> Jdbc.one(c, "SELECT payload || detail FROM rejects", rs -> rs.getString(1)));
        assertThat(stored + rejected).doesNotContain(nul);
    }

    @Test
    void rejectsAreKeptWithTheirReasonAndNeverBecomeRawRows() {
        String lines = String.join("\n",
                "{\"source\":\"lever\",\"id\":\"1\",\"url\":\"https://x/1\",\"title\":\"Data Engineer\",\"company\":\"Acme\"}",
                "{\"source\":\"lever\",\"id\":\"2\",\"url\":\"https://x/2\",\"title\":\"  \"}",
                "{\"source\":\"lever\",\"id\":\"3\",\"title\":\"No URL\"}",
                "{\"source\":\"lever\",\"id\":\"4\",\"url\":\"https://x/4\",\"title\":",
                "not json at all",
                // Two postings run together on one line: not one of them quietly dropped.
                "{\"source\":\"lever\",\"id\":\"5\",\"url\":\"https://x/5\",\"title\":\"Data Analyst\"}"
                        + "{\"source\":\"lever\",\"id\":\"6\",\"url\":\"https://x/6\",\"title\":\"Data Scientist\"}",
                "{\"source\":\"lever\",\"id\":\"7\",\"url\":\"https://x/7\",\"title\":\"Designer\"} and then some",
                // A key given twice: which title is meant is a guess.
                "{\"source\":\"lever\",\"id\":\"8\",\"url\":\"https://x/8\",\"title\":\"Designer\",\"title\":\"Analyst\"}");
        Runner.FetchResult r = runner.fetch(List.of(Fixtures.jsonlText("file.jsonl", lines)));
        assertThat(r.total().fresh()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM raw_postings")).isEqualTo(1);
        List<String> reasons = db.read(c -> Jdbc.query(c, "SELECT reason FROM rejects ORDER BY id", rs -> rs.getString(1)));
        assertThat(reasons).containsExactly("no_title", "no_url", "malformed_json", "malformed_json", "malformed_json",
                "malformed_json", "malformed_json");
        assertThat(count("SELECT rejected FROM fetch_runs")).isEqualTo(7);
        assertThat(count("SELECT seen FROM fetch_runs")).isEqualTo(8);
    }

    @Test
    void anIdentityTooLongForAnIndexIsARejectAndTheRestLands() {
        // Thousands of characters that do not compress: more than PostgreSQL's index takes for (source, id),
        // which stopped the whole import there. Both engines refuse it alike, so that a SQLite file can be copied.
        java.util.Random random = new java.util.Random(7);
        StringBuilder noise = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 6_000; i++) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Posting longId = posting("lever", noise.toString(), "Acme", "Data Engineer", "London", Fixtures.DESCRIPTION);
        Posting longSource = posting(noise.toString(), "s1", "Acme", "Data Analyst", "London", Fixtures.DESCRIPTION);
        Posting fine = posting("1", "Acme", "Backend Engineer", "London");
        Runner.FetchResult r = runner.fetch(List.of(Fixtures.jsonl("file.jsonl", List.of(longId, longSource, fine))));
        assertThat(r.total().fresh()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(outcome("greenhouse", "1")).isEqualTo("pending");
        List<String> reasons = db.read(c -> Jdbc.query(c, "SELECT reason FROM rejects ORDER BY id", rs -> rs.getString(1)));
        assertThat(reasons).containsExactly("id_too_long", "id_too_long");
        assertLedgerAddsUp();
    }
}
