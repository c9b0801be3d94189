package dev.jobintel.source.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlSourceTest {

    @Test
    void aLineWithinTheLineLimitIsReadWhateverTheLengthOfOneOfItsValues() throws Exception {
        // The README promises a reject (line_too_long) only past MAX_LINE_CHARS; Jackson's own
        // default limit on one string (20,000,000 characters) made such a line malformed_json.
        String head = "{\"source\": \"import\", \"url\": \"https://example.com/1\", \"title\": \"Engineer\", \"description\": \"";
        String tail = "\"}";
        int room = JsonlSource.MAX_LINE_CHARS - head.length() - tail.length();
        String line = head + "x".repeat(room) + tail;
        assertThat(line.length()).isEqualTo(JsonlSource.MAX_LINE_CHARS);

        JsonNode node = JsonlSource.parse(line);

        assertThat(node.get("description").textValue()).hasSize(room);
    }
}
