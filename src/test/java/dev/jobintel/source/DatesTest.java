package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void everyFormatTheBoardsUseIsRead() throws Exception {
        Instant t = Instant.parse("2026-11-01T09:00:00Z");
        assertThat(Dates.parse(json("\"2026-11-01T10:00:00+01:00\""))).isEqualTo(t);
        assertThat(Dates.parse(json("\"2026-11-01T09:00:00Z\""))).isEqualTo(t);
        assertThat(Dates.parse(json("\"2026-11-01\""))).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Dates.parse(json(String.valueOf(t.getEpochSecond())))).isEqualTo(t);
        assertThat(Dates.parse(json(String.valueOf(t.toEpochMilli())))).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890", "1e308", "-1", "0", "-9223372036854775808", "\"0001-01-01\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"2026-13-45\"", "\"soon\"", "null", "{}", "[]"})
    void aNumberOrDateNoBoardMeansIsNoDateNeverAnError(String value) throws Exception {
        // 12345678901234567890 overflowed to a negative long and threw, which ended the whole board's fetch.
        assertThat(Dates.parse(json(value))).isNull();
    }
}
