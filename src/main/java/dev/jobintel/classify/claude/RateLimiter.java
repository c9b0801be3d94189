package dev.jobintel.classify.claude;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Keeps a whole run under its per-minute limits — requests, input tokens, output tokens — with
 * one token bucket each, refilled continuously as the API's own limiter is. Input tokens are
 * the uncached ones (cache reads do not count against the limit); output tokens are reserved
 * at max_tokens, as the API does, and refunded when the answer is shorter.
 *
 * <p>It adapts to what the server says: a lower limit in the anthropic-ratelimit-* headers
 * (requests, input or output tokens) replaces the configured one, "0 remaining" pauses everyone until the reset, and a 429's
 * retry-after pauses everyone, not just the request that got it.
 */
public final class RateLimiter {

    private static final long MINUTE = 60_000_000_000L;

    private final LongSupplier nanos;
    private final Bucket requests;
    private final Bucket input;
    private final Bucket output;
    private long pausedUntil;

    public RateLimiter(long requestsPerMinute, long inputTokensPerMinute, long outputTokensPerMinute) {
        this(requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute, System::nanoTime);
    }

    RateLimiter(long requestsPerMinute, long inputTokensPerMinute, long outputTokensPerMinute, LongSupplier nanos) {
        this.nanos = nanos;
        long now = nanos.getAsLong();
        this.requests = new Bucket(requestsPerMinute, now);
        this.input = new Bucket(inputTokensPerMinute, now);
        this.output = new Bucket(outputTokensPerMinute, now);
        this.pausedUntil = now;
    }

    /** Blocks until one request with these token estimates may go. */
    public void acquire(long inputTokens, long outputTokens) throws InterruptedException {
        while (true) {
            long wait = tryAcquire(inputTokens, outputTokens);
            if (wait == 0) {
                return;
            }
            Thread.sleep(Math.max(1, (wait + 999_999) / 1_000_000));
        }
    }

    /** Takes the permits and returns 0, or returns the nanoseconds to wait before asking again. */
    synchronized long tryAcquire(long inputTokens, long outputTokens) {
        long now = nanos.getAsLong();
        if (now < pausedUntil) {
            return pausedUntil - now;
        }
        long wait = Math.max(requests.waitFor(1, now), Math.max(input.waitFor(inputTokens, now),
                output.waitFor(outputTokens, now)));
        if (wait > 0) {
            return wait;
        }
        requests.take(1);
        input.take(inputTokens);
        output.take(outputTokens);
        return 0;
    }

    /** Corrects the estimates taken by {@link #acquire} with what the request really used. */
    public synchronized void settle(long estimatedInput, long actualInput, long estimatedOutput, long actualOutput) {
        input.take(actualInput - estimatedInput);
        output.take(actualOutput - estimatedOutput);
    }

    /** Nobody sends before {@code millis} from now (a 429's retry-after). */
    public synchronized void pause(long millis) {
        pausedUntil = Math.max(pausedUntil, nanos.getAsLong() + millis * 1_000_000);
    }

    /** Adapts to the limits and remaining capacity the server reported. */
    public synchronized void observe(RateLimits l, Instant wallNow) {
        long now = nanos.getAsLong();
        if (l.requestsLimit() != null && l.requestsLimit() > 0) {
            requests.lowerLimit(l.requestsLimit(), now);
        }
        if (l.inputTokensLimit() != null && l.inputTokensLimit() > 0) {
            input.lowerLimit(l.inputTokensLimit(), now);
        }
        if (l.requestsRemaining() != null && l.requestsRemaining() == 0 && l.requestsReset() != null) {
            long ms = l.requestsReset().toEpochMilli() - wallNow.toEpochMilli();
            if (ms > 0) {
                pausedUntil = Math.max(pausedUntil, now + Math.min(ms, 60_000) * 1_000_000);
            }
        }
        if (l.inputTokensRemaining() != null) {
            input.atMost(l.inputTokensRemaining(), now);
        }
        // The API counts a request's max_tokens against the output limit when it arrives: an organisation's
        // limit below the configured one would otherwise be found by 429s, request after request.
        if (l.outputTokensLimit() != null && l.outputTokensLimit() > 0) {
            output.lowerLimit(l.outputTokensLimit(), now);
        }
        if (l.outputTokensRemaining() != null) {
            output.atMost(l.outputTokensRemaining(), now);
        }
    }

    public synchronized long requestsPerMinute() {
        return requests.perMinute;
    }

    /** A continuously refilled bucket holding at most one minute's allowance. */
    private static final class Bucket {
        private long perMinute;
        private double level;
        private long refilledAt;

        Bucket(long perMinute, long now) {
            this.perMinute = perMinute;
            this.level = perMinute;
            this.refilledAt = now;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                level = Math.min(perMinute, level + (double) (now - refilledAt) * perMinute / MINUTE);
                refilledAt = now;
            }
        }

        /** Nanoseconds until {@code n} are available; a request larger than the bucket waits for a full one. */
        long waitFor(long n, long now) {
            refill(now);
            double need = Math.min(n, perMinute);
            if (level >= need) {
                return 0;
            }
            return (long) Math.ceil((need - level) * MINUTE / perMinute);
        }

        void take(long n) {
            level -= n;
            if (level > perMinute) {
                level = perMinute;
            }
        }

        void lowerLimit(long limit, long now) {
            if (limit < perMinute) {
                refill(now);
                perMinute = limit;
                level = Math.min(level, limit);
            }
        }

        void atMost(long remaining, long now) {
            refill(now);
            level = Math.min(level, remaining);
        }
    }
}
