package dev.jobintel.classify.claude;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static long seconds(double s) {
        return (long) (s * 1_000_000_000L);
    }

    @Test
    void requestsPerMinuteAreSpreadOnceTheBucketIsEmpty() {
        RateLimiter l = new RateLimiter(60, 1_000_000, 1_000_000, now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(l.tryAcquire(10, 10)).isZero();
        }
        // Empty: the 61st waits one second (60 per minute), and goes after it.
        assertThat(l.tryAcquire(10, 10)).isBetween(seconds(0.99), seconds(1.01));
        now.addAndGet(seconds(1));
        assertThat(l.tryAcquire(10, 10)).isZero();
    }

    @Test
    void inputTokensAreLimitedAndActualUsageCorrectsTheEstimate() {
        RateLimiter l = new RateLimiter(1000, 6000, 1_000_000, now::get);
        assertThat(l.tryAcquire(5000, 0)).isZero();
        assertThat(l.tryAcquire(5000, 0)).isPositive();
        // The first request really used 1000 tokens, not 5000: the difference comes back.
        l.settle(5000, 1000, 0, 0);
        assertThat(l.tryAcquire(5000, 0)).isZero();
    }

    @Test
    void aRetryAfterPausesEveryone() {
        RateLimiter l = new RateLimiter(1000, 1_000_000, 1_000_000, now::get);
        l.pause(2000);
        assertThat(l.tryAcquire(1, 1)).isEqualTo(seconds(2));
        now.addAndGet(seconds(2));
        assertThat(l.tryAcquire(1, 1)).isZero();
    }

    @Test
    void theServersLimitsAndRemainingCapacityWin() {
        RateLimiter l = new RateLimiter(1000, 1_000_000, 1_000_000, now::get);
        Instant wall = Instant.parse("2026-11-29T10:00:00Z");
        l.observe(new RateLimits(50L, 0L, wall.plusSeconds(3), null, null, null), wall);
        assertThat(l.requestsPerMinute()).isEqualTo(50);
        // "0 remaining, resets in 3 s": nobody sends for 3 s.
        assertThat(l.tryAcquire(1, 1)).isEqualTo(seconds(3));
    }

    @Test
    void theServersOutputTokenLimitWinsOverTheConfiguredOne() {
        // A tier-1 organisation: 10,000 output tokens a minute, where the config allows 200,000. The API counts
        // max_tokens against it when a request arrives, so the run must pace itself by it, not by 429s.
        RateLimiter l = new RateLimiter(1000, 1_000_000, 200_000, now::get);
        Instant wall = Instant.parse("2026-11-29T10:00:00Z");
        l.observe(RateLimits.from(com.anthropic.core.http.Headers.builder()
                .put("anthropic-ratelimit-output-tokens-limit", "10000")
                .put("anthropic-ratelimit-output-tokens-remaining", "3000")
                .put("anthropic-ratelimit-output-tokens-reset", "2026-11-29T10:00:05Z").build()), wall);
        // 3,000 remaining: two requests of max_tokens 1024 go, the third waits for the bucket to refill.
        assertThat(l.tryAcquire(10, 1024)).isZero();
        assertThat(l.tryAcquire(10, 1024)).isZero();
        assertThat(l.tryAcquire(10, 1024)).isPositive();
        // Refilled at 10,000 a minute, not 200,000: six seconds bring a thousand.
        now.addAndGet(seconds(6));
        assertThat(l.tryAcquire(10, 1024)).isZero();
        assertThat(l.tryAcquire(10, 1024)).isPositive();
    }
}
