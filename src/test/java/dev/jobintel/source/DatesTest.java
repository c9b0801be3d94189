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

    @Test
    void epochSecondsOrMillisecondsWrittenAsAStringAreReadAsTheNumberIs() throws Exception {
        // The import format's posted_at is "epoch seconds or milliseconds": a file that quotes them must not
        // lose every posting's date without a word.
        Instant t = Instant.parse("2026-11-01T09:00:00Z");
        assertThat(Dates.parse(json("\"" + t.getEpochSecond() + "\""))).isEqualTo(t);
        assertThat(Dates.parse(json("\" " + t.toEpochMilli() + " \""))).isEqualTo(t);
        assertThat(Dates.parse(json("\"0\""))).isNull();
        assertThat(Dates.parse(json("\"12345678901234567890\""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-01T01:00:00-0800", "2026-11-01T09:00:00+0000", "2026-11-01T10:00+01",
            "2026-11-01T09:00:00", "2026-11-01 09:00:00", "2026-11-01 09:00:00.000Z", "2026-11-01T09:00:00.000000"})
    void theTimeOfACompactOffsetOrOfNoZoneIsKeptNotOnlyItsDate(String text) {
        // Not midnight of the date: "-0800" at 01:00 is 09:00 UTC; a time with no zone is taken as UTC.
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890", "1e308", "-1", "0", "-9223372036854775808", "\"0001-01-01\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"2026-13-45\"", "\"soon\"", "null", "{}", "[]"})
    void aNumberOrDateNoBoardMeansIsNoDateNeverAnError(String value) throws Exception {
        // 12345678901234567890 overflowed to a negative long and threw, which ended the whole board's fetch.
        assertThat(Dates.parse(json(value))).isNull();
    }
}
