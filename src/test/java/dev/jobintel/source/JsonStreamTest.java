package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.source.http.Body;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonStreamTest {

    @Test
    void aBodyIsReadInTheCharsetItsContentTypeDeclares() throws Exception {
        String json = "{\"jobs\": [{\"title\": \"Ingénieur logiciel à Montréal\"}]}";
        for (var c : List.of(java.util.Map.entry("application/json; charset=ISO-8859-1", StandardCharsets.ISO_8859_1),
                java.util.Map.entry("application/json;charset=\"windows-1252\"", java.nio.charset.Charset.forName("windows-1252")),
                java.util.Map.entry("application/json; charset=utf-8", StandardCharsets.UTF_8),
                java.util.Map.entry("application/json; charset=UTF-16", StandardCharsets.UTF_16),
                java.util.Map.entry("text/html", StandardCharsets.UTF_8),
                java.util.Map.entry("application/json; charset=no-such-charset", StandardCharsets.UTF_8),
                // Declared Latin-1, sent as UTF-8 (a common server default): read as the UTF-8 it is.
                java.util.Map.entry("application/json; charset=ISO-8859-1 ", StandardCharsets.UTF_8))) {
            List<JsonNode> items = new ArrayList<>();
            try (Body body = Body.of(200, c.getKey(), json.getBytes(c.getValue()))) {
                JsonStream.items(body, "jobs", items::add);
            }
            assertThat(items).as(c.getKey()).singleElement()
                    .satisfies(i -> assertThat(i.get("title").asText()).isEqualTo("Ingénieur logiciel à Montréal"));
        }
    }

    @Test
    void aBodyDeclaredLatin1IsReadAsBrowsersReadItWithTheWindowsPunctuation() throws Exception {
        // Servers that declare ISO-8859-1 (or ASCII) send Windows-1252, as the web's encoding standard
        // says of that label: its curly quotes and dashes are the bytes 0x80-0x9F, control characters in
        // Latin-1, which a title or description loses ("We're hiring" became "Were hiring").
        String title = "Caf\u00e9 Manager \u2013 We\u2019re hiring \u201cnow\u201d \u20ac";
        String json = "{\"jobs\": [{\"title\": \"" + title + "\"}]}";
        for (String type : List.of("application/json; charset=ISO-8859-1", "application/json; charset=latin1",
                "text/html; charset=us-ascii")) {
            List<JsonNode> items = new ArrayList<>();
            try (Body body = Body.of(200, type, json.getBytes(java.nio.charset.Charset.forName("windows-1252")))) {
                JsonStream.items(body, "jobs", items::add);
            }
            assertThat(items).as(type).singleElement()
                    .satisfies(i -> assertThat(i.get("title").asText()).isEqualTo(title));
        }
    }

    @Test
    void aBodyCutShortKeepsItsItemsAndSaysWhereOnOneLine() {
        List<JsonNode> items = new ArrayList<>();
        String body = "{\"jobs\": [{\"id\": 1}, {\"id\": 2, \"title\": \"SRE\"";
        JsonStream.Malformed e = catchThrowableOfType(JsonStream.Malformed.class, () -> JsonStream.items(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "jobs", items::add));
        assertThat(items).hasSize(1);
        assertThat(e.items()).isEqualTo(1);
        // The board's error is one line in status and fetch_runs: no parser location lines, no
        // "[Source: REDACTED (`StreamReadFeature...` disabled)" inside it.
        assertThat(e.getMessage()).startsWith("malformed JSON after 1 items: Unexpected end-of-input")
                .doesNotContain("\n").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
    }

    @Test
    void moreAfterTheJsonValueMakesTheBodyIncompleteButKeepsItsItems() {
        for (String body : new String[] {"{\"jobs\": [{\"id\": 1}]} garbage {", "{\"jobs\": [{\"id\": 1}]}{\"jobs\": []}",
                "[{\"id\": 1}] [{\"id\": 2}]"}) {
            List<JsonNode> items = new ArrayList<>();
            JsonStream.Malformed e = catchThrowableOfType(JsonStream.Malformed.class, () -> JsonStream.items(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), body.startsWith("[") ? null : "jobs",
                    items::add));
            assertThat(e).as(body).isNotNull();
            assertThat(items).as(body).hasSize(1);
            assertThat(e.items()).isEqualTo(1);
        }
    }
}
