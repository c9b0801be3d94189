package dev.jobintel.classify.claude;

import com.anthropic.core.http.Headers;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The rate-limit state a response reports in its anthropic-ratelimit-* headers; any part may
 * be missing (null).
 */
public record RateLimits(Long requestsLimit, Long requestsRemaining, Instant requestsReset,
                         Long inputTokensLimit, Long inputTokensRemaining, Instant inputTokensReset,
                         Long outputTokensLimit, Long outputTokensRemaining) {

    public static final RateLimits NONE = new RateLimits(null, null, null, null, null, null, null, null);

    public RateLimits(Long requestsLimit, Long requestsRemaining, Instant requestsReset, Long inputTokensLimit,
                      Long inputTokensRemaining, Instant inputTokensReset) {
        this(requestsLimit, requestsRemaining, requestsReset, inputTokensLimit, inputTokensRemaining, inputTokensReset,
                null, null);
    }

    static RateLimits from(Headers h) {
        return new RateLimits(number(h, "anthropic-ratelimit-requests-limit"),
                number(h, "anthropic-ratelimit-requests-remaining"), time(h, "anthropic-ratelimit-requests-reset"),
                number(h, "anthropic-ratelimit-input-tokens-limit"),
                number(h, "anthropic-ratelimit-input-tokens-remaining"), time(h, "anthropic-ratelimit-input-tokens-reset"),
                number(h, "anthropic-ratelimit-output-tokens-limit"),
                number(h, "anthropic-ratelimit-output-tokens-remaining"));
    }

    private static Long number(Headers h, String name) {
        String v = ClaudeApi.first(h, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant time(Headers h, String name) {
        String v = ClaudeApi.first(h, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.strip()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
