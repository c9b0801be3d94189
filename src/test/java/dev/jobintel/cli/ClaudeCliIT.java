package dev.jobintel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claude classifier from the command line, as a separate process with the key and base
 * URL in its environment, against a local Messages server.
 */
class ClaudeCliIT {

    @TempDir
    Path dir;

    private MessagesSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private Map<String, String> env() {
        return Map.of("ANTHROPIC_API_KEY", "sk-test-secret-value", "ANTHROPIC_BASE_URL", sim.baseUrl());
    }

    private JobintelProcess.Result jobintel(String... args) throws Exception {
        return JobintelProcess.run(dir, env(), args);
    }

    /** enrich with the claude classifier, limits out of the way of a local server. */
    private JobintelProcess.Result enrich(String... more) throws Exception {
        Path cfg = dir.resolve("claude.yaml");
        Files.writeString(cfg, "classifier:\n  name: claude\n  claude: {requests_per_minute: 100000, "
                + "output_tokens_per_minute: 100000000}\n");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("enrich", "--config", cfg.toString(),
                "--db", db(), "--no-progress"));
        args.addAll(java.util.List.of(more));
        return jobintel(args.toArray(String[]::new));
    }

    private String url;

    /** The database the tests run on; {@link ClaudeCliOnPostgresIT} runs them all on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    private String db() {
        if (url == null) {
            url = databaseUrl();
        }
        return url;
    }

    /** The first 300 lines of the demo data, written once for the class: the tests only read it. */
    private static Path demoPart;

    @BeforeAll
    static void writeDemo(@TempDir Path shared) throws Exception {
        Path file = shared.resolve("demo.jsonl");
        JobintelProcess.Result written = JobintelProcess.run(shared, Map.of(), "demo", "--jsonl", file.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        demoPart = shared.resolve("part.jsonl");
        Files.write(demoPart, Files.readAllLines(file).subList(0, 300));
    }

    /** The first 300 lines of the demo data, imported and not yet enriched: every posting pending. */
    private void landDemo() throws Exception {
        JobintelProcess.Result r = jobintel("import", demoPart.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** The dollars a dry run estimates. */
    private static double estimate(String dryRun) {
        Matcher m = Pattern.compile("Estimated cost: \\$([0-9.,]+)").matcher(dryRun);
        assertThat(m.find()).as(dryRun).isTrue();
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    @Test
    void dryRunEstimatesWithoutSendingOrWriting() throws Exception {
        sim = MessagesSimulator.start(new RulesResponder());
        landDemo();
        JobintelProcess.Result r = enrich("--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Dry run: nothing is sent").contains("postings need a request")
                .contains("Estimated cost: $").contains("with --batch about $");
        assertThat(sim.messageCalls()).isZero();
        JobintelProcess.Result status = jobintel("status", "--db", db(), "--json");
        assertThat(status.out()).contains("\"pending\"");
        Matcher m = Pattern.compile("(\\d[\\d,]*) postings need a request").matcher(r.out());
        assertThat(m.find()).isTrue();
        long predicted = Long.parseLong(m.group(1).replace(",", ""));

        // A prefix cached for an hour costs more to write, and the estimate says so.
        Path hour = Files.writeString(dir.resolve("hour.yaml"), "classifier:\n  name: claude\n  claude: {cache_ttl: 1h}\n");
        JobintelProcess.Result hourly = jobintel("enrich", "--config", hour.toString(), "--db", db(), "--dry-run");
        assertThat(hourly.exit()).as(hourly.err()).isZero();
        assertThat(estimate(hourly.out())).isGreaterThan(estimate(r.out()));

        // The estimate's request count is what a real run then sends.
        JobintelProcess.Result run = enrich("--concurrency", "8");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(sim.messageCalls()).isEqualTo((int) predicted);
    }

    @Test
    void aRunShowsItsCostAndStatusShowsTheLedgerWithoutEverPrintingTheKey() throws Exception {
        sim = MessagesSimulator.start(new RulesResponder());
        landDemo();
        JobintelProcess.Result r = enrich("--concurrency", "8");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Claude claude-haiku-4-5 (prompt claude-").contains("read from the cache")
                .contains("cost this run: $").contains("per classified job").contains("cost ledger: $");
        JobintelProcess.Result status = jobintel("status", "--db", db());
        assertThat(status.out()).contains("Model calls:").contains("per job").contains("from the cache");
        assertThat(r.out() + r.err() + status.out() + status.err()).doesNotContain("sk-test-secret-value");
        // What the run printed as its cost is what the ledger holds.
        Matcher run = Pattern.compile("cost this run: (\\$[0-9.,]+)").matcher(r.out());
        Matcher ledger = Pattern.compile("cost ledger: (\\$[0-9.,]+)").matcher(status.out());
        assertThat(run.find()).isTrue();
        assertThat(ledger.find()).isTrue();
        assertThat(ledger.group(1)).isEqualTo(run.group(1));
        // The JSON ledger holds what the text shows: the cost per job and the cache hit ratio, not only the sums.
        JsonNode cost = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(jobintel("status", "--db", db(), "--json").out()).get("cost");
        assertThat(cost.get("jobsByModel").asLong()).isPositive();
        assertThat(cost.get("costPerJob").asDouble()).isPositive().isCloseTo(
                cost.get("costUsd").asDouble() / cost.get("jobsByModel").asLong(), org.assertj.core.data.Offset.offset(1e-12));
        long cacheRead = cost.get("cacheReadTokens").asLong();
        assertThat(cacheRead).isPositive();
        assertThat(cost.get("cacheHitRatio").asDouble()).isCloseTo((double) cacheRead / (cacheRead
                + cost.get("inputTokens").asLong() + cost.get("cacheWriteTokens").asLong()),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void incident14APromptWhoseAnswersGoBadIsSaidInTheRunAndInStatus() throws Exception {
        RulesResponder good = new RulesResponder();
        // A third of the postings get malformed JSON, asked or re-asked.
        sim = MessagesSimulator.start(req -> Math.floorMod(req.userText().hashCode(), 3) == 0
                ? Answer.text("{\"family\": \"data\", \"subfamily\": ") : good.answer(req));
        landDemo();
        JobintelProcess.Result r = enrich("--concurrency", "8");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("warning: [0-9.]+% of claude-haiku-4-5[-0-9]*'s answers to prompt claude-"
                + "[0-9a-f]+ were invalid");
        JobintelProcess.Result status = jobintel("status", "--db", db());
        assertThat(status.out()).contains("invalid %").containsPattern("warning: [0-9.]+% of ");
        JsonNode answers = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(jobintel("status", "--db", db(), "--json").out()).get("answers");
        assertThat(answers).hasSize(1);
        JsonNode a = answers.get(0);
        long invalid = a.get("outcomes").get("invalid").asLong();
        assertThat(invalid).isPositive();
        assertThat(a.get("invalidShare").asDouble()).isBetween(0.10, 0.90)
                .isCloseTo((double) invalid / (invalid + a.get("outcomes").get("valid").asLong()),
                        org.assertj.core.data.Offset.offset(1e-9));
        // Each invalid first answer was asked again with its problems (an invalid re-ask is not).
        Matcher reAsked = Pattern.compile("([\\d,]+) re-asked").matcher(r.out());
        assertThat(reAsked.find()).isTrue();
        assertThat(Long.parseLong(reAsked.group(1).replace(",", ""))).isPositive().isLessThanOrEqualTo(invalid);
    }

    @Test
    void theMainJobTakesTheClassifierOptionsOfEnrich() throws Exception {
        sim = MessagesSimulator.start(new RulesResponder());
        Path cfg = dir.resolve("limits.yaml");
        Files.writeString(cfg, "classifier:\n  claude: {requests_per_minute: 100000, output_tokens_per_minute: 100000000}\n");
        JobintelProcess.Result r = jobintel("run", "--classifier", "claude", "--concurrency", "16", "--config",
                cfg.toString(), "--db", db(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("classifier: claude").contains("Claude claude-haiku-4-5 (prompt claude-")
                .contains("Invariants: all hold");
        assertThat(sim.messageCalls()).isPositive();
        assertThat(sim.maxInFlight()).isLessThanOrEqualTo(16);
    }

    @Test
    void aRefusedKeyStopsWithExit6AndLeavesEverythingPending() throws Exception {
        sim = MessagesSimulator.start(req -> Answer.error(401, "authentication_error", "invalid x-api-key"));
        landDemo();
        JobintelProcess.Result r = enrich();
        assertThat(r.exit()).isEqualTo(Main.RUN_STOPPED);
        assertThat(r.err()).contains("stopped: the Claude API refused the run").contains("check ANTHROPIC_API_KEY")
                .contains("still pending").doesNotContain("Exception").doesNotContain("\tat ");
        JobintelProcess.Result check = jobintel("status", "--db", db(), "--check");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).doesNotContain("| failed  ").contains("pending");
        assertThat(sim.messageCalls()).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheClaudeClassifierIsAConfigurationErrorButCommandsThatDoNotClassifyRun() throws Exception {
        sim = MessagesSimulator.start(new RulesResponder());
        JobintelProcess.Result r = JobintelProcess.run(dir, Map.of(), "enrich", "--classifier", "claude", "--db", db());
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("environment: ANTHROPIC_API_KEY: not set").doesNotContain("\tat ");
        // A key pasted with a control character in it is refused before any request, without echoing it.
        JobintelProcess.Result garbled = JobintelProcess.run(dir, Map.of("ANTHROPIC_API_KEY", "sk-ant-SECRET\u0001TAIL",
                "ANTHROPIC_BASE_URL", sim.baseUrl()), "enrich", "--classifier", "claude", "--db", db());
        assertThat(garbled.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(garbled.err()).contains("ANTHROPIC_API_KEY: has a character an HTTP header cannot carry (U+0001")
                .doesNotContain("SECRET").doesNotContain("TAIL");
        assertThat(sim.messageCalls()).isZero();
        Path cfg = dir.resolve("claude-only.yaml");
        Files.writeString(cfg, "classifier: {name: claude}\n");
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"source\": \"import\", \"title\": \"Data Engineer\", \"url\": \"https://x.example/1\", "
                + "\"company\": \"Acme\", \"description\": \"" + Fixtures.DESCRIPTION + "\"}\n");
        JobintelProcess.Result imported = JobintelProcess.run(dir, Map.of(), "import", file.toString(), "--config",
                cfg.toString(), "--db", db());
        assertThat(imported.exit()).as(imported.err()).isZero();
        JobintelProcess.Result run = JobintelProcess.run(dir, Map.of(), "run", "--config", cfg.toString(), "--db", db());
        assertThat(run.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(run.err()).contains("ANTHROPIC_API_KEY");

        // What it would cost can be known before there is a key: a dry run sends nothing.
        JobintelProcess.Result plan = JobintelProcess.run(dir, Map.of("ANTHROPIC_BASE_URL", sim.baseUrl()), "enrich",
                "--dry-run", "--config", cfg.toString(), "--db", db());
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Dry run: nothing is sent").contains("1 posting needs a request")
                .contains("Estimated cost: $");
        assertThat(sim.requests()).isEmpty();
        JobintelProcess.Result retryPlan = JobintelProcess.run(dir, Map.of(), "retry", "--dry-run", "--config",
                cfg.toString(), "--db", db());
        assertThat(retryPlan.exit()).as(retryPlan.err()).isZero();
    }

    @Test
    void evalWithClaudeShowsWhatItCostAndStopsAtItsBudget() throws Exception {
        sim = MessagesSimulator.start(new RulesResponder());
        Path cfg = dir.resolve("claude.yaml");
        Files.writeString(cfg, "classifier:\n  claude: {requests_per_minute: 100000, output_tokens_per_minute: 100000000}\n");
        JobintelProcess.Result r = jobintel("eval", "--labels", "demo", "--limit", "12", "--classifier", "claude",
                "--config", cfg.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Evaluated the claude classifier on 12 labelled postings")
                .contains("cost this run: $").doesNotContain("sk-test-secret-value");
        long paid = sim.messageCalls();
        assertThat(paid).isPositive();

        // A budget below one request's worst case stops before the first call.
        JobintelProcess.Result capped = jobintel("eval", "--labels", "demo", "--limit", "12", "--classifier", "claude",
                "--config", cfg.toString(), "--budget-usd", "0.000001", "--no-progress");
        assertThat(capped.exit()).as(capped.out() + capped.err()).isEqualTo(Main.RUN_STOPPED);
        assertThat(capped.err()).contains("stopped").contains("budget");
        assertThat(capped.out() + capped.err()).contains("cost this run: $0");
        assertThat(sim.messageCalls()).isEqualTo(paid);

        // A budget that buys some of the postings: those are scored, the rest are not counted. (Once the
        // first answer measured the prompt, a request's worst case is a few times its price: 0.105 buys
        // about thirty.)
        JobintelProcess.Result part = jobintel("eval", "--labels", "demo", "--limit", "40", "--classifier", "claude",
                "--config", cfg.toString(), "--budget-usd", "0.105", "--concurrency", "1", "--json", "--no-progress");
        assertThat(part.exit()).as(part.out() + part.err()).isEqualTo(Main.RUN_STOPPED);
        assertThat(part.err()).contains("stopped").contains("budget");
        // What it spent is shown with --json too: beside the JSON, not in it.
        assertThat(part.err()).contains("cost this run: $");
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(part.out());
        long bought = sim.messageCalls() - paid;
        long scored = report.path("examples").asLong();
        assertThat(bought).isPositive();
        // Postings the rules pre-filter decides cost nothing, so more may be scored than were paid for.
        assertThat(scored).isBetween(bought, 39L);
        assertThat(report.path("labelled").asInt()).isEqualTo(40);
        assertThat(report.path("stopped").path("reason").asText()).isEqualTo("budget");
        assertThat(report.path("fields").get(0).path("total").asLong()).isEqualTo(scored);
        // The rules classifier has no budget to set.
        assertThat(jobintel("eval", "--labels", "demo", "--budget-usd", "1").exit()).isEqualTo(2);
    }
}
