package dev.jobintel.config;

/**
 * One model's price in US dollars per million tokens. Cache prices default to Anthropic's
 * multipliers of the input price: a 5-minute cache write costs 1.25×, a 1-hour write 2×, a
 * cache read 0.1×. The Message Batches API halves every price.
 */
public record ModelPrice(Double input, Double output, Double cacheWrite, Double cacheWrite1h, Double cacheRead) {

    public ModelPrice {
        if (input != null) {
            cacheWrite = cacheWrite == null ? input * 1.25 : cacheWrite;
            cacheWrite1h = cacheWrite1h == null ? input * 2.0 : cacheWrite1h;
            cacheRead = cacheRead == null ? input * 0.1 : cacheRead;
        }
    }

    public static ModelPrice of(double input, double output) {
        return new ModelPrice(input, output, null, null, null);
    }
}
