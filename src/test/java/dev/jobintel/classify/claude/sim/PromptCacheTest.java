package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's tokenizer and prompt-cache accounting, without HTTP. */
class PromptCacheTest {

    private static final String HAIKU = "claude-haiku-4-5-20251001";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void oneTokenPerFourCharactersRoundedUp() {
        assertThat(TokenCount.of(null)).isZero();
        assertThat(TokenCount.of("")).isZero();
        assertThat(TokenCount.of("a")).isEqualTo(1);
        assertThat(TokenCount.of("abcd")).isEqualTo(1);
        assertThat(TokenCount.of("abcde")).isEqualTo(2);
        assertThat(TokenCount.of("x".repeat(4096 * 4))).isEqualTo(4096);
    }

    @Test
    void minimumCacheableLengthsByModel() {
        assertThat(PromptCache.minimumCacheable("claude-haiku-4-5")).isEqualTo(4096);
        assertThat(PromptCache.minimumCacheable("claude-haiku-4-5-20251001")).isEqualTo(4096);
        assertThat(PromptCache.minimumCacheable("claude-opus-4-5-20251101")).isEqualTo(4096);
        assertThat(PromptCache.minimumCacheable("claude-opus-4-6")).isEqualTo(4096);
        assertThat(PromptCache.minimumCacheable("claude-haiku-3-5")).isEqualTo(2048);
        assertThat(PromptCache.minimumCacheable("claude-3-5-haiku-20241022")).isEqualTo(2048);
        assertThat(PromptCache.minimumCacheable("claude-sonnet-4-5-20250929")).isEqualTo(1024);
        assertThat(PromptCache.minimumCacheable("claude-opus-4-1")).isEqualTo(1024);
    }

    @Test
    void aliasesGetTheirDatedIdAndOtherModelsAreEchoed() {
        assertThat(MessagesSimulator.concreteModel("claude-haiku-4-5")).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(MessagesSimulator.concreteModel("claude-sonnet-4-5")).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(MessagesSimulator.concreteModel("claude-haiku-4-5-20251001")).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(MessagesSimulator.concreteModel("claude-opus-4-6")).isEqualTo("claude-opus-4-6");
    }

