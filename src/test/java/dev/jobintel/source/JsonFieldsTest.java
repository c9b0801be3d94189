package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldsTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void missingNullBlankAndTheWordNullAreAllNotStated() throws Exception {
        JsonNode n = json("{\"a\": null, \"b\": \"null\", \"c\": \"  \", \"d\": {\"x\": 1}, \"e\": [1], \"f\": \"  Berlin \", \"g\": 42}");
        for (String field : new String[] {"a", "b", "c", "d", "e", "missing"}) {
            assertThat(JsonFields.text(n, field)).as(field).isNull();
        }
        assertThat(JsonFields.text(n, "f")).isEqualTo("Berlin");
        JsonNode invisible = json("{\"title\": \"\\u0007\\u200b \\u202e\", \"ok\": \"\\u200bData Engineer\"}");
        assertThat(JsonFields.text(invisible, "title")).as("nothing a reader sees").isNull();
        assertThat(JsonFields.text(invisible, "ok")).isEqualTo("\u200bData Engineer");
        assertThat(JsonFields.text(n, "g")).isEqualTo("42");
        assertThat(JsonFields.text(null, "a")).isNull();
        // Spaces no reader sees, and fillers that render as blank, are no title either.
        JsonNode blank = json("{\"nbsp\": \"\\u00a0\", \"spaces\": \"\\u202f\\u00a0\\u2007\\u3000\", \"hangul\": \"\\u3164\","
                + " \"braille\": \"\\u2800\", \"tag\": \"\\udb40\\udc20\", \"word\": \"\\u00a0SRE\"}");
        for (String field : new String[] {"nbsp", "spaces", "hangul", "braille", "tag"}) {
            assertThat(JsonFields.text(blank, field)).as(field).isNull();
        }
        assertThat(JsonFields.text(blank, "word")).isEqualTo("\u00a0SRE");
    }

    @Test
    void anIdIsTextOrAWholeNumberWrittenPlainly() throws Exception {
        JsonNode n = JsonStream.mapper().readTree("{\"int\": 4012345678, \"float\": 1002.0, \"exp\": 6.136160004E9,"
                + " \"big\": 9007199254740993.0, \"text\": \" abc-1 \", \"fraction\": 1.5, \"huge\": 1e400,"
                + " \"bool\": true, \"nul\": null, \"obj\": {\"id\": 1}, \"long\": 1" + "0".repeat(40) + "}");
        assertThat(JsonFields.id(n, "int")).isEqualTo("4012345678");
        assertThat(JsonFields.id(n, "float")).isEqualTo("1002");
        assertThat(JsonFields.id(n, "exp")).isEqualTo("6136160004");
        assertThat(JsonFields.id(n, "big")).as("not folded into its neighbour as a double").isEqualTo("9007199254740993");
        assertThat(JsonFields.id(n, "text")).isEqualTo("abc-1");
        for (String field : new String[] {"fraction", "huge", "long", "bool", "nul", "obj", "missing"}) {
            assertThat(JsonFields.id(n, field)).as(field).isNull();
        }
    }

    @Test
    void anAmountIsAPositiveNumberWrittenAsANumberOrAsText() throws Exception {
        JsonNode n = json("{\"num\": 85000, \"str\": \" 85000.5 \", \"grouped\": \"85,000\", \"zero\": 0, \"negative\": -1,"
                + " \"word\": \"competitive\", \"nan\": \"NaN\", \"obj\": {\"v\": 1}, \"nul\": null}");
        assertThat(JsonFields.amount(n.get("num"))).isEqualTo(85000.0);
        assertThat(JsonFields.amount(n.get("str"))).isEqualTo(85000.5);
        assertThat(JsonFields.amount(n.get("grouped"))).isEqualTo(85000.0);
        assertThat(JsonFields.amount(json("\"$95k\""))).isEqualTo(95_000.0);
        assertThat(JsonFields.amount(json("\"1.2m\""))).isEqualTo(1_200_000.0);
        // Europe's way round: dots group thousands, a comma is the decimal mark.
        assertThat(JsonFields.amount(json("\"70.000\""))).isEqualTo(70_000.0);
        assertThat(JsonFields.amount(json("\"1.200.000\""))).isEqualTo(1_200_000.0);
        assertThat(JsonFields.amount(json("\"1.234,50\""))).isEqualTo(1_234.5);
        assertThat(JsonFields.amount(json("\"1,234.50\""))).isEqualTo(1_234.5);
        assertThat(JsonFields.amount(json("\"62,5\""))).isEqualTo(62.5);
        assertThat(JsonFields.amount(json("\"62.5\""))).isEqualTo(62.5);
        assertThat(JsonFields.amount(json("\"0.500\""))).isEqualTo(0.5);
        assertThat(JsonFields.amount(json("\"1.500k\""))).isEqualTo(1_500.0);
        // Boards send 0 for "not disclosed"; none of these is a pay figure.
        for (String field : new String[] {"zero", "negative", "word", "nan", "obj", "nul", "missing"}) {
            assertThat(JsonFields.amount(n.get(field))).as(field).isNull();
        }
    }
}
