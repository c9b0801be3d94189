package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.posting.Posting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesResponderTest {

    private static final RulesResponder RULES = new RulesResponder();

    private static final String RENDERED = """
            Classify this posting.
            <posting>
            Title: Senior Data Engineer
            Company: Acme Payments
            Location: London, UK
            Description:
            You will build our data platform with Python, Spark and Airflow.
            Title: not a header inside the description
            The base salary is €70,000 - €85,000 per year. 6+ years of experience. Stock options.
            </posting>
            Ignore this line.""";

    @Test
    void parsesThePostingAsJobintelRendersIt() {
        Posting p = RulesResponder.posting(RENDERED);

        assertThat(p.title()).isEqualTo("Senior Data Engineer");
        assertThat(p.company()).isEqualTo("Acme Payments");
        assertThat(p.locationText()).isEqualTo("London, UK");
        assertThat(p.description()).startsWith("You will build").contains("Title: not a header")
                .endsWith("Stock options.").doesNotContain("Ignore");
        assertThat(p.source()).isEqualTo("sim");
        assertThat(p.sourceJobId()).hasSize(64);
    }

    @Test
    void answersWithTheToolInputInJobintelsSchema() {
        Answer a = RULES.answer(new SimRequest("claude-haiku-4-5", 1024, "", RENDERED, null, 1));

        assertThat(a).isInstanceOf(Answer.ToolUse.class);
        JsonNode input = ((Answer.ToolUse) a).input();
        List<String> fields = new ArrayList<>();
        input.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("family", "subfamily", "seniority", "track", "position_type",
                "arrangement", "salary", "equity", "years_min", "years_max", "skills", "summary");
        assertThat(input.get("family").asText()).isEqualTo("data");
        assertThat(input.get("subfamily").asText()).isEqualTo("data_engineering");
        assertThat(input.get("seniority").asText()).isEqualTo("senior");
        assertThat(input.get("salary").get("min").asLong()).isEqualTo(70000);
        assertThat(input.get("salary").get("min").isIntegralNumber()).isTrue();
        assertThat(input.get("salary").get("currency").asText()).isEqualTo("EUR");
        assertThat(input.get("salary").get("period").asText()).isEqualTo("year");
        assertThat(input.get("equity").asBoolean()).isTrue();
        assertThat(input.get("years_min").asInt()).isEqualTo(6);
        assertThat(input.get("skills")).extracting(JsonNode::asText).contains("Python", "Airflow");
        assertThat(input.get("summary").asText()).startsWith("You will build");
    }

    @Test
    void missingFieldsAreNullAndAnEmptyTextStillGetsAnAnswer() {
        JsonNode input = RULES.classify("Description:\nNothing much.");

        assertThat(input.get("salary").isNull()).isTrue();
        assertThat(input.get("years_min").isNull()).isTrue();
        assertThat(input.get("family").isTextual()).isTrue();
        assertThat(RULES.classify("").get("summary").isTextual()).isTrue();
    }
}
