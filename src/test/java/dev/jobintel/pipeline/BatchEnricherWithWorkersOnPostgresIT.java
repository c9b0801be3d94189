package dev.jobintel.pipeline;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.ClaudeRig;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** 'enrich --batch' beside a worker on one PostgreSQL database: each posting is paid for once, by one of them. */
class BatchEnricherWithWorkersOnPostgresIT {

    /**
     * The test's clock, which runs {@code atBatchWrite} once, the moment the batch process reads the time to write
     * its batch: after it chose the postings and before the batch holds them, the window a worker could take one in.
     */
    private static final class BatchWriteClock extends Clock {
        private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
        final AtomicReference<Runnable> atBatchWrite = new AtomicReference<>();

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (atBatchWrite.get() != null && writingABatch()) {
                Runnable r = atBatchWrite.getAndSet(null);
                if (r != null) {
                    r.run();
                }
            }
            return clock.instant();
        }

        private static boolean writingABatch() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName()
                    .equals(BatchEnricher.class.getName()) && f.getMethodName().startsWith("lambda$submit")));
        }
    }

    @Test
    void aPostingAWorkerTookOverBeforeTheBatchWasWrittenIsPaidForByTheWorkerAloneNotSentInTheBatch() {
        BatchWriteClock clock = new BatchWriteClock();
        RulesResponder model = new RulesResponder();
        MessagesSimulator sim = MessagesSimulator.start(r -> Answer.tool(model.classify(r.userText())))
                .batchProcessing(Duration.ofMillis(100));
        try (ClaudeRig batchProcess = ClaudeRig.start(Postgres.freshDatabaseUrl(), clock, sim, 4, 3, 10);
             ClaudeRig worker = batchProcess.anotherWorker()) {
            batchProcess.land(Fixtures.distinctJobs(0, 3));
            long first = batchProcess.count("SELECT min(id) FROM raw_postings");
            clock.atBatchWrite.set(() -> {
                // The batch process stalled past its lease term (a long pause, a database it could not renew on):
                // the first posting's lease ran out, and a worker claims and classifies it.
                batchProcess.db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_until = 0 WHERE id = ?",
                        first));
                assertThat(worker.runner().enrich(0).enriched()).as("the worker's run").isEqualTo(1);
            });
            ClaudeClassifier k = batchProcess.classifier();
            Runner runner = batchProcess.runner();
            BatchEnricher.Result r = new BatchEnricher(batchProcess.db, runner.pendingWork(), batchProcess.ctx.gate(),
                    batchProcess.ctx.resolver(), k, k.api(), runner.budget(), clock, 100, 2, 10_000, Duration.ofMillis(50),
                    line -> { }).run();

            assertThat(clock.atBatchWrite.get()).as("the worker ran in the window").isNull();
            assertThat(sim.messageCalls()).as("the worker's one direct call").isEqualTo(1);
            assertThat(r.requestsSent()).isEqualTo(2);
            assertThat(sim.batchRequestsAnswered()).as("the worker's posting is not in the batch").isEqualTo(2);
            assertThat(batchProcess.count("SELECT count(*) FROM llm_calls")).as("one paid call a posting").isEqualTo(3);
            assertThat(batchProcess.count("SELECT count(*) FROM llm_calls WHERE raw_posting_id = ?", first)).isEqualTo(1);
            assertThat(batchProcess.count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
            assertThat(batchProcess.count("SELECT request_count FROM llm_batches")).isEqualTo(2);
            assertThat(StatusReport.read(batchProcess.db).violations()).isEmpty();
        }
    }
}
