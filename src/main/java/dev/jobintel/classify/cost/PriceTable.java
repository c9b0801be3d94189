package dev.jobintel.classify.cost;

import dev.jobintel.config.ModelPrice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each model costs, USD per million tokens: Anthropic's published prices, bundled, with
 * the user's {@code classifier.prices} laid over them. A dated model id
 * ({@code claude-haiku-4-5-20251001}) is priced as the longest listed name it starts with, unless what
 * follows that name is a version number: {@code claude-opus-4-7} is another model than {@code claude-opus-4}.
 */
public final class PriceTable {

    /** Published list prices (platform.claude.com/docs/en/about-claude/pricing), checked 2026-11. */
    static final Map<String, ModelPrice> BUNDLED = bundled();

    private final Map<String, ModelPrice> prices;

    private PriceTable(Map<String, ModelPrice> prices) {
        this.prices = prices;
    }

    public static PriceTable bundledWith(Map<String, ModelPrice> overrides) {
        Map<String, ModelPrice> all = new LinkedHashMap<>(BUNDLED);
        all.putAll(overrides);
        return new PriceTable(all);
    }

    private static Map<String, ModelPrice> bundled() {
        Map<String, ModelPrice> m = new LinkedHashMap<>();
        m.put("claude-haiku-4-5", ModelPrice.of(1.00, 5.00));
        m.put("claude-sonnet-4-6", ModelPrice.of(3.00, 15.00));
        m.put("claude-sonnet-4-5", ModelPrice.of(3.00, 15.00));
        m.put("claude-sonnet-4", ModelPrice.of(3.00, 15.00));
        m.put("claude-sonnet-5-5", ModelPrice.of(2.00, 10.00));
        m.put("claude-sonnet-5", ModelPrice.of(2.00, 10.00));
        m.put("claude-opus-5-5", ModelPrice.of(4.00, 20.00));
        m.put("claude-opus-5", ModelPrice.of(5.00, 25.00));
        m.put("claude-opus-4-8", ModelPrice.of(5.00, 25.00));
        m.put("claude-opus-4-7", ModelPrice.of(5.00, 25.00));
        m.put("claude-opus-4-6", ModelPrice.of(5.00, 25.00));
        m.put("claude-opus-4-5", ModelPrice.of(5.00, 25.00));
        m.put("claude-opus-4-1", ModelPrice.of(15.00, 75.00));
        m.put("claude-opus-4", ModelPrice.of(15.00, 75.00));
        m.put("claude-3-5-haiku", ModelPrice.of(0.80, 4.00));
        // Haiku 3's cache is not priced at the usual multiples of its input price.
        m.put("claude-3-haiku", new ModelPrice(0.25, 1.25, 0.30, 0.50, 0.03));
        return Map.copyOf(m);
    }

    /**
     * What follows a listed name in the id of another model: a minor version ("7" of claude-opus-4-7), not a date
     * ("20250514") or an alias ("latest") of the listed one.
     */
    private static final Pattern VERSION_AFTER = Pattern.compile("[0-9]{1,2}(?:-.*)?");

    /** The price of {@code model}, or empty when neither the bundled table nor the config knows it. */
    public Optional<ModelPrice> find(String model) {
        ModelPrice exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String name : prices.keySet()) {
            if (model.startsWith(name + "-") && !VERSION_AFTER.matcher(model.substring(name.length() + 1)).matches()
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /**
     * USD for {@code usage}. Cache writes are priced at the 5-minute or 1-hour rate; the
     * Message Batches API halves everything.
     */
    public static double cost(ModelPrice p, TokenUsage usage, boolean batch, boolean hourCache) {
        double write = hourCache ? p.cacheWrite1h() : p.cacheWrite();
        double usd = (usage.input() * p.input() + usage.output() * p.output() + usage.cacheWrite() * write
                + usage.cacheRead() * p.cacheRead()) / 1_000_000.0;
        return batch ? usd * 0.5 : usd;
    }
}
