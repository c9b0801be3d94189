package dev.jobintel.classify.claude.sim;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator driven by the real Anthropic Java SDK, as jobintel's Claude client will drive it. */
class MessagesSimulatorIT {

    private static final String TOOL = "record_classification";
    private static final String MODEL = "claude-haiku-4-5";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** The test "model": the first word of the user text says what to do. */
    private static Answer scripted(SimRequest r) {
        String u = r.userText();
        if (u.startsWith("refuse")) {
            return Answer.refusal();
        }
        if (u.startsWith("overloaded")) {
            return Answer.error(529, "overloaded_error", "Overloaded");
        }
        if (u.startsWith("limited")) {
            return Answer.error(429, "rate_limit_error", "Number of requests has exceeded your rate limit",
                    Map.of("retry-after", "7"));
        }
        if (u.startsWith("spent")) {
            return Answer.spendLimit();
        }
        if (u.startsWith("truncated")) {
            return Answer.truncated("{\"family\":\"software_engin");
        }
        if (u.startsWith("fail")) {
            return Answer.error(500, "api_error", "Internal server error");
        }
        if (u.startsWith("hang")) {
            return Answer.hang();
        }
        if (u.startsWith("flaky") && r.attempt() == 1) {
            return Answer.error(529, "overloaded_error", "Overloaded", Map.of("retry-after-ms", "5"));
        }
        ObjectNode input = MessagesSimulator.JSON.createObjectNode().put("family", "data").put("summary", u);
        return u.startsWith("chatty") ? Answer.toolWithText("Let me record that.", input) : Answer.tool(input);
    }

    private MessagesSimulator sim(Responder responder) {
        MessagesSimulator sim = MessagesSimulator.start(responder);
        open.add(sim);
        return sim;
    }

    private AnthropicClient client(MessagesSimulator sim, int maxRetries) {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey("k")
                .baseUrl(sim.baseUrl())
                .maxRetries(maxRetries)
                .responseValidation(true)
                .timeout(Duration.ofSeconds(5))
                .build();
        open.add(0, client::close);
        return client;
    }

