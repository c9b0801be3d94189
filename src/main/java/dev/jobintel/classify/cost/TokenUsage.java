package dev.jobintel.classify.cost;

/**
 * The tokens one answered request was billed for, as the API's {@code usage} states them.
 * Total input is {@code input + cacheWrite + cacheRead}: {@code input} is only the uncached part.
 */
public record TokenUsage(long input, long output, long cacheWrite, long cacheRead) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(input + o.input, output + o.output, cacheWrite + o.cacheWrite, cacheRead + o.cacheRead);
    }

    public long totalInput() {
        return input + cacheWrite + cacheRead;
    }
}
