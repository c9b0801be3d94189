package dev.jobintel.classify.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.Recorded;
import dev.jobintel.classify.claude.sim.Responder;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.classify.claude.sim.SimRequest;
import dev.jobintel.classify.claude.sim.TokenCount;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.pipeline.Enricher;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.ClaudeRig;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Claude classifier end to end: postings landed in a real SQLite file, classified through
 * the official SDK against a local server speaking the Messages API, outcomes and the cost
 * ledger read back from the database.
 */
class ClaudeClassifierIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
    private final RulesResponder model = new RulesResponder();
    private ClaudeRig rig;
    private MessagesSimulator sim;
    private Database db;
    private Runner runner;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private void start(MessagesSimulator server, ClaudeConfig cfg) {
        rig = ClaudeRig.start(dir, clock, server, cfg);
        sim = rig.sim;
        db = rig.db;
        runner = rig.runner();
    }

    private void start(Responder responder, int concurrency, int maxAttempts, int timeoutSeconds) {
        MessagesSimulator server = MessagesSimulator.start(responder);
        start(server, Fixtures.claude(server.baseUrl(), concurrency, maxAttempts, timeoutSeconds));
    }

    private void start(Responder responder) {
        start(responder, 4, 3, 10);
    }

    private static Posting job(int i) {
        return Fixtures.distinctJob(i);
    }

    private void land(List<Posting> postings) {
        rig.land(postings);
    }

    /** Lands {@code n} distinct jobs and enriches them. */
    private Enricher.Result enrichDistinctJobs(int n) {
        List<Posting> many = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(job(i));
        }
        land(many);
        return runner.enrich(0);
    }

    private void land(Posting... postings) {
        land(List.of(postings));
    }

    private ObjectNode clean(SimRequest r) {
        return model.classify(r.userText());
    }

    private static boolean reAsk(SimRequest r) {
        return r.body().get("messages").size() > 1;
    }

    private Map<String, Object> posting(String id) {
        return db.read(c -> Jdbc.one(c, "SELECT outcome, outcome_reason, retryable, raw_output, last_error FROM raw_postings "
                + "WHERE source_job_id = ?", rs -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    m.put("outcome", rs.getString(1));
                    m.put("reason", rs.getString(2));
                    m.put("retryable", rs.getObject(3) == null ? null : rs.getInt(3));
                    m.put("raw", rs.getString(4));
                    m.put("error", rs.getString(5));
                    return m;
                }, id));
    }

    private long count(String sql, Object... args) {
        return rig.count(sql, args);
    }

    private List<Recorded> messageRequests() {
        return sim.requests().stream().filter(r -> r.path().equals("/v1/messages")).toList();
    }

    @Test
    void aCleanToolAnswerBecomesAnEnrichedJobWithModelAndPromptVersion() {
        start(this::cleanAnswer);
        land(job(1));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.enriched()).isEqualTo(1);
        assertThat(sim.messageCalls()).isEqualTo(1);
        ClaudeClassifier k = (ClaudeClassifier) runner.classifier();
        Map<String, Object> job = db.read(c -> Jdbc.one(c, "SELECT family, subfamily, seniority, classifier, model, "
                + "prompt_version FROM enriched_jobs", rs -> Map.of("family", rs.getString(1), "subfamily", rs.getString(2),
                "seniority", rs.getString(3), "classifier", rs.getString(4), "model", rs.getString(5),
                "version", rs.getString(6))));
        assertThat(job).containsEntry("family", "data").containsEntry("subfamily", "data_engineering")
                .containsEntry("seniority", "senior").containsEntry("classifier", "claude")
                .containsEntry("model", "claude-haiku-4-5").containsEntry("version", k.promptVersion());
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid' AND answer IS NOT NULL "
                + "AND answered_model = 'claude-haiku-4-5-20251001' AND request_id IS NOT NULL")).isEqualTo(1);
    }

    private Answer cleanAnswer(SimRequest r) {
        return Answer.tool(clean(r));
    }

    @Test
    void incident1ExplicitNullsAreReAskedOnceAndThenFailWithTheRawAnswerKept() {
        start(r -> Answer.tool(clean(r).putNull("family").putNull("subfamily")));
        land(job(1));
        runner.enrich(0);
        Map<String, Object> p = posting("g1");
        assertThat(p).containsEntry("outcome", "failed").containsEntry("reason", "invalid_output")
                .containsEntry("retryable", 0);
        assertThat((String) p.get("raw")).contains("\"family\":null");
        assertThat(sim.messageCalls()).isEqualTo(2);
        // The re-ask answers the tool call with an error result naming the problem.
        JsonNode second = messageRequests().get(1).body().get("messages");
        assertThat(second).hasSize(3);
        JsonNode result = second.get(2).get("content").get(0);
        assertThat(result.get("type").asText()).isEqualTo("tool_result");
        assertThat(result.get("is_error").asBoolean()).isTrue();
        assertThat(result.toString()).contains("family is missing");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'invalid'")).isEqualTo(2);
    }

    @Test
    void incident1NullStringsAreDefaultsAndEnumSynonymsAreAccepted() {
        start(r -> Answer.tool(clean(r).put("seniority", "Sr").put("track", "null").put("arrangement", "Remote-First")
                .put("position_type", "None").put("equity", "null")));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        Map<String, String> job = db.read(c -> Jdbc.one(c, "SELECT seniority, track, arrangement, position_type, defaulted "
                + "FROM enriched_jobs", rs -> Map.of("seniority", rs.getString(1), "track", rs.getString(2),
                "arrangement", rs.getString(3), "position_type", rs.getString(4), "defaulted", rs.getString(5))));
        assertThat(job).containsEntry("seniority", "senior").containsEntry("arrangement", "remote")
                .containsEntry("track", "ic").containsEntry("position_type", "full_time")
                .containsEntry("defaulted", "equity,position_type,track");
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void aLevelWithAGlossAndPayWrittenAsTextAreTakenWithoutASecondPaidCall() {
        start(r -> {
            ObjectNode answer = clean(r).put("seniority", "Senior (5+ years)").putNull("years_min").putNull("years_max");
            answer.putObject("salary").put("min", "£45k pa").put("max", "£55k pa").putNull("currency").putNull("period");
            return Answer.tool(answer);
        });
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(1);
        Map<String, Object> job = db.read(c -> Jdbc.one(c, "SELECT seniority, salary_min, salary_max, salary_currency, "
                + "salary_period, years_min FROM enriched_jobs", rs -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    for (int i = 1; i <= 6; i++) {
                        m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    return m;
                }));
        assertThat(job).containsEntry("seniority", "senior").containsEntry("salary_currency", "GBP")
                .containsEntry("salary_period", "year").containsEntry("years_min", null);
        assertThat(((Number) job.get("salary_min")).doubleValue()).isEqualTo(45_000.0);
        assertThat(((Number) job.get("salary_max")).doubleValue()).isEqualTo(55_000.0);
    }

    @Test
    void aSalaryWrittenAsOneStringIsStoredFromTheOneCallThatPaidForIt() {
        start(r -> Answer.tool(clean(r).put("salary", "£45k–£55k pa")));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(1);
        Object[] pay = db.read(c -> Jdbc.one(c, "SELECT salary_min, salary_max, salary_currency, salary_period "
                + "FROM enriched_jobs", rs -> new Object[] {rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getString(4)}));
        assertThat(pay).containsExactly(45_000.0, 55_000.0, "GBP", "year");
    }

    @Test
    void twoLevelsInOneAnswerAreAskedAgainNotStoredAsEither() {
        start(r -> Answer.tool(clean(r).put("seniority", reAsk(r) ? "staff" : "senior / staff")));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(2);
        assertThat(messageRequests().get(1).body().toString()).contains("seniority 'senior / staff' names senior and staff");
        String seniority = db.read(c -> Jdbc.one(c, "SELECT seniority FROM enriched_jobs", rs -> rs.getString(1)));
        assertThat(seniority).isEqualTo("staff");
    }

    @Test
    void incidents12And15AnOutOfVocabularyAnswerIsReAskedAndTheCorrectionKept() {
        start(r -> reAsk(r) ? Answer.tool(clean(r))
                : Answer.tool(clean(r).put("arrangement", "one of remote, hybrid, onsite").put("seniority", "wizard")));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(2);
        assertThat(messageRequests().get(1).body().toString()).contains("seniority 'wizard' is not allowed");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'invalid'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'valid'")).isEqualTo(1);
    }

    @Test
    void incident14MalformedJsonIsReAskedThenFailsInvalidOutputWithTheTextKept() {
        start(r -> Answer.text("Here you go: {\"family\": \"data\", \"subfamily\": "));
        land(job(1));
        runner.enrich(0);
        Map<String, Object> p = posting("g1");
        assertThat(p).containsEntry("outcome", "failed").containsEntry("reason", "invalid_output");
        assertThat((String) p.get("raw")).contains("{\"family\": \"data\", \"subfamily\": ");
        assertThat(sim.messageCalls()).isEqualTo(2);
    }

    @Test
    void aMalformedResponseBodyIsRetriedLikeAServerError() {
        start(r -> r.attempt() == 1 ? Answer.rawBody(200, "application/json", "{\"id\":\"msg_1\",\"content\":[")
                : Answer.tool(clean(r)));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error'")).isEqualTo(1);
    }

    @Test
    void aWellFormedBodyWithoutTheFieldsOfAnAnswerIsMalformedToo() {
        // Valid JSON, but no content and no usage: the SDK only notices when a field is read.
        start(r -> r.attempt() == 1 ? Answer.rawBody(200, "application/json", "{}")
                // A tool call without the tool's name.
                : r.attempt() == 2 ? Answer.rawBody(200, "application/json", "{\"id\":\"msg_2\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\",\"content\":[{\"type\":\"tool_use\","
                        + "\"id\":\"t\",\"input\":{}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":5,"
                        + "\"output_tokens\":1}}")
                : Answer.tool(clean(r)));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE "
                + "'malformed response body%'")).isEqualTo(2);
    }

    /** One posting enriched by the third answer, the two before it recorded as malformed for their usage. */
    private void enrichPastTwoImpossibleUsages() {
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE "
                + "'malformed response body: usage reports%'")).isEqualTo(2);
    }

    @Test
    void aUsageNoAnswerCanHaveIsMalformedNotBilled() {
        String body = "{\"id\":\"msg_u\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"x\"}],\"stop_reason\":\"end_turn\",\"usage\":%s}";
        // A negative count would fail the cost ledger's check; a trillion tokens would stall the rate limiter.
        start(r -> r.attempt() == 1 ? Answer.rawBody(200, "application/json",
                        String.format(body, "{\"input_tokens\":-1000,\"output_tokens\":-5}"))
                : r.attempt() == 2 ? Answer.rawBody(200, "application/json",
                        String.format(body, "{\"input_tokens\":1000000000000,\"output_tokens\":100000000000}"))
                : Answer.tool(clean(r)));
        enrichPastTwoImpossibleUsages();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE input_tokens < 0 OR input_tokens > 10000000")).isZero();
    }

    @Test
    void aUsageFarBeyondWhatTheRequestHoldsIsMalformedNotBilled() {
        // Below any context window, so no answer at all could not have it; but this request's prompt is a few
        // thousand tokens and it allows 1,024 out: five million in (or 900,000 out) would be billed as $5.
        String body = "{\"id\":\"msg_u\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_u\",\"name\":\"record_classification\",\"input\":%s}],"
                + "\"stop_reason\":\"tool_use\",\"usage\":%s}";
        start(r -> r.attempt() == 1 ? Answer.rawBody(200, "application/json", String.format(body, clean(r),
                        "{\"input_tokens\":5000000,\"output_tokens\":80,\"cache_creation_input_tokens\":0,"
                                + "\"cache_read_input_tokens\":0}"))
                : r.attempt() == 2 ? Answer.rawBody(200, "application/json", String.format(body, clean(r),
                        "{\"input_tokens\":300,\"output_tokens\":900000,\"cache_creation_input_tokens\":0,"
                                + "\"cache_read_input_tokens\":0}"))
                : Answer.tool(clean(r)));
        enrichPastTwoImpossibleUsages();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE input_tokens > 100000 OR output_tokens > 1024")).isZero();
        double spent = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) FROM llm_calls", rs -> rs.getDouble(1)));
        assertThat(spent).isLessThan(0.1);
    }

    @Test
    void theWorkspacesOwnUsageLimitStopsTheRunLikeASpendLimit() {
        start(r -> Answer.error(400, "invalid_request_error", "You have reached your specified API usage limits. "
                + "You will regain access on 2026-12-01 at 00:00 UTC."));
        land(job(1), job(2));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop()).isNotNull();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(2);
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void incident13AnAnswerCutByMaxTokensIsAskedAgainWithMoreRoom() {
        start(r -> r.maxTokens() < 4096 ? Answer.truncated("{\"family\":\"data\",\"skills\":[\"Python\",")
                : Answer.tool(clean(r)));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        List<Recorded> requests = messageRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).body().get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(requests.get(1).body().get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'truncated'")).isEqualTo(1);
    }

    @Test
    void aRefusalIsFailedRefusedAndNotRetried() {
        start(r -> Answer.refusal());
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "failed").containsEntry("reason", "refused")
                .containsEntry("retryable", 0);
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    /** A 200 message with this content (JSON array) and stop_reason, and a usage of 100 input and 20 output tokens. */
    private static Answer message(String content, String stopReason) {
        return Answer.rawBody(200, "application/json", "{\"id\":\"msg_r\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-haiku-4-5\",\"content\":" + content + ",\"stop_reason\":\"" + stopReason + "\","
                + "\"usage\":{\"input_tokens\":100,\"output_tokens\":20,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0}}");
    }

    private static String toolCall(String id, String input) {
        return "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"record_classification\",\"input\":" + input + "}";
    }

    private static boolean reAsked(SimRequest r) {
        return r.body().toString().contains("The answer was not valid");
    }

    @Test
    void anAnswerWithNothingInItIsReAskedInARequestTheApiTakes() {
        // The API refuses (400) a conversation with an empty assistant turn or a blank text block: sent back as
        // they came, these answers failed their postings as bad requests, and five in a row stopped the run.
        start(r -> reAsked(r) ? Answer.tool(clean(r))
                : r.userText().contains("Team 1.") ? message("[]", "end_turn")
                : r.userText().contains("Team 2.") ? message("[{\"type\":\"text\",\"text\":\" \"}]", "end_turn")
                : message("[]", "pause_turn"));
        land(job(1), job(2), job(3));
        runner.enrich(0);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'bad_request'")).isZero();
        // The problems follow the posting in its own turn: there is no answer to send back.
        JsonNode reAsk = messageRequests().stream().filter(q -> q.body().toString().contains("The answer was not valid"))
                .findFirst().orElseThrow().body().get("messages");
        assertThat(reAsk).hasSize(1);
        assertThat(reAsk.get(0).get("content")).hasSize(2);
    }

    @Test
    void twoCallsOfTheToolAreReadInTurnAndAReAskAnswersEachOfThem() {
        start(r -> {
            if (r.userText().contains("Team 1.")) {
                // The first call is invalid, the second valid: the valid one is the answer, at no extra request.
                return message("[" + toolCall("toolu_a", "{\"family\":\"wizardry\"}") + ","
                        + toolCall("toolu_b", clean(r).toString()) + "]", "tool_use");
            }
            // Both invalid: the re-ask must answer both calls, or the API refuses it.
            return reAsked(r) ? Answer.tool(clean(r)) : message("[" + toolCall("toolu_c", "{\"family\":\"wizardry\"}")
                    + "," + toolCall("toolu_d", "{\"family\":\"sorcery\"}") + "]", "tool_use");
        });
        land(job(1), job(2));
        runner.enrich(0);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(2);
        assertThat(sim.messageCalls()).isEqualTo(3);
        JsonNode results = messageRequests().stream().filter(q -> q.body().get("messages").size() == 3).findFirst()
                .orElseThrow().body().get("messages").get(2).get("content");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("tool_use_id").asText()).isEqualTo("toolu_c");
        assertThat(results.get(0).toString()).contains("wizardry");
        assertThat(results.get(1).get("tool_use_id").asText()).isEqualTo("toolu_d");
    }

    @Test
    void aToolInputSentAsTextIsReadAndSentBackAsTheObjectItMeans() {
        start(r -> {
            if (reAsked(r)) {
                return Answer.tool(clean(r));
            }
            ObjectNode answer = clean(r);
            if (r.userText().contains("Team 1.")) {
                // Valid, but as a JSON string fenced in Markdown: read as the object it holds.
                return message("[" + toolCall("toolu_a", com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        "```json\n" + answer + "\n```").toString()) + "]", "tool_use");
            }
            if (r.userText().contains("Team 2.")) {
                // Valid, but wrapped in one field.
                return message("[" + toolCall("toolu_b", "{\"input\":" + answer + "}") + "]", "tool_use");
            }
            // Invalid, as a string, after a block of a kind no request carries: the re-ask sends the call back
            // with the object (the API refuses a tool call whose input is text) and without the unknown block.
            return message("[{\"type\":\"server_tool_use_v9\",\"id\":\"x\"}," + toolCall("toolu_c",
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(answer.put("family", "wizardry").toString())
                            .toString()) + "]", "tool_use");
        });
        land(job(1), job(2), job(3));
        runner.enrich(0);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(3);
        assertThat(sim.messageCalls()).isEqualTo(4);
        JsonNode sentBack = messageRequests().stream().filter(q -> q.body().get("messages").size() == 3).findFirst()
                .orElseThrow().body().get("messages").get(1).get("content");
        assertThat(sentBack).hasSize(1);
        assertThat(sentBack.get(0).get("input").get("family").asText()).isEqualTo("wizardry");
    }

    @Test
    void anAnswerWhoseModelIsNoTextIsAMalformedBodyNotALostBill() {
        // Read only after the answer was billed in the run's totals, the model failed the posting as a bug
        // (classifier_error, not retryable) with nothing in the cost ledger.
        start(r -> r.attempt() == 1 ? Answer.rawBody(200, "application/json", "{\"id\":\"msg_m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":42,\"content\":[" + toolCall("toolu_m", clean(r).toString())
                + "],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":100,\"output_tokens\":20}}")
                : Answer.tool(clean(r)));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE "
                + "'malformed response body: `model` is not a string%'")).isEqualTo(1);
        ClaudeStats.Snapshot s = ((ClaudeClassifier) runner.classifier()).stats();
        assertThat(StatusReport.read(db).cost().costUsd()).isCloseTo(s.costUsd(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aConnectionTheServerDropsIsRetriedAndSaysSo() {
        start(r -> r.attempt() <= 2 ? Answer.disconnect() : Answer.tool(clean(r)), 1, 3, 10);
        land(job(1), job(2));
        runner.enrich(0);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE 'connection %'"))
                .isEqualTo(4);

        // Dropped on every attempt: failed, retryable, and the ledger says the connection failed.
        rig.close();
        rig = null;
        start(r -> Answer.disconnect(), 1, 2, 10);
        land(job(3));
        runner.enrich(0);
        Map<String, Object> p = posting("g3");
        assertThat(p).containsEntry("outcome", "failed").containsEntry("reason", "server_error")
                .containsEntry("retryable", 1);
        assertThat((String) p.get("error")).startsWith("connection failed: ");
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterItGives() {
        start(r -> r.attempt() == 1
                ? Answer.error(429, "rate_limit_error", "Number of requests has exceeded your rate limit",
                Map.of("retry-after", "1"))
                : Answer.tool(clean(r)));
        land(job(1));
        long t0 = System.nanoTime();
        runner.enrich(0);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'rate_limited' AND http_status = 429")).isEqualTo(1);
    }

    @Test
    void a429WithANegativeRetryAfterIsRetriedWithBackoffNotFailedAsABug() {
        start(r -> switch (r.attempt()) {
            case 1 -> Answer.error(429, "rate_limit_error", "rate limited", Map.of("retry-after", "-1"));
            case 2 -> Answer.error(429, "rate_limit_error", "rate limited", Map.of("retry-after-ms", "-250"));
            default -> Answer.tool(clean(r));
        });
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(3);
    }

    @Test
    void a529AndA500AreRetriedWithBackoff() {
        start(r -> switch (r.attempt()) {
            case 1 -> Answer.error(529, "overloaded_error", "Overloaded");
            case 2 -> Answer.error(500, "api_error", "Internal server error");
            default -> Answer.tool(clean(r));
        });
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "enriched");
        assertThat(sim.messageCalls()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome IN ('overloaded', 'server_error')")).isEqualTo(2);
    }

    @Test
    void retriesThatRunOutLeaveTheFailureRetryable() {
        start(r -> Answer.error(529, "overloaded_error", "Overloaded"));
        land(job(1));
        runner.enrich(0);
        assertThat(posting("g1")).containsEntry("outcome", "failed").containsEntry("reason", "overloaded")
                .containsEntry("retryable", 1);
        assertThat(sim.messageCalls()).isEqualTo(3);
    }

    @Test
    void a400FailsThePostingWithoutARetry() {
        start(r -> Answer.error(400, "invalid_request_error", "messages: text content blocks must be non-empty"));
        land(job(1));
        runner.enrich(0);
        Map<String, Object> p = posting("g1");
        assertThat(p).containsEntry("outcome", "failed").containsEntry("reason", "bad_request")
                .containsEntry("retryable", 0);
        assertThat((String) p.get("error")).contains("text content blocks must be non-empty");
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void aRunOf400sStopsTheRunInsteadOfFailingEveryPosting() {
        start(r -> Answer.error(400, "invalid_request_error", "tools.0.input_schema: invalid"), 1, 3, 10);
        Enricher.Result r = enrichDistinctJobs(20);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("bad_requests");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'"))
                .isEqualTo(ClaudeClassifier.BAD_REQUEST_LIMIT - 1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'"))
                .isEqualTo(20 - ClaudeClassifier.BAD_REQUEST_LIMIT + 1);
    }

    @Test
    void anApiThatFailsEveryRequestStopsTheRunInsteadOfFailingEveryPosting() {
        start(r -> Answer.error(500, "api_error", "Internal server error"), 1, 2, 10);
        Enricher.Result r = enrichDistinctJobs(20);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("api_failing");
        assertThat(r.stop().getMessage()).contains("Internal server error").contains("jobintel retry");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed' AND retryable = 1"))
                .isEqualTo(ClaudeClassifier.EXHAUSTED_LIMIT - 1);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'"))
                .isEqualTo(20 - ClaudeClassifier.EXHAUSTED_LIMIT + 1);
        assertThat(sim.messageCalls()).isEqualTo(2 * ClaudeClassifier.EXHAUSTED_LIMIT);
    }

    @Test
    void a401StopsTheRunAtOnceAndEveryPostingStaysPending() {
        start(r -> Answer.error(401, "authentication_error", "invalid x-api-key"), 8, 3, 10);
        Enricher.Result r = enrichDistinctJobs(40);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("authentication");
        assertThat(r.stop().getMessage()).contains("invalid x-api-key").contains("ANTHROPIC_API_KEY")
                .doesNotContain("sk-test");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
        // The first request goes alone (it primes the prompt cache), so one refusal is all it takes.
        assertThat(sim.messageCalls()).isEqualTo(1);
        assertThat(StatusReport.read(db).violations()).isEmpty();
    }

    @Test
    void aServerThatIsNotTheApiStopsTheRunWithEveryPostingPendingAndNamesTheBaseUrl() {
        // A base URL that points at some other server (one path too many, a dashboard): it answers 405 in plain text.
        start(r -> Answer.rawBody(405, "text/plain", "Method Not Allowed"), 2, 3, 10);
        Enricher.Result r = enrichDistinctJobs(10);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("not_the_api");
        assertThat(r.stop().getMessage()).contains("HTTP 405 \"Method Not Allowed\"")
                .contains("ANTHROPIC_BASE_URL");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
    }

    @Test
    void aSpendLimit429StopsTheRunLikeABillingError() {
        start(r -> Answer.spendLimit());
        land(job(1), job(2));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("spend_limit");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(2);
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void aKeyTheServerEchoesBackIsNeitherShownNorStored() {
        start(r -> Answer.error(401, "authentication_error", "invalid x-api-key: sk-test-not-a-real-key"));
        land(job(1));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop().getMessage()).contains("invalid x-api-key").doesNotContain("sk-test-not-a-real-key");
        long stored = count("SELECT count(*) FROM llm_calls WHERE error LIKE '%sk-test-not-a-real-key%'")
                + count("SELECT count(*) FROM raw_postings WHERE last_error LIKE '%sk-test-not-a-real-key%'");
        assertThat(stored).isZero();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE error LIKE '%invalid x-api-key: ***%'")).isEqualTo(1);
    }

    @Test
    void aCreditBalanceTooLowStopsTheRunAsABillingMatter() {
        start(r -> Answer.error(400, "invalid_request_error",
                "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."));
        land(job(1), job(2));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop().reason()).isEqualTo("billing");
        assertThat(r.stop().getMessage()).contains("credit balance").doesNotContain("wait for it to reset");
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(2);
    }

    @Test
    void aHangingServerTimesOutAndThePostingFailsRetryable() {
        start(r -> Answer.hang(), 2, 2, 1);
        land(job(1));
        long t0 = System.nanoTime();
        runner.enrich(0);
        assertThat(System.nanoTime() - t0).isBetween(2_000_000_000L, 20_000_000_000L);
        assertThat(posting("g1")).containsEntry("outcome", "failed").containsEntry("reason", "timeout")
                .containsEntry("retryable", 1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'timeout'")).isEqualTo(2);
    }

    @Test
    void anApiNothingAnswersAtStopsTheRunAndLeavesThePostingsPending() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        MessagesSimulator unused = MessagesSimulator.start(model);
        start(unused, Fixtures.claude("http://127.0.0.1:" + closedPort, 2, 3, 10));
        land(job(1), job(2), job(3), job(4));
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("unreachable");
        assertThat(r.stop().getMessage()).contains("cannot reach the Claude API").contains("ANTHROPIC_BASE_URL");
        // No posting is failed for the API's absence: each waits for a run that can reach it.
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'server_error' AND error LIKE 'cannot connect%'"))
                .as("each attempt is in the cost ledger").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theRequestCachesTheStablePrefixAndCarriesTitleAndHints() {
        start(this::cleanAnswer, 1, 3, 10);
        Hints hints = new Hints(null, "hybrid", null, "FullTime", "Data Platform", "mid_senior_level", List.of("DE"),
                Map.of());
        Posting p = new Posting("smartrecruiters", "s1", "https://jobs.example.com/s1", "Acme", "Staff Analytics Engineer",
                "Berlin, Germany", Fixtures.DESCRIPTION, Instant.parse("2026-11-01T09:00:00Z"), hints);
        land(p, job(2));
        runner.enrich(0);
        JsonNode body = messageRequests().get(0).body();
        JsonNode system = body.get("system");
        JsonNode last = system.get(system.size() - 1);
        assertThat(last.get("cache_control").get("type").asText()).isEqualTo("ephemeral");
        for (int i = 0; i < system.size() - 1; i++) {
            assertThat(system.get(i).has("cache_control")).isFalse();
        }
        StringBuilder prefix = new StringBuilder(body.get("tools").toString());
        system.forEach(b -> prefix.append(b.get("text").asText()));
        assertThat(TokenCount.of(prefix.toString())).isGreaterThan(ClaudeClassifier.minimumCacheable("claude-haiku-4-5"));
        assertThat(body.get("tool_choice").get("type").asText()).isEqualTo("tool");
        assertThat(body.get("tool_choice").get("name").asText()).isEqualTo(ClassificationTool.NAME);
        // The request of the posting with hints, whichever of the two was asked first.
        String user = messageRequests().stream().map(r -> r.body().get("messages").get(0).toString())
                .filter(u -> u.contains("Title: Staff Analytics Engineer")).findFirst().orElseThrow();
        assertThat(user).contains("employment type: FullTime", "workplace: hybrid",
                "department: Data Platform", "experience level: mid_senior_level");
        // The second request reads the prefix the first one wrote.
        List<Long[]> usage = db.read(c -> Jdbc.query(c, "SELECT cache_write_tokens, cache_read_tokens FROM llm_calls ORDER BY id",
                rs -> new Long[] {rs.getLong(1), rs.getLong(2)}));
        assertThat(usage).hasSize(2);
        assertThat(usage.get(0)[0]).isPositive();
        assertThat(usage.get(1)[1]).isEqualTo(usage.get(0)[0]);
        assertThat(usage.get(1)[0]).isZero();
    }

    @Test
    void usageFromTheResponsesAddsUpToTheCostsStoredAndShown() {
        start(this::cleanAnswer, 4, 3, 10);
        List<Posting> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(job(i));
        }
        land(many);
        runner.enrich(0);
        ClaudeClassifier k = (ClaudeClassifier) runner.classifier();
        ClaudeStats.Snapshot s = k.stats();
        StatusReport status = StatusReport.read(db);
        var t = status.cost();
        assertThat(t.calls()).isEqualTo(30);
        assertThat(new long[] {t.inputTokens(), t.outputTokens(), t.cacheWriteTokens(), t.cacheReadTokens()})
                .containsExactly(s.usage().input(), s.usage().output(), s.usage().cacheWrite(), s.usage().cacheRead());
        // The stored cost is the tokens at Haiku 4.5's published prices, to the cent and beyond.
        double expected = (t.inputTokens() * 1.00 + t.outputTokens() * 5.00 + t.cacheWriteTokens() * 1.25
                + t.cacheReadTokens() * 0.10) / 1_000_000;
        assertThat(t.costUsd()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.costUsd()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.costPerJob()).isCloseTo(expected / 30, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(t.cacheHitRatio()).isGreaterThan(0.5);
    }

    @Test
    void incident16AnAnswerOnRecordIsNeverPaidForAgain() {
        start(this::cleanAnswer);
        land(job(1), job(2));
        runner.enrich(0);
        assertThat(sim.messageCalls()).isEqualTo(2);
        // The jobs are lost (an older version, a hand-made script): backfill re-queues the postings,
        // and their answers come from the cost ledger, not from the API.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobintel.db"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("DELETE FROM job_skills");
            st.execute("DELETE FROM enriched_jobs");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(dev.jobintel.store.Requeue.dangling(db, null, clock.millis())).isEqualTo(2);
        restartRunner();
        Enricher.Result r = runner.enrich(0);
        assertThat(r.enriched()).isEqualTo(2);
        assertThat(sim.messageCalls()).isEqualTo(2);
        assertThat(((ClaudeClassifier) runner.classifier()).stats().reused()).isEqualTo(2);
    }

    @Test
    void theSameTextAtAnotherPlaceIsAskedAgainBecauseTheAnswerDependsOnThePlace() {
        start(this::cleanAnswer);
        land(Fixtures.posting("greenhouse", "a", "Acme", "Senior Data Engineer", "London, UK", Fixtures.DESCRIPTION),
                Fixtures.posting("greenhouse", "b", "Acme", "Senior Data Engineer", "Remote - US", Fixtures.DESCRIPTION),
                // The same job on another board: merged, not asked.
                Fixtures.posting("lever", "c", "Acme", "Senior Data Engineer", "London", Fixtures.DESCRIPTION));
        runner.enrich(0);
        assertThat(count("SELECT count(*) FROM enriched_jobs")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'merged'")).isEqualTo(1);
        assertThat(sim.messageCalls()).isEqualTo(2);
        List<String> arrangements = db.read(c -> Jdbc.query(c, "SELECT arrangement FROM enriched_jobs ORDER BY place",
                rs -> rs.getString(1)));
        assertThat(arrangements).contains("remote");
    }

    private void restartRunner() {
        runner = rig.restart();
    }

    @Test
    void theBudgetStopsTheRunBeforeItIsExceeded() {
        MessagesSimulator server = MessagesSimulator.start(this::cleanAnswer);
        start(server, Fixtures.claude(server.baseUrl(), 2, 3, 10).with(null, 0.20));
        List<Posting> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(job(i));
        }
        land(many);
        Enricher.Result r = runner.enrich(0);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("budget");
        double spent = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) FROM llm_calls", rs -> rs.getDouble(1)));
        assertThat(spent).isPositive().isLessThanOrEqualTo(0.20);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isPositive();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'failed'")).isZero();
    }

    @Test
    void aRequestThatGotNoAnswerCountsAtItsWorstCaseAgainstTheBudget() {
        // A timed-out request may still be billed by the API, for an amount no one here knows: counted as
        // nothing, a slow API could take a run past its budget by every request it timed out on.
        MessagesSimulator server = MessagesSimulator.start(r -> Answer.hang());
        start(server, Fixtures.claude(server.baseUrl(), 1, 1, 1).with(null, 0.30));
        Enricher.Result r = enrichDistinctJobs(10);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("budget");
        assertThat(r.stop().getMessage()).contains("requests that got no answer, counted at their worst case");
        assertThat(count("SELECT count(*) FROM llm_calls WHERE outcome = 'timeout'")).isBetween(1L, 5L);
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isPositive();
    }

    @Test
    void aBudgetThatCoversTheRunIsNotStoppedByTheWorstCasesOfRequestsInFlight() {
        // Each request reserves its worst case (the whole prefix as a cache write, all of max_tokens),
        // about fifty times what it costs: sixteen of them in flight hold more than this budget, yet
        // the sixty requests cost a fraction of it. Reservations in flight are waited out, not a stop.
        MessagesSimulator server = MessagesSimulator.start(this::cleanAnswer).latency(Duration.ofMillis(50));
        start(server, Fixtures.claude(server.baseUrl(), 16, 3, 10).with(null, 0.60));
        Enricher.Result r = enrichDistinctJobs(60);
        assertThat(r.stop()).isNull();
        assertThat(count("SELECT count(*) FROM raw_postings WHERE outcome = 'pending'")).isZero();
        double spent = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) FROM llm_calls", rs -> rs.getDouble(1)));
        assertThat(spent).isPositive().isLessThanOrEqualTo(0.60);
    }

    @Test
    void anAnswerThatLeavesOutItsCacheCountsDoesNotShrinkTheWorstCaseTheBudgetHolds() {
        // The first answer's usage gives its uncached input alone, no cache counts: taken as the prompt's
        // size, it would size every later worst case without the prefix, which each request below pays
        // in full as a cache write (the API's clock moves ten minutes each time it is read: the cache
        // lapses between requests).
        Clock lapsing = MutableClock.ticking("2026-11-20T08:00:00Z", Duration.ofMinutes(10));
        AtomicInteger requests = new AtomicInteger();
        MessagesSimulator server = MessagesSimulator.start(r -> {
            if (requests.incrementAndGet() > 1) {
                return Answer.tool(clean(r));
            }
            return Answer.rawBody(200, "application/json", "{\"id\":\"msg_p\",\"type\":\"message\",\"role\":"
                    + "\"assistant\",\"model\":\"claude-haiku-4-5-20251001\",\"content\":[{\"type\":\"tool_use\","
                    + "\"id\":\"toolu_p\",\"name\":\"record_classification\",\"input\":" + clean(r) + "}],"
                    + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":300,"
                    + "\"output_tokens\":80}}");
        }).clock(lapsing);
        start(server, Fixtures.claude(server.baseUrl(), 4, 3, 10).with(null, 0.12));
        Enricher.Result r = enrichDistinctJobs(40);
        assertThat(r.stop()).isNotNull();
        assertThat(r.stop().reason()).isEqualTo("budget");
        assertThat(requests.get()).isGreaterThan(1);
        assertThat(count("SELECT count(*) FROM llm_calls WHERE cache_write_tokens > 0")).isEqualTo(requests.get() - 1);
        double spent = db.read(c -> Jdbc.one(c, "SELECT sum(cost_usd) FROM llm_calls", rs -> rs.getDouble(1)));
        assertThat(spent).isLessThanOrEqualTo(0.12);
    }

    @Test
    void aThousandPostingsAtConcurrency16MakeOneCallPerPostingThatNeedsOne() {
        MessagesSimulator server = MessagesSimulator.start(this::cleanAnswer).latency(Duration.ofMillis(200));
        start(server, Fixtures.claude(server.baseUrl(), 16, 3, 10));
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            postings.add(job(i));
        }
        for (int i = 0; i < 200; i++) {
            // The same job on another board: merged, never sent.
            Posting j = job(i);
            postings.add(Fixtures.posting("lever", "l" + i, j.company(), j.title(), j.locationText(), j.description()));
        }
        for (int i = 0; i < 100; i++) {
            postings.add(Fixtures.posting("greenhouse", "short" + i, "Company " + i, "Data Engineer", "Berlin", "Apply now."));
        }
        for (int i = 0; i < 100; i++) {
            postings.add(Fixtures.posting("greenhouse", "sales" + i, "Vendor " + i, "Account Executive " + i, "Berlin",
                    "Sell our platform to mid-market customers. " + Fixtures.DESCRIPTION));
        }
        land(postings);
        Enricher.Result r = runner.enrich(0);
        assertThat(r.processed()).isEqualTo(1000);
        assertThat(r.filtered()).isEqualTo(100);
        assertThat(r.merged()).isEqualTo(200);
        assertThat(r.enriched()).isEqualTo(700);
        long byModel = count("SELECT count(*) FROM enriched_jobs WHERE classifier = 'claude'");
        assertThat(byModel).isEqualTo(600);
        assertThat(count("SELECT count(*) FROM enriched_jobs WHERE classifier = 'rules'")).isEqualTo(100);
        assertThat(sim.messageCalls()).isEqualTo(600);
        assertThat(count("SELECT count(DISTINCT raw_posting_id) FROM llm_calls")).isEqualTo(600);
        // The pipe is kept full, and never more than full (throughput is measured by 'jobintel bench claude').
        assertThat(sim.maxInFlight()).isBetween(12, 16);
    }
}