    private static Tool tool() {
        return Tool.builder()
                .name(TOOL)
                .description("Record the classification of one job posting.")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("family", JsonValue.from(Map.of("type", "string")))
                                .putAdditionalProperty("summary", JsonValue.from(Map.of("type", "string")))
                                .build())
                        .required(List.of("family", "summary"))
                        .build())
                .build();
    }

    private static MessageCreateParams params(String system, String user) {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(512)
                .systemOfTextBlockParams(List.of(TextBlockParam.builder()
                        .text(system)
                        .cacheControl(CacheControlEphemeral.builder().build())
                        .build()))
                .addTool(tool())
                .toolChoice(ToolChoiceTool.builder().name(TOOL).build())
                .addUserMessage(user)
                .build();
    }

    private static Map<String, Object> inputOf(ToolUseBlock use) {
        return use._input().convert(new TypeReference<Map<String, Object>>() { });
    }

    private static String longSystem(int tokens) {
        return "Classify job postings. ".repeat(tokens * 4 / 23 + 1);
    }

    @Test
    void aToolAnswerParsesAsAToolUseBlockWithTheInput() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        Message m = client.messages().create(params("Be precise.", "chatty: a data engineer"));

        assertThat(m.model().asString()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(m.id()).startsWith("msg_sim_");
        assertThat(m.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(m.content()).hasSize(2);
        assertThat(m.content().get(0).text().orElseThrow().text()).isEqualTo("Let me record that.");
        ToolUseBlock use = m.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        assertThat(use.name()).isEqualTo(TOOL);
        assertThat(use.id()).startsWith("toolu_sim_");
        Map<String, Object> input = inputOf(use);
        assertThat(input).containsEntry("family", "data").containsEntry("summary", "chatty: a data engineer");
        // output tokens: the text block plus the tool input's compact JSON
        String inputJson = "{\"family\":\"data\",\"summary\":\"chatty: a data engineer\"}";
        assertThat(m.usage().outputTokens())
                .isEqualTo(TokenCount.of("Let me record that.") + TokenCount.of(inputJson));
        assertThat(m.usage().serviceTier()).contains(Usage.ServiceTier.STANDARD);

        Recorded r = sim.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/messages");
        // SDK 3.14 sends its key as "authorization: Bearer k"; the simulator never keeps the value
        assertThat(r.headers()).containsEntry("authorization", "<redacted>").containsKey("anthropic-version");
        assertThat(r.headers().values()).doesNotContain("Bearer k", "k");
        assertThat(r.body().path("tool_choice").path("name").asText()).isEqualTo(TOOL);
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void theFirstCallWritesTheCachedPrefixAndTheSecondReadsIt() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);
        String system = longSystem(4200);

        Usage first = client.messages().create(params(system, "posting one")).usage();
        Usage second = client.messages().create(params(system, "posting two, a bit longer")).usage();

        JsonNode sent = sim.requests().get(0).body();
        int prefix = TokenCount.of(PromptCache.compact(sent.get("tools").get(0))) + TokenCount.of(system);
        assertThat(prefix).isGreaterThan(4096);
        assertThat(first.cacheCreationInputTokens()).contains((long) prefix);
        assertThat(first.cacheReadInputTokens()).contains(0L);
        assertThat(first.cacheCreation().orElseThrow().ephemeral5mInputTokens()).isEqualTo(prefix);
        assertThat(first.inputTokens()).isEqualTo(TokenCount.of("posting one"));
        assertThat(second.cacheReadInputTokens()).contains((long) prefix);
        assertThat(second.cacheCreationInputTokens()).contains(0L);
        assertThat(second.inputTokens()).isEqualTo(TokenCount.of("posting two, a bit longer"));
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        private volatile java.time.Instant now = java.time.Instant.parse("2026-03-01T09:00:00.123456Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theCacheEntryExpiresFiveMinutesAfterItsLastUseOnTheInjectedClock() {
        MutableClock clock = new MutableClock();
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted).clock(clock);
        AnthropicClient client = client(sim, 0);
        String system = longSystem(4200);

        assertThat(client.messages().create(params(system, "a")).usage().cacheCreationInputTokens().orElseThrow())
                .isPositive();
        clock.advance(Duration.ofMinutes(4));
        assertThat(client.messages().create(params(system, "b")).usage().cacheReadInputTokens().orElseThrow())
                .isPositive();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Usage expired = client.messages().create(params(system, "c")).usage();
        assertThat(expired.cacheReadInputTokens()).contains(0L);
        assertThat(expired.cacheCreationInputTokens().orElseThrow()).isPositive();
    }

    @Test
    void aPrefixBelowTheModelsMinimumIsNeverCached() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);
        String system = longSystem(3000); // > sonnet's 1024, < haiku 4.5's 4096

        for (int i = 0; i < 2; i++) {
            Usage u = client.messages().create(params(system, "posting " + i)).usage();
            JsonNode sent = sim.requests().get(i).body();
            int total = TokenCount.of(PromptCache.compact(sent.get("tools").get(0))) + TokenCount.of(system)
                    + TokenCount.of("posting " + i);
            assertThat(u.cacheCreationInputTokens()).contains(0L);
            assertThat(u.cacheReadInputTokens()).contains(0L);
            assertThat(u.inputTokens()).isEqualTo(total);
        }
    }

    @Test
    void servesSixteenConcurrentRequestsAndTheyAllPayTheCacheWrite() throws Exception {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted).latency(Duration.ofMillis(300));
        AnthropicClient client = client(sim, 0);
        client.messages().create(params("warm-up: load the SDK's classes", "warm-up"));
        String system = longSystem(4500);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Usage>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String user = "posting " + i;
                calls.add(() -> client.messages().create(params(system, user)).usage());
            }
            long start = System.nanoTime();
            List<Usage> usages = new ArrayList<>();
            for (Future<Usage> f : pool.invokeAll(calls)) {
                usages.add(f.get());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(sim.maxInFlight()).isEqualTo(16);
            assertThat(sim.inFlight()).isZero();
            assertThat(millis).isLessThan(2000);
            assertThat(usages).allSatisfy(u -> {
                assertThat(u.cacheCreationInputTokens().orElseThrow()).isPositive();
                assertThat(u.cacheReadInputTokens()).contains(0L);
            });
            // once one answer has been written, the prefix is cached
            assertThat(client.messages().create(params(system, "later")).usage().cacheReadInputTokens().orElseThrow())
                    .isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a429WithRetryAfterIsARateLimitExceptionWithTheHeader() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        assertThatThrownBy(() -> client.messages().create(params("s", "limited")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.headers().values("retry-after")).containsExactly("7");
                    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_sim_"));
                    assertThat(e.apiMessage()).contains("Number of requests has exceeded your rate limit");
                });
    }

    @Test
    void theRequestLimitRejectsTheThirdRequestInAMinuteWithoutAskingTheModel() {
        List<String> asked = new ArrayList<>();
        MessagesSimulator sim = sim(r -> {
            synchronized (asked) {
                asked.add(r.userText());
            }
            return scripted(r);
        }).requestLimit(2);
        AnthropicClient client = client(sim, 0);

        client.messages().create(params("s", "one"));
        var ok = client.messages().withRawResponse().create(params("s", "two"));
        assertThat(ok.headers().values("anthropic-ratelimit-requests-limit")).containsExactly("2");
        assertThat(ok.headers().values("anthropic-ratelimit-requests-remaining")).containsExactly("0");
        assertThat(ok.headers().values("anthropic-ratelimit-requests-reset").get(0)).endsWith("Z");
        assertThatThrownBy(() -> client.messages().create(params("s", "three")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    int retryAfter = Integer.parseInt(e.headers().values("retry-after").get(0));
                    assertThat(retryAfter).isBetween(1, 60);
                    assertThat(e.headers().values("anthropic-ratelimit-requests-remaining")).containsExactly("0");
                });
        assertThat(asked).containsExactly("one", "two");
        assertThat(sim.messageCalls()).isEqualTo(3);
    }

    @Test
    void theSpendLimitIsARateLimitExceptionWithItsErrorCodeAndNoRetryAfter() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        assertThatThrownBy(() -> client.messages().create(params("s", "spent")))
                .isInstanceOf(com.anthropic.models.EnforcedSpendLimitReachedException.class)
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.errorCode()).contains("enforced_spend_limit_reached");
                    assertThat(e.headers().values("retry-after")).isEmpty();
                });
    }

    @Test
    void a529IsAnOverloadedException() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        assertThatThrownBy(() -> client.messages().create(params("s", "overloaded")))
                .isInstanceOfSatisfying(OverloadedException.class, e -> assertThat(e.statusCode()).isEqualTo(529));
    }

    @Test
    void aRetriedRequestSeesItsAttemptNumber() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 1);

        Message m = client.messages().create(params("s", "flaky posting"));

        assertThat(m.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(sim.messageCalls()).isEqualTo(2);
        assertThat(sim.requests()).extracting(r -> r.headers().get("x-stainless-retry-count"))
                .containsExactly("0", "1");
    }

    @Test
    void aRefusalHasItsStopReasonAndDetails() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        Message m = client.messages().create(params("s", "refuse this"));

        assertThat(m.stopReason()).contains(StopReason.REFUSAL);
        assertThat(m.content()).isEmpty();
        assertThat(m.stopDetails()).hasValueSatisfying(d -> assertThat(d.category()).isPresent());
    }

    @Test
    void aTruncatedAnswerIsAnEmptyToolUseAndThePartialJsonAtMaxTokens() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);

        Message m = client.messages().create(params("s", "truncated"));

        assertThat(m.stopReason()).contains(StopReason.MAX_TOKENS);
        assertThat(m.usage().outputTokens()).isEqualTo(512);
        ToolUseBlock use = m.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        assertThat(inputOf(use)).isEmpty();
        assertThat(m.content().stream().flatMap(b -> b.text().stream()).findFirst().orElseThrow().text())
                .isEqualTo("{\"family\":\"software_engin");
    }

    @Test
    void aHangingRequestTimesOutAndARawBodyIsPassedThrough() {
        MessagesSimulator sim = sim(r -> r.userText().startsWith("raw")
                ? Answer.rawBody(200, "application/json", "{\"id\":\"msg_1\",\"type\":\"mess") : scripted(r));
        AnthropicClient client = AnthropicOkHttpClient.builder().apiKey("k").baseUrl(sim.baseUrl()).maxRetries(0)
                .timeout(Duration.ofMillis(300)).build();
        open.add(0, client::close);

        assertThatThrownBy(() -> client.messages().create(params("s", "hang"))).isInstanceOf(AnthropicException.class);
        assertThatThrownBy(() -> client.messages().create(params("s", "raw"))).isInstanceOf(AnthropicException.class);
    }

    @Test
    void withoutAnApiKeyTheAnswerIs401() throws Exception {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/messages"))
                .header("anthropic-version", "2023-06-01").POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> r = http.send(post.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode body = MessagesSimulator.JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(body.path("request_id").asText()).isEqualTo(r.headers().firstValue("request-id").orElseThrow());

        // with x-api-key (as curl and the docs send it) the request gets past authentication
        HttpResponse<String> keyed = http.send(post.header("x-api-key", "k").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keyed.statusCode()).isEqualTo(400);
        assertThat(MessagesSimulator.JSON.readTree(keyed.body()).path("error").path("type").asText())
                .isEqualTo("invalid_request_error");
        assertThat(sim.requests().get(1).headers()).containsEntry("x-api-key", "<redacted>");

        // and the SDK's view of a 401 (a blank key is sent as a blank header)
        AnthropicClient blank = AnthropicOkHttpClient.builder().apiKey(" ").baseUrl(sim.baseUrl()).maxRetries(0)
                .build();
        open.add(0, blank::close);
        assertThatThrownBy(() -> blank.messages().create(params("s", "x"))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aBatchEndsWithSucceededErroredAndExpiredResults() throws Exception {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted).batchProcessing(Duration.ofMillis(150));
        AnthropicClient client = client(sim, 0);
        String system = longSystem(4200);
        BatchCreateParams.Builder create = BatchCreateParams.builder();
        for (String user : List.of("ok-1 posting", "ok-2 posting", "fail-1 posting", "hang-1 posting")) {
            String id = user.substring(0, user.indexOf(' '));
            create.addRequest(BatchCreateParams.Request.builder().customId(id)
                    .params(BatchCreateParams.Request.Params.builder()
                            .model(MODEL)
                            .maxTokens(512)
                            .systemOfTextBlockParams(List.of(TextBlockParam.builder().text(system)
                                    .cacheControl(CacheControlEphemeral.builder().build()).build()))
                            .addTool(tool())
                            .toolChoice(ToolChoiceTool.builder().name(TOOL).build())
                            .addUserMessage(user)
                            .build())
                    .build());
        }

        MessageBatch batch = client.messages().batches().create(create.build());
        assertThat(batch.id()).startsWith("msgbatch_sim_");
        assertThat(batch.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.IN_PROGRESS);
        assertThat(batch.requestCounts().processing()).isEqualTo(4);
        assertThat(batch.resultsUrl()).isEmpty();
        assertThat(batch.createdAt().getNano() % 1000).isZero();
        assertThat(sim.batchRequestsAnswered()).isZero();
        assertThatThrownBy(() -> client.messages().batches().resultsStreaming(batch.id()).stream().count())
                .isInstanceOf(AnthropicException.class);

        MessageBatch ended = batch;
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ended.processingStatus() != MessageBatch.ProcessingStatus.ENDED && System.nanoTime() < deadline) {
            Thread.sleep(40);
            ended = client.messages().batches().retrieve(batch.id());
        }
        assertThat(ended.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.ENDED);
        assertThat(ended.requestCounts().succeeded()).isEqualTo(2);
        assertThat(ended.requestCounts().errored()).isEqualTo(1);
        assertThat(ended.requestCounts().expired()).isEqualTo(1);
        assertThat(ended.requestCounts().processing()).isZero();
        assertThat(ended.endedAt()).isPresent();
        assertThat(ended.resultsUrl()).contains(sim.baseUrl() + "/v1/messages/batches/" + batch.id() + "/results");

        Map<String, MessageBatchIndividualResponse> results;
        try (StreamResponse<MessageBatchIndividualResponse> stream =
                     client.messages().batches().resultsStreaming(batch.id())) {
            results = stream.stream().collect(Collectors.toMap(MessageBatchIndividualResponse::customId,
                    Function.identity()));
        }
        assertThat(results).containsOnlyKeys("ok-1", "ok-2", "fail-1", "hang-1");
        Message ok1 = results.get("ok-1").result().succeeded().orElseThrow().message();
        Message ok2 = results.get("ok-2").result().succeeded().orElseThrow().message();
        assertThat(ok1.usage().serviceTier()).contains(Usage.ServiceTier.BATCH);
        assertThat(ok1.content()).extracting(ContentBlock::isToolUse).containsExactly(true);
        // the first answered request wrote the cache, the second read it
        assertThat(List.of(ok1.usage().cacheCreationInputTokens().orElseThrow(),
                ok2.usage().cacheCreationInputTokens().orElseThrow())).containsExactlyInAnyOrder(0L,
                Math.max(ok1.usage().cacheCreationInputTokens().orElseThrow(),
                        ok2.usage().cacheCreationInputTokens().orElseThrow()));
        assertThat(results.get("fail-1").result().errored().orElseThrow().error().error().isApiError()).isTrue();
        assertThat(results.get("hang-1").result().isExpired()).isTrue();
        assertThat(sim.batchRequestsAnswered()).isEqualTo(4);

        assertThat(client.messages().batches().list().data()).extracting(MessageBatch::id).contains(batch.id());
        assertThat(sim.requests()).extracting(Recorded::path).contains("/v1/messages/batches",
                "/v1/messages/batches/" + batch.id() + "/results");
    }

    @Test
    void aCanceledBatchEndsWithItsRemainingRequestsCanceled() throws Exception {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted).batchProcessing(Duration.ofSeconds(30));
        AnthropicClient client = client(sim, 0);
        BatchCreateParams.Builder create = BatchCreateParams.builder();
        for (int i = 0; i < 3; i++) {
            create.addRequest(BatchCreateParams.Request.builder().customId("r" + i)
                    .params(BatchCreateParams.Request.Params.builder().model(MODEL).maxTokens(64)
                            .addUserMessage("posting " + i).build())
                    .build());
        }
        MessageBatch batch = client.messages().batches().create(create.build());

        MessageBatch canceling = client.messages().batches().cancel(batch.id());
        assertThat(canceling.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.CANCELING);
        assertThat(canceling.cancelInitiatedAt()).isPresent();
        Thread.sleep(80);
        MessageBatch ended = client.messages().batches().retrieve(batch.id());

        assertThat(ended.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.ENDED);
        assertThat(ended.requestCounts().canceled()).isEqualTo(3);
        assertThat(sim.batchRequestsAnswered()).isZero();
    }

    @Test
    void batchesAreListedNewestFirstAcrossPages() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(client.messages().batches().create(BatchCreateParams.builder()
                    .addRequest(BatchCreateParams.Request.builder().customId("only")
                            .params(BatchCreateParams.Request.Params.builder().model(MODEL).maxTokens(64)
                                    .addUserMessage("posting " + i).build())
                            .build())
                    .build()).id());
        }

        var first = client.messages().batches().list(
                com.anthropic.models.messages.batches.BatchListParams.builder().limit(2).build());

        assertThat(first.data()).extracting(MessageBatch::id).containsExactly(created.get(2), created.get(1));
        assertThat(first.hasNextPage()).isTrue();
        List<String> all = new ArrayList<>();
        first.autoPager().forEach(b -> all.add(b.id()));
        assertThat(all).containsExactly(created.get(2), created.get(1), created.get(0));
    }

    @Test
    void aBatchWithADuplicateCustomIdIsRejected() {
        MessagesSimulator sim = sim(MessagesSimulatorIT::scripted);
        AnthropicClient client = client(sim, 0);
        BatchCreateParams.Request.Params p = BatchCreateParams.Request.Params.builder().model(MODEL).maxTokens(64)
                .addUserMessage("x").build();
        BatchCreateParams create = BatchCreateParams.builder()
                .addRequest(BatchCreateParams.Request.builder().customId("same").params(p).build())
                .addRequest(BatchCreateParams.Request.builder().customId("same").params(p).build())
                .build();

        assertThatThrownBy(() -> client.messages().batches().create(create))
                .isInstanceOf(com.anthropic.errors.BadRequestException.class);
        assertThatThrownBy(() -> client.messages().batches().retrieve("msgbatch_nope"))
                .isInstanceOf(com.anthropic.errors.NotFoundException.class);
    }
}
