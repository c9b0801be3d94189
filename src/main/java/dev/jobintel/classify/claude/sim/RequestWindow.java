package dev.jobintel.classify.claude.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.jobintel.classify.claude.sim.SimReply.error;

/** The simulator's request limit on {@code POST /v1/messages}: a sliding 60-second window of admitted requests. */
final class RequestWindow {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Deque<Instant> window = new ArrayDeque<>();

    /**
     * The sliding-window request limit. Fills {@code headers} with the rate-limit headers when a limit
     * is set; returns the 429 reply when the request is over the limit, else null (admitted).
     */
    SimReply admit(int limit, Clock clock, Map<String, String> headers) {
        if (limit <= 0) {
            return null;
        }
        Instant now = clock.instant();
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                window.pollFirst();
            }
            headers.put("anthropic-ratelimit-requests-limit", Integer.toString(limit));
            if (window.size() >= limit) {
                Instant slotFrees = window.peekFirst().plus(WINDOW);
                long millis = Duration.between(now, slotFrees).toMillis();
                long retryAfter = Math.max(1, (millis + 999) / 1000);
                headers.put("anthropic-ratelimit-requests-remaining", "0");
                headers.put("anthropic-ratelimit-requests-reset", rfc3339(window.peekLast().plus(WINDOW)));
                Map<String, String> h = new LinkedHashMap<>(headers);
                h.put("retry-after", Long.toString(retryAfter));
                return error(429, "rate_limit_error", "This request would exceed the rate limit for your organization "
                        + "of " + limit + " requests per minute. Please wait before trying again.", h, null);
            }
            window.addLast(now);
            headers.put("anthropic-ratelimit-requests-remaining", Integer.toString(limit - window.size()));
            headers.put("anthropic-ratelimit-requests-reset", rfc3339(now.plus(WINDOW)));
            return null;
        }
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
