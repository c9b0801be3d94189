package dev.jobintel.classify.claude;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.classify.AnswerValidator;
import dev.jobintel.classify.Classification;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.ContentKey;
import dev.jobintel.classify.RunStop;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.classify.cost.CallLog;
import dev.jobintel.classify.cost.LlmCall;
import dev.jobintel.classify.cost.PriceTable;
import dev.jobintel.classify.cost.TokenUsage;
import dev.jobintel.classify.rules.RulesClassifier;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.config.ModelPrice;
import dev.jobintel.posting.Prepared;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Classifies a posting with Claude: one forced tool call, validated before anything is kept.
 *
 * <ul>
 *   <li>Never pay twice: an answer already given for the same content, model and prompt
 *       version (in this run or an earlier one) is reused; titles the rules classifier
 *       places in a non-tech family with certainty never reach the model.</li>
 *   <li>An invalid answer is re-asked once with the problems; then failed(invalid_output),
 *       raw answer kept. An answer cut by max_tokens is asked again with more room; a refusal
 *       is failed(refused).</li>
 *   <li>429, 529, 5xx and timeouts are retried with backoff that honours retry-after; after
 *       the last attempt the posting is failed with a retryable reason.</li>
 *   <li>401, 402, 403, 404, a spend limit, the budget, or a run of 400s stop the whole run
 *       ({@link RunStop}): the posting at hand and all later ones stay pending.</li>
 *   <li>Every request is written to the cost ledger the moment it returns.</li>
 * </ul>
 */
public final class ClaudeClassifier implements Classifier, AutoCloseable {

    public static final String NAME = "claude";
    /** The stop reason when nothing answers at the base URL (see {@link #resumeAfterOutage()}). */
    public static final String UNREACHABLE = "unreachable";
    /** This many 400s in a row mean every request is malformed: stop rather than fail every posting. */
    static final int BAD_REQUEST_LIMIT = 5;
    /**
     * Postings in a row whose every attempt failed (429, 5xx, 529, timeouts) with no answer between:
     * the API is down. At least this many, and twice the concurrency, since the postings in flight
     * when an ordinary burst of errors hits all run out together.
     */
    static final int EXHAUSTED_LIMIT = 5;
    public static final String FAILING = "api_failing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClaudeApi api;
    private final ClaudeConfig config;
    private final ClaudePrompt prompt;
    private final ClaudeRequests requests;
    private final AnswerValidator validator;
    private final RulesClassifier rules;
    private final String fallbackFamily;
    private final ModelPrice price;
    private final CallLog log;
    private final Budget budget;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ClaudeStats stats = new ClaudeStats();
    private final Map<String, CompletableFuture<Classification>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger badRequestsInARow = new AtomicInteger();
    private final AtomicInteger exhaustedInARow = new AtomicInteger();
    private final Object primeLock = new Object();
    private final long prefixTokens;
    private final long prefixBytes;
    /**
     * The fewest prompt tokens an answer of this run reported. Every request carries the whole
     * prefix, so this bounds the prefix by measurement where its byte count only guesses (a token
     * is three or four bytes of it): worst cases shrink to a few times a request's price once one
     * answer is in, and a budget holds fewer dollars for requests in flight and batches.
     */
    private final AtomicLong fewestPromptTokens = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean primed;
    private volatile long backoffBaseMillis = 1_000;
    private volatile RunStop stop;