    /** tools, then a cached system block, then two messages; the breakpoint is on the second system block. */
    private static ObjectNode request(String stable, String ttl, String user) {
        ObjectNode body = MessagesSimulator.JSON.createObjectNode();
        body.put("model", "claude-haiku-4-5").put("max_tokens", 100);
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", "record").putObject("input_schema").put("type", "object");
        ArrayNode system = body.putArray("system");
        system.addObject().put("type", "text").put("text", "You classify postings.");
        ObjectNode cached = system.addObject().put("type", "text").put("text", stable);
        ObjectNode cc = cached.putObject("cache_control").put("type", "ephemeral");
        if (ttl != null) {
            cc.put("ttl", ttl);
        }
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "An example posting.");
        ObjectNode last = messages.addObject().put("role", "user");
        last.putArray("content").addObject().put("type", "text").put("text", user);
        return body;
    }

    private static int toolTokens(JsonNode body) {
        return TokenCount.of(PromptCache.compact(body.get("tools").get(0)));
    }

    @Test
    void countsEveryPieceAndCutsThePrefixAtTheLastBreakpoint() {
        String stable = "s".repeat(20_000);
        ObjectNode body = request(stable, null, "posting text");

        PromptCache.Plan plan = PromptCache.plan(HAIKU, body);

        int prefix = toolTokens(body) + TokenCount.of("You classify postings.") + TokenCount.of(stable);
        assertThat(plan.prefixTokens()).isEqualTo(prefix);
        assertThat(plan.totalTokens()).isEqualTo(prefix + TokenCount.of("An example posting.")
                + TokenCount.of("posting text"));
        assertThat(plan.cacheable()).isTrue();
        assertThat(plan.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(PromptCache.plan(HAIKU, request(stable, "1h", "x")).ttl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWriteThenReadsUntilTheEntryExpires() {
        PromptCache cache = new PromptCache();
        ObjectNode body = request("s".repeat(20_000), null, "posting one");
        PromptCache.Plan plan = PromptCache.plan(HAIKU, body);
        int prefix = plan.prefixTokens();
        int rest = plan.totalTokens() - prefix;

        PromptCache.Decision first = cache.decide(plan, T0);
        assertThat(first.hit()).isFalse();
        assertThat(first.usage()).isEqualTo(new PromptCache.Usage(rest, prefix, 0, prefix, 0));
        // nothing is visible until the first answer is written
        assertThat(cache.decide(plan, T0.plusMillis(100)).hit()).isFalse();
        cache.commit(first, T0.plusMillis(200));

        // a different posting after the same prefix reads it
        PromptCache.Plan other = PromptCache.plan(HAIKU, request("s".repeat(20_000), null, "posting two is longer"));
        PromptCache.Decision read = cache.decide(other, T0.plus(Duration.ofMinutes(4)));
        assertThat(read.hit()).isTrue();
        assertThat(read.usage()).isEqualTo(new PromptCache.Usage(other.totalTokens() - prefix, 0, prefix, 0, 0));

        // the read refreshed the entry: still there 4 minutes later (8 minutes after the write)...
        assertThat(cache.decide(plan, T0.plus(Duration.ofMinutes(8))).hit()).isTrue();
        // ...and gone 5 minutes after the last use
        assertThat(cache.decide(plan, T0.plus(Duration.ofMinutes(13)).plusMillis(1)).hit()).isFalse();
    }

    @Test
    void aOneHourEntryIsReportedAsSuchAndOutlivesFiveMinutes() {
        PromptCache cache = new PromptCache();
        PromptCache.Plan plan = PromptCache.plan(HAIKU, request("s".repeat(20_000), "1h", "p"));

        PromptCache.Decision write = cache.decide(plan, T0);
        cache.commit(write, T0);

        assertThat(write.usage().ephemeral1hInputTokens()).isEqualTo(plan.prefixTokens());
        assertThat(write.usage().ephemeral5mInputTokens()).isZero();
        assertThat(cache.decide(plan, T0.plus(Duration.ofMinutes(59))).hit()).isTrue();
    }

    @Test
    void aShortPrefixOrNoBreakpointIsNeverCached() {
        PromptCache cache = new PromptCache();
        // 3,000 tokens: enough for sonnet (1,024), not for haiku 4.5 (4,096)
        ObjectNode body = request("s".repeat(12_000), null, "p");
        PromptCache.Plan haiku = PromptCache.plan(HAIKU, body);
        PromptCache.Plan sonnet = PromptCache.plan("claude-sonnet-4-5-20250929", body);

        assertThat(haiku.cacheable()).isFalse();
        PromptCache.Decision d = cache.decide(haiku, T0);
        cache.commit(d, T0);
        assertThat(cache.decide(haiku, T0.plusSeconds(1)).usage())
                .isEqualTo(new PromptCache.Usage(haiku.totalTokens(), 0, 0, 0, 0));
        assertThat(sonnet.cacheable()).isTrue();
        assertThat(cache.size(T0.plusSeconds(1))).isZero();

        ObjectNode plain = request("s".repeat(20_000), null, "p");
        ((ObjectNode) plain.get("system").get(1)).remove("cache_control");
        assertThat(PromptCache.plan(HAIKU, plain).cacheable()).isFalse();
        assertThat(PromptCache.plan(HAIKU, plain).totalTokens()).isEqualTo(haiku.totalTokens() + 2000);
    }

    @Test
    void differentModelsAndDifferentPrefixesDoNotShareEntries() {
        PromptCache cache = new PromptCache();
        ObjectNode body = request("s".repeat(20_000), null, "p");
        PromptCache.Decision write = cache.decide(PromptCache.plan(HAIKU, body), T0);
        cache.commit(write, T0);

        assertThat(cache.decide(PromptCache.plan("claude-opus-4-5-20251101", body), T0).hit()).isFalse();
        assertThat(cache.decide(PromptCache.plan(HAIKU, request("t".repeat(20_000), null, "p")), T0).hit()).isFalse();
        assertThat(cache.decide(PromptCache.plan(HAIKU, body), T0).hit()).isTrue();
    }

    @Test
    void aTopLevelCacheControlCachesTheWholePrompt() {
        ObjectNode body = request("s".repeat(20_000), null, "p");
        ((ObjectNode) body.get("system").get(1)).remove("cache_control");
        body.putObject("cache_control").put("type", "ephemeral").put("ttl", "1h");

        PromptCache.Plan plan = PromptCache.plan(HAIKU, body);

        assertThat(plan.prefixTokens()).isEqualTo(plan.totalTokens());
        assertThat(plan.ttl()).isEqualTo(Duration.ofHours(1));
    }
}
