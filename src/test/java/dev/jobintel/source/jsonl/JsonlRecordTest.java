package dev.jobintel.source.jsonl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonlRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Posting posting(String description) {
        return new Posting("greenhouse", "1", "https://jobs.example.com/1", "Acme", "Frontend Engineer", "Berlin",
                description, null, Hints.NONE);
    }

    @Test
    void anExportedDescriptionImportsAsTheSameTextEvenWhenItsWordsLookLikeMarkup() throws Exception {
        // Clean text as a board's escaped HTML became: its words name tags, which are not tags.
        String text = "You write <div> and <span> elements, and never trust <script> tags.\n\nEscape &lt; as &amp;lt;.";
        ObjectNode line = JsonlRecord.exportJson(JSON, posting(text));
        assertThat(JsonlRecord.toPosting(JSON.readTree(line.toString())).description()).isEqualTo(text);
        // A line without the format is read as a board's HTML, as before.
        assertThat(JsonlRecord.toPosting(JsonlRecord.toJson(JSON, posting("<p>Hello <b>there</b></p>"))).description())
                .isEqualTo("Hello there");
    }

    @Test
    void anExportListsTheExtraHintsInOneOrderInEveryRun() {
        // Hints keep their extra facts in an unordered map whose order changes from one JVM to the next:
        // written as it iterates, two exports of one database would differ on every posting with two or more.
        java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (String key : new String[] {"requisition_id", "Career Site Categories", "team", "Visa sponsorship", "level",
                "cost_center", "Industry", "function", "b", "a"}) {
            extra.put(key, "value of " + key);
        }
        Posting p = new Posting("greenhouse", "1", "https://jobs.example.com/1", "Acme", "Frontend Engineer", "Berlin",
                "text", null, new Hints(null, null, null, null, null, null, null, extra));
        java.util.List<String> written = new java.util.ArrayList<>();
        JsonlRecord.exportJson(JSON, p).get("hints").get("extra").fieldNames().forEachRemaining(written::add);
        assertThat(written).isEqualTo(new java.util.ArrayList<>(new java.util.TreeMap<>(extra).keySet()));
    }

    @Test
    void anUnknownDescriptionFormatIsNamed() {
        ObjectNode line = JsonlRecord.toJson(JSON, posting("text"));
        line.put("description_format", "markdown");
        JsonlRecord.Invalid e = catchThrowableOfType(JsonlRecord.Invalid.class, () -> JsonlRecord.toPosting(line));
        assertThat(e.reason()).isEqualTo("bad_description_format");
        assertThat(e.getMessage()).contains("markdown");
        // Empty, a list or an object is no format either; only a missing or null one means html.
        for (String odd : new String[] {"\"\"", "[\"text\"]", "{\"a\":1}"}) {
            ObjectNode bad = JsonlRecord.toJson(JSON, posting("text"));
            bad.set("description_format", readTree(odd));
            assertThat(catchThrowableOfType(JsonlRecord.Invalid.class, () -> JsonlRecord.toPosting(bad)).reason())
                    .as(odd).isEqualTo("bad_description_format");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
