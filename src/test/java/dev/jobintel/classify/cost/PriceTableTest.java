package dev.jobintel.classify.cost;

import dev.jobintel.config.ModelPrice;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Incident 10: the price table had the wrong output price for months. */
class PriceTableTest {

    @Test
    void incident10BundledPricesAreThePublishedOnesForDatedIdsToo() {
        PriceTable t = PriceTable.bundledWith(Map.of());
        ModelPrice haiku = t.find("claude-haiku-4-5-20251001").orElseThrow();
        assertThat(haiku.input()).isEqualTo(1.00);
        assertThat(haiku.output()).isEqualTo(5.00);
        assertThat(haiku.cacheWrite()).isEqualTo(1.25);
        assertThat(haiku.cacheWrite1h()).isEqualTo(2.00);
        assertThat(haiku.cacheRead()).isEqualTo(0.10, within(1e-12));
        assertThat(t.find("claude-sonnet-4-5").orElseThrow().output()).isEqualTo(15.00);
        assertThat(t.find("claude-opus-4-5-20251101").orElseThrow().output()).isEqualTo(25.00);
        // "claude-opus-4-1" must not be priced as "claude-opus-4"'s longer cousin or vice versa.
        assertThat(t.find("claude-opus-4-1-20250805").orElseThrow().input()).isEqualTo(15.00);
        assertThat(t.find("gpt-4")).isEmpty();
    }

    @Test
    void aLaterVersionOfAListedModelIsNotPricedAsTheModelItsNameStartsWith() {
        PriceTable t = PriceTable.bundledWith(Map.of());
        // Opus 4.7 is listed at $5/$25, not at Opus 4's $15/$75: priced as "claude-opus-4", every cost, the
        // budget and a dry run's estimate were three times what the API bills.
        assertThat(t.find("claude-opus-4-7").orElseThrow().input()).isEqualTo(5.00);
        assertThat(t.find("claude-opus-4-7").orElseThrow().output()).isEqualTo(25.00);
        // Opus 5.5 is listed below Opus 5, and Sonnet 5 below Sonnet 4.6.
        assertThat(t.find("claude-opus-5-5").orElseThrow().input()).isEqualTo(4.00);
        assertThat(t.find("claude-opus-5").orElseThrow().input()).isEqualTo(5.00);
        assertThat(t.find("claude-sonnet-5").orElseThrow().output()).isEqualTo(10.00);
        // A version the table does not list has no price (the config names one), rather than an older model's.
        assertThat(t.find("claude-opus-4-9")).isEmpty();
        assertThat(t.find("claude-sonnet-4-9-20270101")).isEmpty();
        // Dated ids and aliases of listed models keep their model's price.
        assertThat(t.find("claude-opus-4-20250514").orElseThrow().input()).isEqualTo(15.00);
        assertThat(t.find("claude-sonnet-4-20250514").orElseThrow().input()).isEqualTo(3.00);
        assertThat(t.find("claude-3-5-haiku-latest").orElseThrow().input()).isEqualTo(0.80);
    }

    @Test
    void haiku3sCachePricesAreItsListedOnesNotTheUsualMultiples() {
        // Claude Haiku 3 lists its cache at $0.30 (5-minute write) and $0.03 (read), not 1.25x and 0.1x of $0.25.
        ModelPrice haiku3 = PriceTable.bundledWith(Map.of()).find("claude-3-haiku-20240307").orElseThrow();
        assertThat(haiku3.cacheWrite()).isEqualTo(0.30, within(1e-12));
        assertThat(haiku3.cacheWrite1h()).isEqualTo(0.50, within(1e-12));
        assertThat(haiku3.cacheRead()).isEqualTo(0.03, within(1e-12));
    }

    @Test
    void configuredPricesOverrideTheBundledOnes() {
        PriceTable t = PriceTable.bundledWith(Map.of("claude-haiku-4-5", ModelPrice.of(2, 10)));
        assertThat(t.find("claude-haiku-4-5").orElseThrow().output()).isEqualTo(10);
        assertThat(t.find("claude-haiku-4-5").orElseThrow().cacheRead()).isEqualTo(0.2, within(1e-12));
    }

    @Test
    void costAddsEveryKindOfTokenAtItsPriceAndBatchesHalveIt() {
        ModelPrice p = ModelPrice.of(1.00, 5.00);
        TokenUsage u = new TokenUsage(1_000_000, 100_000, 200_000, 3_000_000);
        // 1.00 + 0.5 + 0.25 + 0.30
        assertThat(PriceTable.cost(p, u, false, false)).isCloseTo(2.05, within(1e-9));
        assertThat(PriceTable.cost(p, u, true, false)).isCloseTo(1.025, within(1e-9));
        // A 1-hour cache write costs twice the input price.
        assertThat(PriceTable.cost(p, new TokenUsage(0, 0, 1_000_000, 0), false, true)).isCloseTo(2.0, within(1e-9));
    }
}
