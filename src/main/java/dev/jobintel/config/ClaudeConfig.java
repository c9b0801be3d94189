package dev.jobintel.config;

/**
 * {@code classifier.claude:} in jobintel.yaml: how the Claude classifier talks to the API. The
 * API key is never here: it comes only from ANTHROPIC_API_KEY.
 *
 * @param model                 model id or alias (default claude-haiku-4-5)
 * @param baseUrl               API base URL; ANTHROPIC_BASE_URL overrides it, default https://api.anthropic.com
 * @param maxTokens             output room for one answer
 * @param retryMaxTokens        output room when an answer was cut by max_tokens (incident 13); default four
 *                              times max_tokens, at least 4096 and at most {@link #MAX_OUTPUT_TOKENS}
 * @param descriptionChars      the description is cut to this many characters, at a sentence end
 * @param timeoutSeconds        one request's time limit
 * @param maxAttempts           attempts per request on 429, 529, 5xx and timeouts
 * @param concurrency           requests in flight (enrich --concurrency overrides)
 * @param requestsPerMinute     run-level request limit; the API's reported limit replaces it when lower
 * @param inputTokensPerMinute  run-level limit on uncached input tokens (cache reads do not count)
 * @param outputTokensPerMinute run-level limit on output tokens
 * @param cacheTtl              "5m" or "1h": how long the cached prompt prefix lives
 * @param budgetUsd             stop before the run's spend would exceed this (enrich --budget-usd overrides)
 * @param batchPollSeconds      first wait between polls of a message batch; it doubles up to 10 minutes
 * @param batchMaxRequests      postings per message batch
 */
public record ClaudeConfig(String model, String baseUrl, Integer maxTokens, Integer retryMaxTokens,
                           Integer descriptionChars, Integer timeoutSeconds, Integer maxAttempts, Integer concurrency,
                           Integer requestsPerMinute, Integer inputTokensPerMinute, Integer outputTokensPerMinute,
                           String cacheTtl, Double budgetUsd, Integer batchPollSeconds, Integer batchMaxRequests) {

    public static final String DEFAULT_MODEL = "claude-haiku-4-5";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The most output tokens a request may ask for (the API's limit for current models). */
    public static final int MAX_OUTPUT_TOKENS = 64_000;

    public ClaudeConfig {
        // Only an absent key means the default: `model: ""` (a template whose variable was empty)
        // is a config error, not a quiet switch to another model (ConfigLoader checks).
        model = model == null ? DEFAULT_MODEL : model.strip();
        maxTokens = maxTokens == null ? 1024 : maxTokens;
        // Follows max_tokens (4096 for its 1024, as before): a fixed 4096 made a file that raises
        // only max_tokens an error about a key it never wrote, and a retry with no more room.
        retryMaxTokens = retryMaxTokens == null ? (int) Math.min(MAX_OUTPUT_TOKENS, Math.max(4096L, 4L * maxTokens))
                : retryMaxTokens;
        descriptionChars = descriptionChars == null ? 6000 : descriptionChars;
        timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        concurrency = concurrency == null ? 8 : concurrency;
        // Generous defaults: the limiter lowers itself to the limits the API reports in its headers.
        requestsPerMinute = requestsPerMinute == null ? 1_000 : requestsPerMinute;
        inputTokensPerMinute = inputTokensPerMinute == null ? 1_000_000 : inputTokensPerMinute;
        outputTokensPerMinute = outputTokensPerMinute == null ? 200_000 : outputTokensPerMinute;
        cacheTtl = cacheTtl == null ? "5m" : cacheTtl.strip();
        batchPollSeconds = batchPollSeconds == null ? 10 : batchPollSeconds;
        batchMaxRequests = batchMaxRequests == null ? 10_000 : batchMaxRequests;
    }

    public static ClaudeConfig defaults() {
        return new ClaudeConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with other run limits (command-line overrides). */
    public ClaudeConfig with(Integer concurrency, Double budgetUsd) {
        return new ClaudeConfig(model, baseUrl, maxTokens, retryMaxTokens, descriptionChars, timeoutSeconds, maxAttempts,
                concurrency == null ? this.concurrency : concurrency, requestsPerMinute, inputTokensPerMinute,
                outputTokensPerMinute, cacheTtl, budgetUsd == null ? this.budgetUsd : budgetUsd, batchPollSeconds,
                batchMaxRequests);
    }

    /** These settings with other per-minute limits. */
    public ClaudeConfig withLimits(int requests, int inputTokens, int outputTokens) {
        return new ClaudeConfig(model, baseUrl, maxTokens, retryMaxTokens, descriptionChars, timeoutSeconds, maxAttempts,
                concurrency, requests, inputTokens, outputTokens, cacheTtl, budgetUsd, batchPollSeconds, batchMaxRequests);
    }
}
