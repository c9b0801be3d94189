package dev.jobintel.classify.claude;

import dev.jobintel.classify.claude.sim.TokenCount;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudePromptTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final ClassificationTool TOOL = new ClassificationTool(TAXONOMY);
    private static final ClaudePrompt PROMPT = new ClaudePrompt(TAXONOMY, TOOL, 6000);
    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());

    @Test
    void theStablePrefixIsLongEnoughToBeCachedByHaikuWithMargin() {
        // Real tokenizers give about 3.5-4.5 characters of English per token; even at 5 the prefix
        // must stay above Haiku 4.5's 4,096-token minimum, or every request pays for it in full.
        int min = ClaudeClassifier.minimumCacheable("claude-haiku-4-5");
        assertThat(min).isEqualTo(4096);
        assertThat(PROMPT.prefixChars() / 5).isGreaterThan(min);
        assertThat(TokenCount.of(String.join("", PROMPT.prefix()))).isGreaterThan(min);
        assertThat(PROMPT.exampleCount()).isEqualTo(6);
    }

    @Test
    void incidents11And17ThePostingMessageCarriesTitleCompanyPlaceAndEveryHint() {
        Hints hints = new Hints(new Salary(60000.0, 80000.0, "EUR", Salary.Period.YEAR), "hybrid", true, "FullTime",
                "Data", "mid_senior_level", List.of("DE"), Map.of("function", "Engineering"));
        Posting p = new Posting("smartrecruiters", "1", null, "Acme GmbH", "Staff Analytics Engineer",
                "Berlin, Germany", "We model data.", null, hints);
        String m = PROMPT.postingMessage(Prepared.of(p, RESOLVER));
        assertThat(m).contains("Title: Staff Analytics Engineer", "Company: Acme GmbH", "Location: Berlin, Germany",
                "Resolved place: Berlin, DE", "Source: smartrecruiters", "employment type: FullTime", "workplace: hybrid",
                "remote: true", "department: Data", "experience level: mid_senior_level",
                "salary: 60000-80000 EUR per year", "countries: DE", "function: Engineering", "We model data.");
    }

    @Test
    void aRemoteScopeOnSeveralContinentsReachesTheModelAsEachPlace() {
        assertThat(ClaudePrompt.place(RESOLVER.resolve("Remote - US; Remote - Germany")))
                .isEqualTo("US, DE; remote within DE or US");
        assertThat(ClaudePrompt.place(RESOLVER.resolve("Remote, Worldwide"))).isEqualTo("remote, anywhere");
    }

    @Test
    void aHugeTitleOrLocationIsCutSoTheRequestStaysWithinWhatTheApiTakes() {
        Posting p = new Posting("import", "1", null, "Acme", "Backend Engineer ".repeat(50_000),
                "London; ".repeat(500_000), "We build payment systems.", null, Hints.NONE);
        String m = PROMPT.postingMessage(Prepared.of(p, RESOLVER));
        assertThat(m.length()).isLessThan(2 * ClaudePrompt.FIELD_CHARS + 1_000);
        assertThat(m).contains("Title: Backend Engineer Backend Engineer").contains("…\nCompany: Acme\n")
                .contains("Resolved place: London, GB").contains("We build payment systems.");
    }

    @Test
    void aLongDescriptionIsCutAtASentenceEndAndMarked() {
        String d = "First sentence here. " + "x".repeat(50) + ". Third sentence goes past the limit.";
        String cut = ClaudePrompt.cut(d, 80);
        assertThat(cut).isEqualTo("First sentence here. " + "x".repeat(50) + ".\n[description cut]");
        assertThat(ClaudePrompt.cut("short", 80)).isEqualTo("short");
        // No sentence end in the second half: cut at a space.
        assertThat(ClaudePrompt.cut("word ".repeat(40), 50)).endsWith("word\n[description cut]");
    }

    @Test
    void thePromptVersionChangesWithTheDescriptionLengthAndIsStable() {
        assertThat(PROMPT.version()).startsWith("claude-").hasSize("claude-".length() + 12);
        assertThat(new ClaudePrompt(TAXONOMY, TOOL, 6000).version()).isEqualTo(PROMPT.version());
        assertThat(new ClaudePrompt(TAXONOMY, TOOL, 3000).version()).isNotEqualTo(PROMPT.version());
    }

    @Test
    void theToolDefinitionHasAFixedKeyOrderSoThePrefixAndVersionAreTheSameInEveryProcess() {
        // Map.of iterates in a different order in each JVM: the cached prefix would differ from run
        // to run (no cache hits across processes) and so would the prompt version (no reuse).
        assertOrdered(TOOL.definition());
    }

    private static void assertOrdered(Object node) {
        if (node instanceof Map<?, ?> m) {
            assertThat(m).isInstanceOf(java.util.LinkedHashMap.class);
            m.values().forEach(ClaudePromptTest::assertOrdered);
        } else if (node instanceof List<?> l) {
            l.forEach(ClaudePromptTest::assertOrdered);
        }
    }

    @Test
    void theToolSchemaEnumeratesEveryTaxonomyCode() {
        @SuppressWarnings("unchecked")
        Map<String, Object> family = (Map<String, Object>) TOOL.properties().get("family");
        assertThat((List<Object>) family.get("enum")).containsExactlyElementsOf(List.copyOf(TAXONOMY.families().codes()));
        @SuppressWarnings("unchecked")
        Map<String, Object> arrangement = (Map<String, Object>) TOOL.properties().get("arrangement");
        assertThat((List<Object>) arrangement.get("enum")).containsAll(List.copyOf(TAXONOMY.arrangements().codes()))
                .contains((Object) null);
        assertThat(TOOL.required()).contains("family", "subfamily", "salary", "skills", "summary");
    }

    @Test
    void underAUsersOwnTaxonomyTheInstructionsNameNoCodeItLacks(@TempDir Path dir) throws Exception {
        String bundled;
        try (var in = Taxonomy.class.getResourceAsStream(Taxonomy.BUNDLED)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Two families and a fallback of its own: no software_engineering, data, delivery… nor out_of_scope/other.
        int families = bundled.indexOf("\nfamilies:\n");
        int seniority = bundled.indexOf("\nseniority:\n");
        String mine = bundled.substring(0, families).replace("fallback: {family: out_of_scope, subfamily: other}",
                "fallback: {family: other_work, subfamily: misc}")
                + "\nfamilies:\n"
                + "  - {code: engineering, name: Engineering, description: Builds software., subfamilies: [\n"
                + "      {code: software, name: Software, description: Software engineers., title_patterns: ['\\bengineer\\b']}]}\n"
                + "  - {code: other_work, name: Other, description: Anything else., subfamilies: [\n"
                + "      {code: misc, name: Misc, description: Everything else.}]}\n"
                + bundled.substring(seniority);
        Path file = Files.writeString(dir.resolve("mine.yaml"), mine);
        Taxonomy t = Taxonomy.load(file);
        String prefix = String.join("\n", new ClaudePrompt(t, new ClassificationTool(t), 6000).prefix());

        assertThat(prefix).doesNotContain("out_of_scope", "software_engineering", "analytics_engineering", "delivery")
                .contains("classify it as other_work/misc");
        // The bundled taxonomy's prompt is as it was.
        assertThat(String.join("\n", PROMPT.prefix())).contains("is out_of_scope with the closest subfamily, and "
                + "out_of_scope/other\n  when none fits", "classify it as out_of_scope/other with",
                "is data/analytics_engineering at staff level");
    }
}
