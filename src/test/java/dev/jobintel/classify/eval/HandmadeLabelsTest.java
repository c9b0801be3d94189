package dev.jobintel.classify.eval;

import dev.jobintel.classify.rules.RulesClassifier;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on 273 hand-written postings that the demo generator would never make: titles as real
 * boards write them ("Staff Engineer, Platform", "Werkstudent Softwareentwicklung (m/w/d)", "CTO
 * &amp; Co-Founder"), prose that states an arrangement, a type or pay in passing, and words that
 * only look like skills ("react quickly to swift changes"), perks priced like pay ("a $1,500
 * monthly stipend"). What they get right must stay right.
 */
class HandmadeLabelsTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();

    private static EvalReport evaluate() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                HandmadeLabelsTest.class.getResourceAsStream("/labels/handmade.jsonl")), StandardCharsets.UTF_8))) {
            List<LabelledExample> examples = new LabelReader("handmade.jsonl", TAXONOMY).read(in);
            return Evaluator.run("handmade.jsonl", examples, new RulesClassifier(TAXONOMY),
                    new LocationResolver(Gazetteer.bundled()), 1, 20, () -> { });
        }
    }

    @Test
    void theRulesKeepWhatTheyGetRightOnTitlesAndProseAsRealBoardsWriteThem() throws IOException {
        EvalReport r = evaluate();
        assertThat(r.failures()).isEmpty();
        assertThat(r.field("family").total()).as("every labelled title read").isEqualTo(203);
        for (String field : List.of("family", "subfamily", "seniority")) {
            assertThat(r.field(field).mismatches()).as(field).isEmpty();
        }
        for (String field : List.of("track", "arrangement", "position_type", "salary")) {
            assertThat(r.field(field).mismatches()).as(field).isEmpty();
        }
        assertThat(r.skills().falsePositives()).as("no skill found in 'go the extra mile' or 'sparkling'").isZero();
        assertThat(r.skills().falseNegatives()).isZero();
    }
}
