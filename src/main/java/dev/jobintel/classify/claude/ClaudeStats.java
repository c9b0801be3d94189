package dev.jobintel.classify.claude;

import dev.jobintel.classify.cost.TokenUsage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** What the Claude classifier did in this process: requests, reuse, tokens and money. */
public final class ClaudeStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder reAsks = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder prefiltered = new LongAdder();
    private final LongAdder classified = new LongAdder();
    private final AtomicLong input = new AtomicLong();
    private final AtomicLong output = new AtomicLong();
    private final AtomicLong cacheWrite = new AtomicLong();
    private final AtomicLong cacheRead = new AtomicLong();
    private final DoubleAdder cost = new DoubleAdder();

    /** A snapshot. {@code classified} counts postings the model classified (not reused, not pre-filtered). */
    public record Snapshot(long requests, long answered, long retries, long reAsks, long reused, long prefiltered,
                           long classified, TokenUsage usage, double costUsd) {

        /** Share of input tokens that were read from the prompt cache. */
        public double cacheHitRatio() {
            long total = usage.totalInput();
            return total == 0 ? 0 : (double) usage.cacheRead() / total;
        }
    }

    void request() {
        requests.increment();
    }

    void answered(TokenUsage u, double usd) {
        answered.increment();
        input.addAndGet(u.input());
        output.addAndGet(u.output());
        cacheWrite.addAndGet(u.cacheWrite());
        cacheRead.addAndGet(u.cacheRead());
        cost.add(usd);
    }

    void retry() {
        retries.increment();
    }

    void reAsk() {
        reAsks.increment();
    }

    void reused() {
        reused.increment();
    }

    void prefiltered() {
        prefiltered.increment();
    }

    void classified() {
        classified.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.sum(), answered.sum(), retries.sum(), reAsks.sum(), reused.sum(), prefiltered.sum(),
                classified.sum(), new TokenUsage(input.get(), output.get(), cacheWrite.get(), cacheRead.get()), cost.sum());
    }
}
