package dev.jobintel.pipeline;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.Responder;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.classify.claude.sim.SimRequest;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.store.LlmBatches;
import dev.jobintel.store.PendingWork;
import dev.jobintel.testing.ClaudeRig;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Message Batches mode against a local server speaking the Batches API, on a real SQLite file. */
class BatchEnricherIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
    private final RulesResponder model = new RulesResponder();
    private ClaudeRig rig;
    private MessagesSimulator sim;
    private Database db;
    private Runner runner;
    private Duration processing;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    /** The database the tests run on; {@link BatchEnricherOnPostgresIT} runs them all on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    private void start(Responder responder, Duration processing) {
        this.processing = processing;
        rig = ClaudeRig.start(databaseUrl(), clock, MessagesSimulator.start(responder).batchProcessing(processing), 4, 3, 10);
        sim = rig.sim;
        db = rig.db;
        runner = rig.runner();
    }

    /**
     * What a process that was down a while finds: its open batch has ended, as a real one does while nobody
     * polls it. The server's clock moves past the processing time the test set long enough to stop a run
     * while polling, instead of the test waiting it out, and batches sent from now on take a moment.
     */
    private void batchEndsWhileDown() {
        sim.clock(Clock.offset(Clock.systemUTC(), processing)).batchProcessing(Duration.ofMillis(100));
    }

    /** A new process on the same database: a new runner, classifier and client. */
    private void restart() {
        runner = rig.restart();
    }

    private BatchEnricher batches() {
        return batches(runner.budget());
    }

    private BatchEnricher batches(Budget budget) {
        ClaudeClassifier k = rig.classifier();
        return new BatchEnricher(db, runner.pendingWork(), rig.ctx.gate(), rig.ctx.resolver(), k, k.api(), budget, clock, 100, 2,
                10_000, Duration.ofMillis(100), line -> { });
    }

    /** Waits (up to 5 s) until a batch is submitted and being polled. */
    private void awaitPolling() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count("SELECT count(*) FROM llm_batches WHERE status = 'in_progress'") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Runs batch enrichment until its batch is submitted and being polled, then stops it as a dying process would. */
    private BatchEnricher.Result stopWhilePolling() throws InterruptedException {
        AtomicReference<BatchEnricher.Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(batches().run()));
        t.start();
        awaitPolling();
        t.interrupt();
        t.join();
        return result.get();
    }

    private Answer clean(SimRequest r) {
        return Answer.tool(model.classify(r.userText()));
    }

    private static List<Posting> jobs(int n, String prefix) {
        List<Posting> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Fixtures.posting("greenhouse", prefix + i, "Company " + prefix + i, prefix + " Data Engineer " + i,
                    "Berlin, Germany", Fixtures.DESCRIPTION + " Team " + prefix + i + "."));
        }
        return out;
    }

    private void land(List<Posting> postings) {
        rig.land(postings);
    }

    private long count(String sql, Object... args) {
        return rig.count(sql, args);
    }

    private long batchCreations() {
        return sim.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/messages/batches"))
                .count();
    }

    @Test
    void postingsAreClassifiedThroughABatchAtHalfPrice() {
        start(this::clean, Duration.ofMillis(200));
        land(jobs(25, "A"));
        // Two copies of one job on another board: merged on the next round, never sent.
        land(List.of(Fixtures.posting("lever", "copy", "Company A0", "A Data Engineer 0", "Berlin, Germany",
                Fixtures.DESCRIPTION + " Team A0.")));
        BatchEnricher.Result r = batches().run();
        assertThat(r.decided().stop()).isNull();
        assertThat(r.batchesSubmitted()).isEqualTo(1);
        assertThat(r.requestsSent()).isEqualTo(25);
        assertThat(sim.messageCalls()).isZero();
        assertThat(sim.batchRequestsAnswered()).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'merged'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE batch_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'collected'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE batch_id IS NOT NULL AND outcome = 'valid'")).isEqualTo(25);
        double[] t = db.read(c -> Jdbc.one(c, "SELECT sum(input_tokens), sum(output_tokens), sum(cache_write_tokens), "
                + "sum(cache_read_tokens), sum(cost_usd) FROM llm_calls", rs -> new double[] {rs.getDouble(1),
                rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)}));
        double full = (t[0] * 1.00 + t[1] * 5.00 + t[2] * 1.25 + t[3] * 0.10) / 1_000_000;
        assertThat(t[4]).isCloseTo(full / 2, within(1e-9));
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    void batchesAreCutToABodyTheApiTakes() throws Exception {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(6, "Z"));
        // The API takes at most 256 MB a batch, and every request carries the ~46 KB system prompt: at the
        // default 10,000 postings a batch would be ~460 MB. Here room for two requests a batch.
        ClaudeClassifier k = rig.classifier();
        long one = k.batchRequestBytes(Prepared.of(jobs(1, "Z").get(0), rig.ctx.resolver()));
        BatchEnricher.Result r = batches().maxBatchBytes(2 * one + one / 2).run();
        assertThat(r.decided().stop()).isNull();
        assertThat(r.batchesSubmitted()).isEqualTo(3);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (var created : sim.requests().stream().filter(q -> q.method().equals("POST")
                && q.path().equals("/v1/messages/batches")).toList()) {
            assertThat(created.body().path("requests").size()).isEqualTo(2);
            assertThat((long) json.writeValueAsBytes(created.body()).length).as("a request's bound holds")
                    .isLessThanOrEqualTo(2 * one + one / 2);
        }
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(6);
    }

    @Test
    void resultsWithABrokenLineSettleWhatTheyCanAndSendTheRestAgain() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(20, "B"));
        // Ten results, the first repeated, a result without its custom_id, then a line that is no JSON.
        sim.resultsServed(body -> {
            List<String> lines = body.lines().toList();
            return String.join("\n", lines.subList(0, 10)) + "\n" + lines.get(0) + "\n"
                    + "{\"result\": {\"type\": \"expired\"}}\n{\"custom_id\": \"x\", this is not json\n"
                    + String.join("\n", lines.subList(10, lines.size())) + "\n";
        });
        BatchEnricher.Result first = batches().run();
        assertThat(first.decided().stop().reason()).as("the rest waits for the next run").isEqualTo("results_unreadable");
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'collected'")).isEqualTo(1);
        long enriched = count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'");
        assertThat(enriched + count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL"))
                .as("every posting decided or free to be asked again").isEqualTo(20);

        sim.resultsServed(null);
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid'")).as("each answer billed once").isEqualTo(20);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    void resultsNoLongerThereSendTheBatchsPostingsAgain() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(5, "C"));
        sim.resultsServed(body -> null);
        BatchEnricher.Result first = batches().run();
        assertThat(first.decided().stop().getMessage()).contains("no longer there").contains("the next run sends them");
        assertThat(batchCreations()).as("not sent again into the same fate in this run").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL")).isEqualTo(5);
        sim.resultsServed(null);
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(5);
    }

    @Test
    void aRestartWhilePollingResumesTheBatchInsteadOfResubmitting() throws Exception {
        start(this::clean, Duration.ofSeconds(3));
        land(jobs(12, "B"));
        // The process dies while polling: nothing after the stored batch id is written.
        assertThat(stopWhilePolling().decided().stop()).isNotNull();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NOT NULL"))
                .isEqualTo(12);
        // While the batch is open, direct enrichment leaves its postings alone.
        restart();
        assertThat(runner.enrich(0).processed()).isZero();
        assertThat(sim.messageCalls()).isZero();

        restart();
        BatchEnricher.Result second = batches().run();
        assertThat(second.batchesSubmitted()).isZero();
        assertThat(second.batchesCollected()).isEqualTo(1);
        assertThat(batchCreations()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM llm_calls")).isEqualTo(12);
    }

    @Test
    void incident16AnotherPostingOfAJobAnOpenBatchIsMakingWaitsForItInsteadOfPayingAgain() throws Exception {
        start(this::clean, Duration.ofSeconds(3));
        land(jobs(4, "F"));
        stopWhilePolling();
        // While the batch runs, the job's posting on another board arrives, worded differently.
        land(List.of(Fixtures.posting("lever", "F0-copy", "Company F0", "F Data Engineer 0", "Berlin, Germany",
                Fixtures.DESCRIPTION + " Apply on Lever.")));

        restart();
        Enricher.Result direct = runner.enrich(0);
        assertThat(direct.waiting()).as("waits for the batch's job").isEqualTo(1);
        assertThat(direct.processed()).isZero();
        assertThat(sim.messageCalls()).as("nothing paid for directly").isZero();

        // A dry run says so too: the copy is merged into the batch's job, not a request to pay for.
        EnrichPlan.Plan plan = EnrichPlan.plan(db, rig.ctx.gate(), rig.ctx.resolver(), runner.classifier(), 100, 0);
        assertThat(plan.requests()).as("the dry run's requests").isZero();
        assertThat(plan.merged()).isEqualTo(1);
        assertThat(plan.costUsd()).isZero();

        batchEndsWhileDown();
        restart();
        batches().run();
        assertThat(count("SELECT count(*) FROM llm_calls")).as("one answer per job, all from the batch").isEqualTo(4);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE source_job_id = 'F0-copy' AND outcome = 'merged'"))
                .isEqualTo(1);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    void aPostingItsBoardChangesWhileItsBatchRunsIsAskedAgainOnItsNewContent() throws Exception {
        start(this::clean, Duration.ofSeconds(3));
        land(jobs(3, "E"));
        stopWhilePolling();
        // While the batch runs, the board renames one of its postings.
        land(List.of(Fixtures.posting("greenhouse", "E0", "Company E0", "E Machine Learning Engineer 0", "Berlin, Germany",
                Fixtures.DESCRIPTION + " Team E0.")));

        batchEndsWhileDown();
        restart();
        BatchEnricher.Result r = batches().run();

        assertThat(r.decided().stop()).isNull();
        assertThat(batchCreations()).as("the renamed posting is asked again, alone").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        List<String> titles = db.read(c -> Jdbc.query(c, "SELECT title FROM enriched_jobs ORDER BY title",
                rs -> rs.getString(1)));
        assertThat(titles).containsExactly("E Data Engineer 1", "E Data Engineer 2", "E Machine Learning Engineer 0");
        // The answer about the old title was paid for: it stays in the cost ledger, never reused.
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'canceled' AND cost_usd > 0")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid'")).isEqualTo(3);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    @Timeout(60)
    void requestsTheResultsLeaveOutGoBackToPendingOnceAndAreNotSentAgainInTheSameRun() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(10, "M"));
        // The results hold four of the ten requests.
        sim.resultsServed(body -> String.join("\n", body.lines().limit(4).toList()) + "\n");
        BatchEnricher.Result first = batches().run();
        assertThat(batchCreations()).as("not sent round after round").isEqualTo(1);
        assertThat(first.returnedToPending()).isEqualTo(6);
        assertThat(first.decided().stop().reason()).isEqualTo("results_incomplete");
        assertThat(first.decided().stop().getMessage()).contains("no line for 6 of its requests");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE '%no line for this request%'"))
                .as("each left-out request is in the cost ledger").isEqualTo(6);

        sim.resultsServed(null);
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(10);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    @Timeout(60)
    void aLeftOutRequestOfAPostingDecidedMeanwhileHoldsNothingOfTheBudgetOnceItsBatchIsCollected() throws Exception {
        start(this::clean, Duration.ofMillis(500));
        land(jobs(4, "N"));
        // The results hold two of the four requests.
        sim.resultsServed(body -> String.join("\n", body.lines().limit(2).toList()) + "\n");
        Budget budget = new Budget(10.0);
        Thread t = new Thread(() -> batches(budget).run());
        t.start();
        awaitPolling();
        // While the batch runs, its postings are decided another way (by hand here; a worker's retry would do).
        db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET outcome = 'filtered', outcome_reason = 'title' "
                + "WHERE outcome = 'pending'"));
        t.join();
        // Answered or left out, each request's worst case is released: what is left is the limit less what was spent.
        assertThat(budget.left() + budget.spent()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void resultsForAnotherBatchsRequestsDecideNothingHere() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(5, "F"));
        // The same posting ids with another batch's token: what a batch another database sent
        // answers, if it were taken for ours while resuming an interrupted submission.
        sim.resultsServed(body -> body.replaceAll("\"custom_id\":\\s*\"(p[0-9]+)-[0-9a-z]+\"", "\"custom_id\":\"$1-other\""));
        BatchEnricher.Result first = batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isZero();
        assertThat(first.returnedToPending()).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid'")).isZero();

        sim.resultsServed(null);
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(5);
    }

    @Test
    void aBatchCreateThatGetsNoAnswerInTimeIsLookedForByTheNextRunNotSentAgain() {
        rig = ClaudeRig.start(databaseUrl(), clock, MessagesSimulator.start(this::clean).batchProcessing(Duration.ofMillis(100))
                .batchCreateDelay(Duration.ofSeconds(3)), 4, 3, 1);
        sim = rig.sim;
        db = rig.db;
        runner = rig.runner();
        land(jobs(5, "T"));
        BatchEnricher.Result first = batches().run();
        assertThat(first.decided().stop().getMessage()).contains("could not confirm that a batch of 5 postings reached the API");
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'submitting'")).isEqualTo(1);

        sim.batchCreateDelay(Duration.ZERO);
        restart();
        BatchEnricher.Result r = batches().run();
        assertThat(r.batchesSubmitted()).isZero();
        assertThat(batchCreations()).as("the batch the API took is collected, not paid for again").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(5);
    }

    @Test
    void aBudgetIsSpentBatchByBatchAsTheCollectedOnesLeaveRoomAndNeverPassed() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(300, "G"));
        double one = rig.classifier().batchWorstCase(Prepared.of(jobs(1, "G").get(0), rig.ctx.resolver()));
        double limit = one * 6;
        BatchEnricher.Result r = batches(new Budget(limit)).run();
        assertThat(r.decided().stop().reason()).isEqualTo("budget");
        // The first batch held ten worst cases; billed at a fraction of them, it left room for more.
        assertThat(r.batchesSubmitted()).isGreaterThan(1);
        assertThat(r.batchesCollected()).isEqualTo(r.batchesSubmitted());
        assertThat(r.requestsSent()).isGreaterThan(10);
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'collected'")).isEqualTo(r.batchesSubmitted());
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(r.requestsSent());
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).as("the rest waits").isPositive();
        double paid = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) AS paid FROM llm_calls", rs -> rs.getDouble("paid")));
        assertThat(paid).isPositive().isLessThanOrEqualTo(limit);
    }

    @Test
    void anAnswerForAPostingNoLongerPendingIsStillInTheCostLedger() throws Exception {
        start(this::clean, Duration.ofSeconds(2));
        land(jobs(3, "N"));
        stopWhilePolling();
        // Decided some other way while its batch ran (here by hand): its answer was paid for all the same.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET outcome = 'filtered', outcome_reason = 'closed' "
                + "WHERE source_job_id = 'N0'"));
        batchEndsWhileDown();
        restart();
        batches().run();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE batch_id IS NOT NULL")).as("every answer billed").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'canceled' AND cost_usd > 0")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(2);
    }

    @Test
    void aMalformedAnswerForAPostingNoLongerPendingIsNeitherBilledNorInTheWayOfTheOthers() throws Exception {
        // A negative count breaks the ledger's check, a message without usage cannot be read for a bill.
        start(r -> r.userText().contains("N0") || r.userText().contains("N1") ? Answer.rawBody(200, "application/json",
                "{\"id\":\"msg_n\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                        + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_n\",\"name\":\"record_classification\","
                        + "\"input\":" + model.classify(r.userText()) + "}],\"stop_reason\":\"tool_use\""
                        + (r.userText().contains("N0") ? ",\"usage\":{\"input_tokens\":-1000,\"output_tokens\":80}" : "")
                        + "}") : clean(r), Duration.ofSeconds(2));
        land(jobs(4, "N"));
        stopWhilePolling();
        db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET outcome = 'filtered', outcome_reason = 'closed' "
                + "WHERE source_job_id IN ('N0', 'N1')"));
        batchEndsWhileDown();
        restart();
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'collected'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE input_tokens < 0")).isZero();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid' AND batch_id IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void aBatchAnEarlierVersionOpenedIsCollectedAfterAnUpgradeThatChangedTheContentKey() throws Exception {
        start(this::clean, Duration.ofSeconds(2));
        land(jobs(6, "U"));
        stopWhilePolling();
        // The version that wrote the batch computed its content keys another way.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE llm_batch_items SET content_key = 'older-' || custom_id"));
        batchEndsWhileDown();
        restart();
        BatchEnricher.Result r = batches().run();
        assertThat(r.batchesSubmitted()).isZero();
        assertThat(batchCreations()).as("not paid for again").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'canceled'")).isZero();
    }

    @Test
    void aBatchSentToAnotherModelIsNotCollectedAsTheConfiguredModelsAtItsPrices() throws Exception {
        start(this::clean, Duration.ofSeconds(2));
        land(jobs(3, "S"));
        stopWhilePolling();
        // An earlier run configured for Sonnet sent it; this one is configured for Haiku, a third of the price.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE llm_batches SET model = 'claude-sonnet-4-5'"));
        restart();
        BatchEnricher.Result r = batches().run();
        assertThat(r.decided().stop().reason()).isEqualTo("batch_model");
        assertThat(r.decided().stop().getMessage()).contains("classifier.claude.model: claude-sonnet-4-5");
        assertThat(count("SELECT count(*) FROM llm_calls")).as("nothing billed as Haiku's").isZero();
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'in_progress'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NOT NULL"))
                .as("left to the batch").isEqualTo(3);
        assertThat(batchCreations()).as("nothing sent meanwhile").isEqualTo(1);
    }

    @Test
    void aBatchTheApiNoLongerKnowsGivesItsPostingsBackInsteadOfHoldingThemForEver() throws Exception {
        start(this::clean, Duration.ofSeconds(2));
        land(jobs(3, "G"));
        stopWhilePolling();
        // Deleted in the Console while the process was down: the API answers 404 for it.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE llm_batches SET remote_id = 'msgbatch_deleted'"));
        restart();
        BatchEnricher.Result first = batches().run();
        assertThat(first.decided().stop().getMessage()).contains("msgbatch_deleted").contains("the next run sends them");
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status IN ('submitting', 'in_progress', 'ended')"))
                .as("not polled by every run for ever").isZero();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL")).isEqualTo(3);

        batchEndsWhileDown();
        restart();
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    void aBatchWrittenButNeverSubmittedIsReleasedAndSentOnce() {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(5, "C"));
        List<Long> ids = db.read(c -> Jdbc.query(c, "SELECT id FROM raw_postings ORDER BY id", rs -> rs.getLong(1)));
        List<LlmBatches.Item> items = ids.stream().map(id -> new LlmBatches.Item(id, "p" + id, "k" + id, null)).toList();
        // The process died between writing the batch and the API accepting it (its leases then ran out).
        try (PendingWork dead = PendingWork.of(db, Duration.ofMinutes(2))) {
            dead.after(0, 100);
            db.inTransaction(c -> LlmBatches.create(c, dead, "claude-haiku-4-5", "v", items, clock.millis()));
        }
        BatchEnricher.Result r = batches().run();
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'abandoned'")).isEqualTo(1);
        assertThat(r.batchesSubmitted()).isEqualTo(1);
        assertThat(batchCreations()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(5);
    }

    @Test
    void aBatchThatReachedTheApiBeforeTheCrashIsFoundAndCollectedNotResent() throws Exception {
        start(this::clean, Duration.ofMillis(100));
        land(jobs(4, "D"));
        // Submit through the real path, then forget the API's id, as if the process died right after submitting.
        Thread t = new Thread(() -> batches().run());
        t.start();
        t.join();
        assertThat(batchCreations()).isEqualTo(1);
        // Put the database back to "written, not submitted" with the postings pending again.
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM llm_calls");
            Jdbc.update(c, "DELETE FROM job_skills");
            Jdbc.update(c, "UPDATE raw_postings SET outcome = 'pending', job_id = NULL, batch_id = "
                    + "(SELECT id FROM llm_batches)");
            Jdbc.update(c, "DELETE FROM enriched_jobs");
            Jdbc.update(c, "UPDATE llm_batches SET status = 'submitting', remote_id = NULL, submitted_at = NULL, "
                    + "ended_at = NULL, collected_at = NULL, created_at = ?", clock.millis() - 1000);
            return null;
        });
        restart();
        BatchEnricher.Result r = batches().run();
        assertThat(r.batchesSubmitted()).isZero();
        assertThat(batchCreations()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(4);
    }

    @Test
    void erroredAndExpiredRequestsReturnToPendingAndInvalidOnesFail() {
        start(r -> {
            if (r.userText().contains("Expiring")) {
                return Answer.hang();
            }
            if (r.userText().contains("Flaky")) {
                return Answer.error(500, "api_error", "Internal server error");
            }
            if (r.userText().contains("Refused")) {
                return Answer.error(400, "invalid_request_error", "messages.0.content: too long");
            }
            if (r.userText().contains("Hollow")) {
                return Answer.rawBody(200, "application/json", "{\"id\":\"msg_h\",\"type\":\"message\"}");
            }
            if (r.userText().contains("Sloppy") && r.body().get("messages").size() == 1) {
                return Answer.tool(model.classify(r.userText()).put("arrangement", "on the moon"));
            }
            return clean(r);
        }, Duration.ofMillis(200));
        List<Posting> postings = new ArrayList<>(jobs(3, "Good"));
        postings.addAll(jobs(1, "Expiring"));
        postings.addAll(jobs(1, "Flaky"));
        postings.addAll(jobs(1, "Refused"));
        postings.addAll(jobs(1, "Sloppy"));
        postings.addAll(jobs(1, "Hollow"));
        land(postings);
        BatchEnricher.Result r = batches().run();
        // A succeeded result whose message has no content or usage cannot be read or billed: asked again later.
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE 'malformed result%'"))
                .isEqualTo(1);
        assertThat(r.returnedToPending()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed' AND outcome_reason = 'bad_request'"))
                .isEqualTo(1);
        // The API's words, not the SDK object's rendering of them.
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome_reason = 'bad_request' AND last_error = "
                + "'the batch request was refused: messages.0.content: too long'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL")).isEqualTo(3);
        // The invalid answer was re-asked directly, once.
        assertThat(sim.messageCalls()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome IN ('expired', 'server_error')")).isEqualTo(3);
        // Returned postings wait for the next run rather than looping within this one.
        assertThat(batchCreations()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aBatchCanceledFromTheConsoleReturnsItsPostingsToPendingNotFailedNorLost() throws Exception {
        // Processing would take a minute: canceled at once, every request's result is "canceled".
        start(this::clean, Duration.ofSeconds(60));
        land(jobs(3, "Good"));
        AtomicReference<BatchEnricher.Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(batches().run()));
        t.start();
        awaitPolling();
        String remote = db.read(c -> Jdbc.one(c, "SELECT remote_id FROM llm_batches", rs -> rs.getString(1)));
        java.net.http.HttpResponse<String> canceled = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/v1/messages/batches/" + remote
                        + "/cancel")).header("x-api-key", "test").header("anthropic-version", "2023-06-01").POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(canceled.statusCode()).isEqualTo(200);
        t.join();
        assertThat(result.get().returnedToPending()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome <> 'pending'")).isZero();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'canceled' AND cost_usd = 0")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM llm_batches WHERE status = 'collected'")).isEqualTo(1);
        // The next run classifies them.
        sim.batchProcessing(Duration.ofMillis(100));
        batches().run();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
    }

    @Test
    void aResultWhoseUsageNoRequestOfItsCouldHaveIsMalformedNotBilled() {
        // Five million tokens in for a prompt of a few thousand: billed as it stands, $2.50 at the batch price.
        start(r -> r.userText().contains("Bloated") ? Answer.rawBody(200, "application/json", "{\"id\":\"msg_b\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\",\"content\":[{\"type\":"
                + "\"tool_use\",\"id\":\"toolu_b\",\"name\":\"record_classification\",\"input\":"
                + model.classify(r.userText()) + "}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":5000000,"
                + "\"output_tokens\":80,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}")
                : clean(r), Duration.ofMillis(200));
        List<Posting> postings = new ArrayList<>(jobs(2, "Good"));
        postings.addAll(jobs(1, "Bloated"));
        land(postings);
        BatchEnricher.Result r = batches().run();
        assertThat(r.returnedToPending()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE "
                + "'malformed result: usage reports 5000000 input tokens%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE input_tokens > 100000")).isZero();
        double spent = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) FROM llm_calls", rs -> rs.getDouble(1)));
        assertThat(spent).isLessThan(0.1);
    }

    @Test
    @Timeout(60)
    void underABudgetAnAnswerReAskedDirectlyDoesNotWaitForTheBatchsOwnReservations() {
        // Every first answer is invalid: each is re-asked directly, under the run's budget, while the
        // thread that reads the results still holds the reservations of the batch's other requests.
        MessagesSimulator server = MessagesSimulator.start(r -> r.body().get("messages").size() == 1
                ? Answer.tool(model.classify(r.userText()).put("arrangement", "on the moon")) : clean(r))
                .batchProcessing(Duration.ofMillis(100));
        rig = ClaudeRig.start(databaseUrl(), clock, server, Fixtures.claude(server.baseUrl(), 4, 3, 10).with(null, 0.30));
        sim = rig.sim;
        db = rig.db;
        runner = rig.runner();
        land(jobs(60, "R"));
        BatchEnricher.Result r = batches().run();
        assertThat(r.batchesCollected()).isEqualTo(r.batchesSubmitted()).isPositive();
        assertThat(sim.messageCalls()).as("the re-asks that fitted were sent").isPositive();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(sim.messageCalls());
        // A re-ask that does not fit beside the reservations of answers still to be read leaves its posting
        // pending for the next run, the rest of the batch collected, and the run says the budget stopped it.
        long pending = count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL");
        assertThat(pending).isEqualTo(r.returnedToPending()).isEqualTo(60 - sim.messageCalls()).isPositive();
        assertThat(r.decided().stop().reason()).isEqualTo("budget");
        double paid = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) AS paid FROM llm_calls", rs -> rs.getDouble("paid")));
        assertThat(paid).isLessThanOrEqualTo(0.30);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }
}
