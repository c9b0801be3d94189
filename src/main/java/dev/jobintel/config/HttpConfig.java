package dev.jobintel.config;

/**
 * {@code http:} in jobintel.yaml: how boards are fetched.
 *
 * @param boardConcurrency boards fetched at the same time (each host keeps its own limit)
 */
public record HttpConfig(Integer connectTimeoutSeconds, Integer readTimeoutSeconds, Integer maxAttempts,
                         Integer politenessDelayMs, Integer perHostConcurrency, Integer boardConcurrency,
                         Integer maxRetryAfterSeconds, String userAgent) {

    public HttpConfig {
        connectTimeoutSeconds = connectTimeoutSeconds == null ? 10 : connectTimeoutSeconds;
        readTimeoutSeconds = readTimeoutSeconds == null ? 30 : readTimeoutSeconds;
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        politenessDelayMs = politenessDelayMs == null ? 250 : politenessDelayMs;
        perHostConcurrency = perHostConcurrency == null ? 2 : perHostConcurrency;
        boardConcurrency = boardConcurrency == null ? 8 : boardConcurrency;
        maxRetryAfterSeconds = maxRetryAfterSeconds == null ? 120 : maxRetryAfterSeconds;
    }
}
