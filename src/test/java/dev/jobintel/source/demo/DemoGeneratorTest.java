package dev.jobintel.source.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.classify.taxonomy.SkillDictionary;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.source.demo.Truth.Expected;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DemoPosting> SNAPSHOT = DemoGenerator.snapshot();
    private static final Taxonomy TAXONOMY = Taxonomy.bundled();

    private static long count(Expected e) {
        return SNAPSHOT.stream().filter(p -> p.truth().expected() == e).count();
    }

    private static JsonNode json(DemoPosting p) {
        try {
            return JSON.readTree(p.jsonLine());
        } catch (IOException e) {
            throw new AssertionError(p.jsonLine(), e);
        }
    }

    @Test
    void theSnapshotIsDeterministic() {
        assertThat(DemoGenerator.snapshot()).isEqualTo(SNAPSHOT);
    }

    @Test
    void theSnapshotHasTheVolumeAndVarietyTheDemoPromises() {
        assertThat(SNAPSHOT.size()).isGreaterThanOrEqualTo(1_500);
        List<JsonNode> postings = SNAPSHOT.stream().filter(p -> p.truth().expected() != Expected.REJECT)
                .map(DemoGeneratorTest::json).toList();
        assertThat(postings).allSatisfy(n -> {
            assertThat(n.isObject()).isTrue();
            assertThat(n.path("source").asText()).isNotBlank();
        });
        Set<String> companies = postings.stream().map(n -> n.path("company").asText("")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
        assertThat(companies.size()).isGreaterThanOrEqualTo(40);
        Set<String> cities = SNAPSHOT.stream().map(p -> p.truth().expectedCity()).filter(c -> c != null)
                .collect(Collectors.toSet());
        assertThat(cities.size()).isGreaterThanOrEqualTo(10);
        Set<String> currencies = SNAPSHOT.stream().map(p -> p.truth().salaryCurrency()).filter(c -> c != null)
                .collect(Collectors.toSet());
        assertThat(currencies.size()).isGreaterThanOrEqualTo(5);
        assertThat(postings.stream().map(n -> n.path("source").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("greenhouse", "lever", "ashby", "workable", "smartrecruiters", "adzuna");

        assertThat(count(Expected.DUPLICATE)).isGreaterThanOrEqualTo(60);
        assertThat(count(Expected.RESEEN)).isGreaterThanOrEqualTo(40);
        assertThat(count(Expected.AGENCY)).isGreaterThanOrEqualTo(50);
        assertThat(count(Expected.TOO_SHORT)).isGreaterThanOrEqualTo(30);
        assertThat(count(Expected.REJECT)).isGreaterThanOrEqualTo(15);

        assertThat(postings).anySatisfy(n -> assertThat(n.path("description").asText()).startsWith("&lt;p&gt;"));
        assertThat(postings).anySatisfy(n -> assertThat(n.path("description").asText().length()).isGreaterThan(80_000));
        assertThat(postings).anySatisfy(n -> assertThat(n.get("description").isNull()).isTrue());
        assertThat(postings).anySatisfy(n -> assertThat(n.get("company").isNull()).isTrue());
        assertThat(postings).anySatisfy(n -> assertThat(n.get("location").isNull()).isTrue());
        assertThat(postings).anySatisfy(n -> assertThat(n.get("posted_at").isNull()).isTrue());
        assertThat(postings).anySatisfy(n -> assertThat(n.get("hints").isNull()).isTrue());
        assertThat(postings).anySatisfy(n -> assertThat(n.path("location").asText()).isEqualTo("NYC; Remote, US"));
        assertThat(postings).anySatisfy(n -> assertThat(n.path("location").asText()).isEqualTo("India - Remote"));
        assertThat(postings).anySatisfy(n -> assertThat(n.path("location").asText()).isEqualTo("TBD"));
        assertThat(postings).anySatisfy(n -> assertThat(n.path("description").asText()).contains("DROP TABLE"));
        assertThat(postings).anySatisfy(n -> assertThat(n.path("description").asText()).contains("🚀"));
    }

    @Test
    void everyLabelIsATaxonomyCodeAndSkillsAreCanonical() {
        for (DemoPosting p : SNAPSHOT) {
            Truth t = p.truth();
            if (t.expected() == Expected.REJECT) {
                continue;
            }
            assertThat(TAXONOMY.families().contains(t.family())).as(t.family()).isTrue();
            assertThat(TAXONOMY.familyOf(t.subfamily())).isEqualTo(t.family());
            assertThat(TAXONOMY.seniority().contains(t.seniority())).isTrue();
            assertThat(TAXONOMY.tracks().contains(t.track())).isTrue();
            assertThat(TAXONOMY.arrangements().contains(t.arrangement())).isTrue();
            assertThat(TAXONOMY.positionTypes().contains(t.positionType())).isTrue();
            for (String s : t.skills()) {
                assertThat(TAXONOMY.skills().lookup(s)).as(s).map(SkillDictionary.Skill::name).contains(s);
            }
        }
    }

    @Test
    void theSkillsATruthListsAreTheOnesItsTextMentions() {
        for (DemoPosting p : SNAPSHOT) {
            if (p.truth().expected() != Expected.NEW_JOB) {
                continue;
            }
            JsonNode n = json(p);
            Set<String> found = new HashSet<>();
            String text = HtmlText.toText(n.path("description").asText(null));
            String company = n.path("company").asText("");
            if (!company.isBlank()) {
                // As the rules classifier reads it: the employer's name is not a skill.
                text = text.replace(company, " ");
            }
            TAXONOMY.skills().find(n.path("title").asText(), text).forEach(s -> found.add(s.name()));
            assertThat(found).as(p.jsonLine().substring(0, Math.min(200, p.jsonLine().length())))
                    .containsExactlyInAnyOrderElementsOf(p.truth().skills());
        }
    }

    @Test
    void bulkLinesAreValidDeterministicAndSized() throws IOException {
        StringWriter a = new StringWriter();
        DemoGenerator.writeBulk(a, 1_000, 3_000, 7);
        StringWriter b = new StringWriter();
        DemoGenerator.writeBulk(b, 1_000, 3_000, 7);
        assertThat(a.toString()).isEqualTo(b.toString());
        String[] lines = a.toString().split("\n");
        assertThat(lines).hasSize(1_000);
        long total = 0;
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            ids.add(n.path("source").asText() + ":" + n.path("id").asText());
            total += n.path("description").asText().length();
        }
        assertThat(ids).hasSize(1_000);
        assertThat(total / 1_000.0).isBetween(2_400.0, 3_600.0);
    }

    @Test
    void countsAreReportedPerExpectedOutcome() {
        Map<String, Integer> counts = DemoGenerator.counts(DemoGenerator.records());
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SNAPSHOT.size());
    }
}
