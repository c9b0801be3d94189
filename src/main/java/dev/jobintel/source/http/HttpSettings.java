package dev.jobintel.source.http;

import java.time.Duration;

/**
 * How jobintel talks to job boards: timeouts, retries, politeness.
 *
 * @param connectTimeout     time to open a connection
 * @param readTimeout        longest silence while reading a response (a hanging server)
 * @param maxAttempts        attempts per request, retries included
 * @param baseBackoff        first retry delay; doubles each attempt, with jitter
 * @param maxBackoff         cap on one retry delay
 * @param maxRetryAfter      longest Retry-After honoured; longer ones fail the request
 * @param politenessDelay    minimum gap between request starts to one host
 * @param perHostConcurrency requests in flight to one host at most
 * @param userAgent          sent with every request
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration baseBackoff,
                           Duration maxBackoff, Duration maxRetryAfter, Duration politenessDelay,
                           int perHostConcurrency, String userAgent) {

    public static final String USER_AGENT = "jobintel/0.1 (job-market research; +https://github.com/jobintel/jobintel)";

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMillis(250), 2, USER_AGENT);
    }
}