    public ClaudeClassifier(ClaudeApi api, ClaudeConfig config, Taxonomy taxonomy, ModelPrice price, CallLog log,
                            Budget budget, RateLimiter limiter, Clock clock) {
        this.api = api;
        this.config = config;
        ClassificationTool tool = new ClassificationTool(taxonomy);
        this.prompt = new ClaudePrompt(taxonomy, tool, config.descriptionChars());
        this.requests = new ClaudeRequests(config.model(), prompt, tool, config.cacheTtl());
        this.validator = new AnswerValidator(taxonomy);
        this.rules = new RulesClassifier(taxonomy);
        this.fallbackFamily = taxonomy.fallbackFamily();
        this.price = price;
        this.log = log;
        this.budget = budget;
        this.limiter = limiter;
        this.clock = clock;
        String definition = ClaudePrompt.toJson(tool.definition());
        this.prefixTokens = Tokens.estimate(String.join("", prompt.prefix()) + definition);
        this.prefixBytes = Tokens.upperBound(String.join("", prompt.prefix()) + definition);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean remote() {
        return true;
    }

    public String promptVersion() {
        return prompt.version();
    }

    public ClaudePrompt prompt() {
        return prompt;
    }

    public ClaudeStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Why the run was stopped, or null. */
    public RunStop stopped() {
        return stop;
    }

    /** What classifying a posting would take, without sending anything (enrich --dry-run). */
    public record Estimate(Need need, String contentKey, long messageTokens) {
        /** The rules pre-filter decides; an earlier answer is reused; or a request is needed. */
        public enum Need { PREFILTERED, REUSED, REQUEST }
    }

    public Estimate estimate(Prepared posting) {
        if (prefilter(posting) != null) {
            return new Estimate(Estimate.Need.PREFILTERED, null, 0);
        }
        String key = ContentKey.of(posting.posting());
        if (reuse(key, posting).isPresent()) {
            return new Estimate(Estimate.Need.REUSED, key, 0);
        }
        return new Estimate(Estimate.Need.REQUEST, key, Tokens.estimate(prompt.postingMessage(posting)));
    }

    /** Estimated tokens of the cached prefix (system blocks and the tool definition). */
    public long prefixTokens() {
        return prefixTokens;
    }

    public String model() {
        return config.model();
    }

    /** The API client, shared with message-batch enrichment. */
    public ClaudeApi api() {
        return api;
    }

    public ModelPrice price() {
        return price;
    }

    /**
     * The shortest prefix the model caches, in tokens (Anthropic's documented minimums); a
     * shorter prefix is silently not cached and billed in full on every request.
     */
    public static int minimumCacheable(String model) {
        if (model.startsWith("claude-haiku-4-5") || model.startsWith("claude-opus-4-5") || model.startsWith("claude-opus-4-6")) {
            return 4096;
        }
        if (model.startsWith("claude-3-5-haiku") || model.startsWith("claude-3-haiku")) {
            return 2048;
        }
        return 1024;
    }

    @Override
    public Classification classify(Prepared posting) {
        return classify(posting, 0);
    }

    @Override
    public Classification classify(Prepared posting, long postingId) {
        RunStop s = stop;
        if (s != null) {
            throw s;
        }
        Classification byRules = prefilter(posting);
        if (byRules != null) {
            stats.prefiltered();
            return byRules;
        }
        String key = ContentKey.of(posting.posting());
        Optional<Classification> stored = reuse(key, posting);
        if (stored.isPresent()) {
            stats.reused();
            return stored.get();
        }
        CompletableFuture<Classification> mine = new CompletableFuture<>();
        CompletableFuture<Classification> earlier = inFlight.putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                Classification same = earlier.join();
                stats.reused();
                return same;
            } catch (RuntimeException e) {
                // The same text failed for another posting; this one gets its own attempt below.
                mine = null;
            }
        }
        try {
            Classification k = primed ? ask(posting, postingId, key) : askFirst(posting, postingId, key);
            if (mine != null) {
                mine.complete(k);
            }
            stats.classified();
            return k;
        } catch (RuntimeException e) {
            if (mine != null) {
                mine.completeExceptionally(e);
            }
            throw e;
        } finally {
            if (mine != null) {
                inFlight.remove(key, mine);
            }
        }
    }

    /**
     * The rules' classification when they place the title outside the market with certainty
     * ("Account Executive": a title pattern of the fallback family matched); else null, and the
     * model is asked.
     */
    private Classification prefilter(Prepared posting) {
        Classification byRules = rules.classify(posting);
        return byRules.family().equals(fallbackFamily) && !byRules.defaulted().contains("family") ? byRules : null;
    }

    /** Whether the prefix is cached for an hour (cache_ttl: 1h), whose writes cost more than five minutes'. */
    public boolean hourCache() {
        return config.cacheTtl().equals("1h");
    }

    /** What a batch answer costs (half price), as the cost ledger records it. */
    public double batchCost(Message answer) {
        return PriceTable.cost(price, usage(answer.usage()), true, hourCache());
    }

    /**
     * The first request of a run goes alone: the prompt cache is written by the first answer,
     * so requests sent before it would each pay the 1.25× cache write instead of the 0.1× read.
     */
    private Classification askFirst(Prepared posting, long postingId, String key) {
        synchronized (primeLock) {
            if (!primed) {
                try {
                    return ask(posting, postingId, key);
                } finally {
                    primed = true;
                }
            }
        }
        return ask(posting, postingId, key);
    }

    private Optional<Classification> reuse(String key, Prepared posting) {
        Optional<String> answer = log.validAnswer(key, config.model(), prompt.version());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        try {
            AnswerValidator.Result r = validator.validate(JSON.readTree(answer.get()), posting.posting(), NAME,
                    config.model(), prompt.version());
            return Optional.ofNullable(r.classification());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Classification ask(Prepared posting, long postingId, String key) {
        return converse(posting, postingId, key, null, true);
    }

    /** An answer that came back from a message batch, as the first turn of the conversation. */
    public record BatchAnswer(Message message, long batchId) {
    }

    /**
     * Validates a message batch's answer for a posting exactly as a direct answer is validated;
     * a re-ask or a retry with more room is made directly (at the standard price). Such a request
     * reserves its worst case without waiting: the reservations in the way are the batch's own,
     * held by the caller until it reads their answers, so waiting for them would never end. When it
     * does not fit, the budget's {@link RunStop} is thrown.
     */
    public Classification fromBatch(Prepared posting, long postingId, BatchAnswer answer) {
        RunStop s = stop;
        if (s != null) {
            throw s;
        }
        Classification k = converse(posting, postingId, ContentKey.of(posting.posting()), answer, false);
        stats.classified();
        return k;
    }

    /** The first request for a posting, for a message batch. */
    public com.anthropic.models.messages.batches.BatchCreateParams.Request batchRequest(String customId, Prepared posting) {
        return requests.batchRequest(customId, prompt.postingMessage(posting), config.maxTokens());
    }

    /**
     * At most how many bytes a batch request for this posting adds to the batch's JSON body: what every
     * request carries (the system prompt, the tool, ~46 KB) as the SDK writes it, measured once, and the
     * posting's message with each byte escaped at worst to two.
     */
    public long batchRequestBytes(Prepared posting) {
        return fixedBatchRequestBytes() + 2 * Tokens.upperBound(prompt.postingMessage(posting));
    }

    private long fixedBatchRequestBytes() {
        long fixed = batchRequestFixedBytes;
        if (fixed == 0) {
            try {
                fixed = com.anthropic.core.ObjectMappers.jsonMapper().writeValueAsBytes(
                        requests.batchRequest("p" + Long.MAX_VALUE + "-" + "x".repeat(13), "", config.maxTokens())).length;
            } catch (JsonProcessingException e) {
                fixed = 2 * prefixBytes + 4_096; // every byte escaped, which the measurement never is
            }
            batchRequestFixedBytes = fixed;
        }
        return fixed;
    }

    private volatile long batchRequestFixedBytes;

    /** The most a batch request for this posting can cost (half the direct worst case). */
    public double batchWorstCase(Prepared posting) {
        return worstCase(prompt.postingMessage(posting), null, config.maxTokens()) * 0.5;
    }

    /** Records a batch request that came back without an answer (errored, expired, canceled). */
    public void recordBatchFailure(long postingId, Prepared posting, long batchId, String outcome, Integer status,
                                   String error) {
        log.record(new LlmCall(postingId, ContentKey.of(posting.posting()), config.model(), null, prompt.version(), 1,
                batchId, TokenUsage.ZERO, 0, 0, outcome, status, null, error, null, clock.millis()));
    }

    /**
     * Records a batch answer that came back for content its posting no longer has (a fetch landed
     * new content while the batch ran), or for a posting no longer pending: it was paid for and is
     * counted, but kept as canceled, {@code why}, and never reused.
     */
    public void recordBatchSuperseded(long postingId, String contentKey, long batchId, Message answer, String why) {
        usageOf(new ClaudeApi.Exchange(answer, RateLimits.NONE, answer.id(), 0), true);
        log.record(new LlmCall(postingId, contentKey, config.model(), answer.model().asString(), prompt.version(), 1,
                batchId, usage(answer.usage()), batchCost(answer), 0, "canceled", 200, answer.id(), why, null,
                clock.millis()));
    }

    /** Whether an earlier answer exists for this posting's content (so it needs no request). */
    public boolean answered(Prepared posting) {
        return reuse(ContentKey.of(posting.posting()), posting).isPresent();
    }

    /** @param waitForBudget whether a request waits for reservations in flight (see {@link Budget#reserveWhenSettled}) */
    private Classification converse(Prepared posting, long postingId, String key, BatchAnswer first,
                                    boolean waitForBudget) {
        String message = prompt.postingMessage(posting);
        Attempts attempts = new Attempts(postingId, key, message);
        int maxTokens = config.maxTokens();
        ClaudeRequests.ReAsk reAsk = null;
        boolean widened = false;
        while (true) {
            ClaudeApi.Exchange ex;
            Long batchId = null;
            if (first != null) {
                ex = new ClaudeApi.Exchange(first.message(), RateLimits.NONE, first.message().id(), 0);
                batchId = first.batchId();
                first = null;
                usageOf(ex, true);
            } else {
                ex = send(attempts, reAsk, maxTokens, waitForBudget);
            }
            Message m = ex.message();
            TokenUsage usage = usage(m.usage());
            double usd = PriceTable.cost(price, usage, batchId != null, hourCache());
            attempts.batchId = batchId;
            String model = m.model().asString();
            StopReason why = m.stopReason().orElse(null);
            String raw = rawAnswer(m);
            if (StopReason.REFUSAL.equals(why)) {
                attempts.record(model, usage, usd, ex, "refused", null, raw);
                String detail = refusalExplanation(m);
                throw new ClassificationFailure("refused", "the model declined to classify this posting: " + detail,
                        false, raw, null);
            }
            if (StopReason.MAX_TOKENS.equals(why)) {
                attempts.record(model, usage, usd, ex, "truncated", null, raw);
                if (!widened && config.retryMaxTokens() > maxTokens) {
                    widened = true;
                    maxTokens = config.retryMaxTokens();
                    stats.reAsk();
                    continue;
                }
                throw new ClassificationFailure("truncated", "the answer did not fit in " + maxTokens
                        + " output tokens (classifier.claude.retry_max_tokens)", false, raw, null);
            }
            // Of two calls of the tool, the first valid one is the answer; with none valid, the first one's problems.
            JsonNode answer = null;
            AnswerValidator.Result r = new AnswerValidator.Result(null, java.util.List.of("the answer was not a call of "
                    + ClassificationTool.NAME + " with a JSON object"));
            for (JsonNode candidate : answers(m)) {
                AnswerValidator.Result checked = validator.validate(candidate, posting.posting(), NAME, config.model(),
                        prompt.version());
                if (answer == null || checked.valid()) {
                    answer = candidate;
                    r = checked;
                }
                if (checked.valid()) {
                    break;
                }
            }
            if (r.valid()) {
                attempts.record(model, usage, usd, ex, "valid", answer.toString(), null);
                return r.classification();
            }
            attempts.record(model, usage, usd, ex, "invalid", answer == null ? raw : answer.toString(),
                    String.join("; ", r.problems()));
            if (reAsk == null) {
                reAsk = new ClaudeRequests.ReAsk(m, String.join("; ", r.problems()));
                stats.reAsk();
                continue;
            }
            throw new ClassificationFailure("invalid_output", "still invalid after one re-ask: "
                    + String.join("; ", r.problems()), false, raw, null);
        }
    }

    /** Why the model refused, in its words, or "no explanation given" (none, or none that reads as text). */
    private static String refusalExplanation(Message m) {
        try {
            return m.stopDetails().flatMap(d -> d.explanation()).orElse("no explanation given");
        } catch (RuntimeException unreadable) {
            return "no explanation given";
        }
    }

    /** Counts a batch answer's tokens and cost in the run's statistics (direct answers are counted in send). */
    private void usageOf(ClaudeApi.Exchange ex, boolean batch) {
        TokenUsage u = usage(ex.message().usage());
        measured(ex.message().usage());
        stats.request();
        stats.answered(u, PriceTable.cost(price, u, batch, hourCache()));
    }

    /**
     * Tokens a prompt is billed for beyond what it is sent: the system prompt the API adds for tool use (a few
     * hundred) and the turns' framing. Generous: it only keeps a usage no request could have from being billed.
     */
    static final long FRAMING_TOKENS = 4_096;

    /**
     * What is wrong with an answer's usage for the request it answers, or null: more input than the request's
     * prompt holds (each byte a token at most, and the API's framing), or more output than its max_tokens. Such
     * a usage is no bill (a proxy's or a server's fault): taken as one, five million tokens reported for a prompt
     * of a few thousand would be $5 in the cost ledger, status and the budget, and hours of rate-limit debt.
     */
    private static String beyondRequest(TokenUsage u, long promptBound, int maxTokens) {
        if (u.totalInput() > promptBound) {
            return "usage reports " + u.totalInput() + " input tokens, more than the request's prompt can hold (at most "
                    + promptBound + ")";
        }
        if (u.output() > maxTokens) {
            return "usage reports " + u.output() + " output tokens, more than the " + maxTokens + " the request allows";
        }
        return null;
    }

    /** As {@link #beyondRequest}, for a message batch's answer to its first request for this posting. */
    public String beyondBatchRequest(Prepared posting, Message answer) {
        return beyondRequest(usage(answer.usage()), prefixBytes + Tokens.upperBound(prompt.postingMessage(posting))
                + FRAMING_TOKENS, config.maxTokens());
    }

    /**
     * The most one request can cost: the prefix billed as a cache write (each byte a token, or
     * the fewest prompt tokens an answer reported), every message byte as input, a re-ask's
     * answer and feedback as {@link #reAskTokens} bounds them, and the whole output allowance.
     */
    private double worstCase(String message, ClaudeRequests.ReAsk reAsk, int maxTokens) {
        long prefix = Math.min(prefixBytes, fewestPromptTokens.get());
        return (prefix * Math.max(price.cacheWrite(), price.cacheWrite1h())
                + (Tokens.upperBound(message) + reAskTokens(reAsk)) * price.input()
                + (double) maxTokens * price.output()) / 1_000_000.0;
    }

    /**
     * The most tokens a re-ask adds to its request: the answer sent back, the feedback, and the two turns'
     * framing. Each byte a token, twice over: the SDK may escape what the answer's JSON holds (a character
     * as "\\u00e9"). A flat allowance was not a bound: an invalid answer can be as long as retry_max_tokens.
     */
    static long reAskTokens(ClaudeRequests.ReAsk reAsk) {
        if (reAsk == null) {
            return 0;
        }
        long bytes = Tokens.upperBound(reAsk.feedback()) + 256;
        for (ContentBlock b : reAsk.answer().content()) {
            if (b.isText()) {
                bytes += Tokens.upperBound(b.asText().text());
            } else if (b.isToolUse()) {
                JsonNode input = toNode(b.asToolUse()._input());
                bytes += Tokens.upperBound(b.asToolUse().id() + b.asToolUse().name() + (input == null ? "" : input.toString()));
            }
        }
        return 2 * bytes;
    }

    /** One request, retried on transient failures; every attempt is recorded. */
    private ClaudeApi.Exchange send(Attempts attempts, ClaudeRequests.ReAsk reAsk, int maxTokens, boolean waitForBudget) {
        var params = requests.message(attempts.message, reAsk, maxTokens);
        long messageTokens = Tokens.estimate(attempts.message) + (reAsk == null ? 0 : 400);
        long estimatedInput = messageTokens + (primed ? 0 : prefixTokens);
        double worstCase = worstCase(attempts.message, reAsk, maxTokens);
        long promptBound = prefixBytes + Tokens.upperBound(attempts.message) + reAskTokens(reAsk) + FRAMING_TOKENS;
        int noConnectionInARow = 0;
        for (int tries = 1; ; tries++) {
            RunStop s = stop;
            if (s != null) {
                throw s;
            }
            try {
                if (waitForBudget) {
                    budget.reserveWhenSettled(worstCase);
                } else {
                    budget.reserve(worstCase);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClassificationFailure("interrupted", "interrupted while waiting for the budget", true,
                        null, e);
            }
            s = stop;
            if (s != null) {
                // The run stopped while this request waited for the budget: it is not sent.
                budget.settle(worstCase, 0);
                throw s;
            }
            try {
                limiter.acquire(estimatedInput, maxTokens);
            } catch (InterruptedException e) {
                budget.settle(worstCase, 0);
                Thread.currentThread().interrupt();
                throw new ClassificationFailure("interrupted", "interrupted while waiting for the rate limit", true,
                        null, e);
            }
            stats.request();
            // Every reservation is settled, whatever happens: requests beside this one may be
            // waiting for it (Budget.reserveWhenSettled), and would wait for ever.
            boolean settled = false;
            try {
                ClaudeApi.Exchange ex = api.send(params);
                TokenUsage u = usage(ex.message().usage());
                String beyond = beyondRequest(u, promptBound, maxTokens);
                if (beyond != null) {
                    throw new ClaudeApi.ApiCallException(new ApiFailure(ApiFailure.Kind.SERVER, null, null,
                            "malformed response body: " + beyond, ex.requestId(), null), ex.latencyMillis(), null);
                }
                measured(ex.message().usage());
                double usd = PriceTable.cost(price, u, false, hourCache());
                budget.settle(worstCase, usd);
                settled = true;
                limiter.settle(estimatedInput, u.input() + u.cacheWrite(), maxTokens, u.output());
                limiter.observe(ex.limits(), clock.instant());
                stats.answered(u, usd);
                badRequestsInARow.set(0);
                exhaustedInARow.set(0);
                return ex;
            } catch (ClaudeApi.ApiCallException e) {
                ApiFailure f = e.failure();
                if (f.unanswered()) {
                    // The API may have billed it. An HTTP error, or a request that never connected, cost nothing.
                    budget.settleUnknown(worstCase);
                } else {
                    budget.settle(worstCase, 0);
                }
                settled = true;
                limiter.settle(estimatedInput, 0, maxTokens, 0);
                attempts.recordFailure(f, e.latencyMillis());
                noConnectionInARow = f.noConnection() ? noConnectionInARow + 1 : 0;
                handle(f, tries, noConnectionInARow == tries);
            } finally {
                if (!settled) {
                    // Something unforeseen broke between sending and reading the bill: what the request
                    // cost is unknown, so it counts at its worst case, and the budget is never exceeded.
                    budget.settle(worstCase, worstCase);
                }
            }
        }
    }

    /**
     * Decides what a failed request means: stop the run, fail the posting, or wait and try again.
     *
     * @param neverConnected no attempt for this request could connect at all
     */
    private void handle(ApiFailure f, int tries, boolean neverConnected) {
        switch (f.kind()) {
            case FATAL -> throw stopRun(f);
            case BAD_REQUEST -> {
                if (badRequestsInARow.incrementAndGet() >= BAD_REQUEST_LIMIT) {
                    throw stopRun(new RunStop("bad_requests", BAD_REQUEST_LIMIT
                            + " requests in a row were refused as invalid (last: " + f.describe()
                            + "); stopping instead of failing every posting"));
                }
                throw new ClassificationFailure("bad_request", f.describe(), false, null, null);
            }
            case TOO_LARGE -> throw new ClassificationFailure("too_large", f.describe(), false, null, null);
            default -> {
                badRequestsInARow.set(0);
                if (tries >= config.maxAttempts() && neverConnected) {
                    // Nothing answers at the base URL: every posting after this one would fail the same
                    // way, minutes of backoff each. They stay pending for a run that can reach the API.
                    throw stopRun(new RunStop(UNREACHABLE, "cannot reach the Claude API: " + f.describe() + " ("
                            + tries + " attempts) — check ANTHROPIC_BASE_URL (or classifier.claude.base_url) and "
                            + "the network"));
                }
                if (tries >= config.maxAttempts()) {
                    int limit = Math.max(EXHAUSTED_LIMIT, 2 * config.concurrency());
                    if (exhaustedInARow.incrementAndGet() >= limit) {
                        // An API that fails every request would otherwise grind through every pending posting,
                        // minutes of backoff each, and leave thousands failed; they wait for a later run instead.
                        throw stopRun(new RunStop(FAILING, "the Claude API failed every attempt for " + limit
                                + " postings in a row (last: " + f.describe() + "); stopping instead of failing every"
                                + " posting — check the API's status, then run 'jobintel retry'"));
                    }
                    throw new ClassificationFailure(f.kind().code(), f.describe() + " (after " + tries + " attempts)",
                            true, null, null);
                }
                long wait = f.retryAfterMillis() != null ? Math.min(f.retryAfterMillis(), 600_000) : backoff(tries);
                if (f.kind() == ApiFailure.Kind.RATE_LIMITED) {
                    limiter.pause(wait);
                }
                stats.retry();
                sleep(wait);
            }
        }
    }

    private RunStop stopRun(ApiFailure f) {
        String reason = switch (f.status() == null ? 0 : f.status()) {
            case 401 -> "authentication";
            case 402 -> "billing";
            case 403 -> "permission";
            case 404 -> "not_found";
            // "Your credit balance is too low" comes as a 400: a billing matter, not a limit that resets.
            case 400 -> ClaudeApi.mentionsCredit(f.message()) ? "billing" : "spend_limit";
            case 429 -> "spend_limit";
            default -> "not_the_api";
        };
        String advice = switch (reason) {
            case "authentication" -> "check ANTHROPIC_API_KEY";
            case "billing" -> "check the organisation's billing and credit balance";
            case "permission" -> "the key may not use this model or API";
            case "not_found" -> "check classifier.claude.model ('" + config.model() + "') and the base URL";
            case "not_the_api" -> "what answers at the base URL is not the Messages API; check ANTHROPIC_BASE_URL"
                    + " (or classifier.claude.base_url): the address before /v1/messages";
            default -> "a spend limit is reached; raise it in the Claude Console or wait for it to reset";
        };
        return stopRun(new RunStop(reason, "the Claude API refused the run: " + f.describe() + " — " + advice));
    }

    /**
     * Lifts a stop that time may lift — the API unreachable or failing — so that a long-running worker can
     * try again later; false, and nothing changed, for a stop only a person can lift.
     */
    public synchronized boolean resumeAfterOutage() {
        if (stop == null || !(stop.reason().equals(UNREACHABLE) || stop.reason().equals(FAILING))) {
            return false;
        }
        stop = null;
        return true;
    }

    private synchronized RunStop stopRun(RunStop s) {
        if (stop == null) {
            stop = s;
        }
        return stop;
    }

    /** The first backoff step (1 s); tests shorten it. Later steps double it, up to 60 s. */
    public ClaudeClassifier backoffBase(java.time.Duration base) {
        this.backoffBaseMillis = base.toMillis();
        return this;
    }

    /** Exponential backoff with jitter: 1 s, 2 s, 4 s… up to 60 s, each between half and the full step. */
    private long backoff(int tries) {
        long step = Math.min(60_000L, backoffBaseMillis << Math.min(tries - 1, 16));
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassificationFailure("interrupted", "interrupted while waiting to retry", true, null, e);
        }
    }

    /**
     * Takes an answer's prompt tokens into {@link #fewestPromptTokens}. An answer that reports none says
     * nothing, and neither does one that leaves out its cache counts: its input_tokens are only the part
     * of the prompt outside the cache, and taken for the whole they would size every later worst case
     * without the prefix, which a request then pays in full when it writes the cache.
     */
    private void measured(Usage usage) {
        if (usage.cacheCreationInputTokens().isEmpty() || usage.cacheReadInputTokens().isEmpty()) {
            return;
        }
        TokenUsage u = usage(usage);
        if (u.totalInput() > 0) {
            fewestPromptTokens.accumulateAndGet(u.totalInput(), Math::min);
        }
    }

    static TokenUsage usage(Usage u) {
        return new TokenUsage(u.inputTokens(), u.outputTokens(), u.cacheCreationInputTokens().orElse(0L),
                u.cacheReadInputTokens().orElse(0L));
    }

    /**
     * What a message answers: the input of each call of the tool, in order (a model may call it twice), else the
     * JSON object in a text block; empty when it holds none. See {@link #toolInput} for what an input may be.
     */
    static java.util.List<JsonNode> answers(Message m) {
        java.util.List<JsonNode> calls = new java.util.ArrayList<>();
        for (ContentBlock b : m.content()) {
            if (b.isToolUse() && b.asToolUse().name().equals(ClassificationTool.NAME)) {
                JsonNode input = toolInput(toNode(b.asToolUse()._input()));
                if (input != null) {
                    calls.add(input);
                }
            }
        }
        if (!calls.isEmpty()) {
            return calls;
        }
        for (ContentBlock b : m.content()) {
            if (b.isText()) {
                JsonNode n = embeddedObject(b.asText().text());
                if (n != null) {
                    return java.util.List.of(n);
                }
            }
        }
        return java.util.List.of();
    }

    /**
     * A tool call's input as the object of fields it means, or null: the object itself; the same as a JSON
     * string, fenced in Markdown or not ("```json\n{...}\n```"); or either wrapped in one field
     * ({"input": {...}}, {"record_classification": "{...}"}) whose object names a family — models send all of
     * these in place of the object the schema asks for.
     */
    static JsonNode toolInput(JsonNode input) {
        if (input != null && input.isTextual()) {
            input = embeddedObject(input.asText());
        }
        if (input == null || !input.isObject()) {
            return null;
        }
        if (input.size() == 1 && !input.has("family")) {
            JsonNode inner = input.elements().next();
            JsonNode object = inner.isTextual() ? embeddedObject(inner.asText()) : inner;
            if (object != null && object.isObject() && object.has("family")) {
                return object;
            }
        }
        return input;
    }

    /** The JSON object a text holds, from its first '{' to its last '}' (prose or a code fence around it), or null. */
    private static JsonNode embeddedObject(String t) {
        int from = t.indexOf('{');
        int to = t.lastIndexOf('}');
        if (from < 0 || to <= from) {
            return null;
        }
        JsonNode n = parse(t.substring(from, to + 1));
        return n != null && n.isObject() ? n : null;
    }

    /** Everything the model said, for the ledger and the posting's raw_output. */
    static String rawAnswer(Message m) {
        StringBuilder sb = new StringBuilder();
        for (ContentBlock b : m.content()) {
            if (b.isText()) {
                sb.append(b.asText().text());
            } else if (b.isToolUse()) {
                JsonNode n = toNode(b.asToolUse()._input());
                sb.append(n == null ? "" : n.toString());
            }
        }
        return sb.length() > 20_000 ? sb.substring(0, 20_000) : sb.toString();
    }

    /** A value of the SDK's as a JSON tree, or null when it holds none that converts. */
    static JsonNode toNode(JsonValue v) {
        try {
            return v == null ? null : v.convert(JsonNode.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        api.close();
    }

    /** The requests made for one posting, numbered, each written to the cost ledger as it returns. */
    private final class Attempts {
        private final long postingId;
        private final String key;
        private final String message;
        private int attempt;
        private Long batchId;

        Attempts(long postingId, String key, String message) {
            this.postingId = postingId;
            this.key = key;
            this.message = message;
        }

        void record(String answeredModel, TokenUsage usage, double usd, ClaudeApi.Exchange ex, String outcome,
                    String answer, String error) {
            log.record(new LlmCall(postingId, key, config.model(), answeredModel, prompt.version(), ++attempt, batchId,
                    usage, usd, ex.latencyMillis(), outcome, 200, ex.requestId(), error, answer, clock.millis()));
        }

        void recordFailure(ApiFailure f, long latency) {
            log.record(new LlmCall(postingId, key, config.model(), null, prompt.version(), ++attempt, null,
                    TokenUsage.ZERO, 0, latency, f.kind().code(), f.status(), f.requestId(), f.describe(), null,
                    clock.millis()));
        }
    }

    /** Token counts without a tokenizer: an estimate for planning, and a bound that is never below the truth. */
    static final class Tokens {
        private Tokens() {
        }

        /** About four characters of English per token. */
        static long estimate(String s) {
            return (s.length() + 3) / 4;
        }

        /** No token is shorter than one byte of UTF-8, so the byte count bounds the token count. */
        static long upperBound(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
