package dev.jobintel.classify.eval;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.config.ConfigException;
import dev.jobintel.posting.Salary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelReaderTest {

    private static final String POSTING = "\"source\":\"greenhouse\",\"id\":\"ID\",\"url\":\"https://example.com/ID\","
            + "\"company\":\"Acme\",\"title\":\"Senior Backend Engineer\",\"description\":\"<p>Java and Kafka</p>\"";
    private static final String FULL = "{\"family\":\"software_engineering\",\"subfamily\":\"backend\","
            + "\"seniority\":\"senior\",\"track\":\"ic\",\"arrangement\":\"hybrid\",\"position_type\":\"full_time\","
            + "\"salary\":{\"min\":70000,\"max\":90000,\"currency\":\"gbp\",\"period\":\"year\"},\"skills\":[\"Java\",\"Kafka\"]}";

    private static String line(String id, String labels) {
        return "{" + POSTING.replace("ID", id) + (labels == null ? "" : ",\"labels\":" + labels) + "}";
    }

    private static List<LabelledExample> read(String... lines) throws IOException {
        return new LabelReader("set.jsonl", Taxonomy.bundled())
                .read(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void readsPostingsAndLabelsSkippingBlankLines() throws IOException {
        List<LabelledExample> xs = read(line("1", FULL), "", "  ", line("2", "{\"family\":\"data\",\"salary\":null}"));
        assertThat(xs).hasSize(2);
        LabelledExample a = xs.get(0);
        assertThat(a.line()).isEqualTo(1);
        assertThat(a.id()).isEqualTo("greenhouse:1");
        assertThat(a.posting().title()).isEqualTo("Senior Backend Engineer");
        assertThat(a.posting().description()).isEqualTo("Java and Kafka");
        assertThat(a.labels()).isEqualTo(new Labels("software_engineering", "backend", "senior", "ic", "hybrid", "full_time",
                true, new Salary(70_000.0, 90_000.0, "GBP", Salary.Period.YEAR), List.of("Java", "Kafka")));
        LabelledExample b = xs.get(1);
        assertThat(b.line()).isEqualTo(4);
        assertThat(b.labels()).isEqualTo(new Labels("data", null, null, null, null, null, true, null, null));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfIt() throws IOException {
        assertThat(read("\uFEFF" + line("1", FULL), line("2", FULL))).extracting(LabelledExample::id)
                .containsExactly("greenhouse:1", "greenhouse:2");
    }

    @Test
    void labelsRoundTripThroughTheirJson() throws IOException {
        Labels l = read(line("1", FULL)).get(0).labels();
        assertThat(read(line("1", l.toJson().toString())).get(0).labels()).isEqualTo(l);
        assertThat(l.toJson().get("salary").get("min").isIntegralNumber()).isTrue();
        Labels partial = new Labels(null, null, "senior", null, null, null, true, null, List.of());
        assertThat(partial.toJson().toString()).isEqualTo("{\"seniority\":\"senior\",\"salary\":null,\"skills\":[]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"source\":\"x\",`                                   | set.jsonl:2: not valid JSON",
            "`[1,2]`                                                | set.jsonl:2: a line must be a JSON object",
            "`{\"source\":\"x\"} {\"source\":\"y\"}`                  | set.jsonl:2: not valid JSON: more follows the JSON value on this line",
            "`{\"source\":\"x\",\"url\":\"https://a.b/c\",\"labels\":{\"family\":\"data\"}}` | set.jsonl:2: not a posting: 'title' is missing",
            "NOLABELS                                               | set.jsonl:2: labels: missing",
            "`\"labels\":[]`                                        | set.jsonl:2: labels: must be an object",
            "`\"labels\":{}`                                        | set.jsonl:2: labels: labels nothing",
            "`\"labels\":{\"famly\":\"data\"}`                      | set.jsonl:2: labels.famly: unknown field (known: family,",
            "`\"labels\":{\"family\":\"sofware\"}`                  | set.jsonl:2: labels.family: 'sofware' is not a family code",
            "`\"labels\":{\"family\":7}`                            | set.jsonl:2: labels.family: expected a code (text), got a number 7",
            "`\"labels\":{\"family\":\"data\",\"subfamily\":\"backend\"}` | set.jsonl:2: labels.subfamily: 'backend' belongs to family 'software_engineering', not 'data'",
            "`\"labels\":{\"seniority\":\"Senior\"}`                | did you mean 'senior'?",
            "`\"labels\":{\"salary\":{\"min\":1,\"currency\":\"GBP\",\"period\":\"year\",\"bonus\":2}}` | set.jsonl:2: labels.salary.bonus: unknown field",
            "`\"labels\":{\"salary\":{\"currency\":\"GBP\",\"period\":\"year\"}}` | set.jsonl:2: labels.salary: needs min or max",
            "`\"labels\":{\"salary\":{\"min\":9,\"max\":1,\"currency\":\"GBP\",\"period\":\"year\"}}` | set.jsonl:2: labels.salary: min 9.0 is greater than max 1.0",
            "`\"labels\":{\"salary\":{\"min\":\"9\",\"currency\":\"GBP\",\"period\":\"year\"}}` | set.jsonl:2: labels.salary.min: expected an amount",
            "`\"labels\":{\"salary\":{\"min\":9,\"currency\":\"XXX\",\"period\":\"year\"}}` | set.jsonl:2: labels.salary.currency: 'XXX' is not a currency",
            "`\"labels\":{\"salary\":{\"min\":9,\"currency\":\"GBP\",\"period\":\"annually\"}}` | set.jsonl:2: labels.salary.period: expected one of year",
            "`\"labels\":{\"salary\":7}`                            | set.jsonl:2: labels.salary: expected an object",
            "`\"labels\":{\"skills\":\"Java\"}`                     | set.jsonl:2: labels.skills: expected a list",
            "`\"labels\":{\"skills\":[\"Java\",3]}`                 | set.jsonl:2: labels.skills[1]: expected a skill name",
            "DUPLICATE                                              | set.jsonl:2: posting greenhouse:1 is already labelled on line 1",
    })
    void aBadLineIsNamedByFileLineAndKey(String bad, String message) {
        String second;
        if (bad.equals("NOLABELS")) {
            second = line("2", null);
        } else if (bad.equals("DUPLICATE")) {
            second = line("1", FULL);
        } else if (bad.startsWith("\"labels\"")) {
            second = "{" + POSTING.replace("ID", "2") + "," + bad + "}";
        } else {
            second = bad;
        }
        assertThatThrownBy(() -> read(line("1", FULL), second)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void withoutATaxonomyCodesAreNotChecked() throws IOException {
        LabelReader r = new LabelReader("set.jsonl", null);
        List<LabelledExample> xs = r.read(new BufferedReader(new StringReader(line("1", "{\"family\":\"anything\"}"))));
        assertThat(xs.get(0).labels().family()).isEqualTo("anything");
    }
}
