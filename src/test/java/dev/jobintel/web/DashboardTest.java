package dev.jobintel.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's query strings, as links and hand-written URLs give them. */
class DashboardTest {

    @Test
    void theLastValueOfAFieldWinsForTheSwitchesAsForEveryOtherField() {
        assertThat(Dashboard.filter("city=London&city=Berlin")).isEqualTo(Map.of("city", "Berlin"));
        assertThat(Dashboard.filter("open=1&open=0")).as("a later off cancels an earlier on").isEmpty();
        assertThat(Dashboard.filter("remote=true&remote=false&city=Berlin")).isEqualTo(Map.of("city", "Berlin"));
        assertThat(Dashboard.filter("open=0&open=1")).isEqualTo(Map.of("open", "on"));
        assertThat(Dashboard.filter("open=on&open=maybe")).as("still a bad value, said as such")
                .isEqualTo(Map.of("open", "maybe"));
        assertThat(Dashboard.filter("open=maybe&open=no")).isEmpty();
        assertThat(Dashboard.filter("open=1&open=")).as("an empty value says nothing, as for other fields")
                .isEqualTo(Map.of("open", "on"));
    }

    @Test
    void aTimesOffsetWrittenInALinkByHandIsAnOffsetNotASpace() {
        // As the refusal of a bad since names the form, and curl sends it: the "+" is not %2B.
        assertThat(Dashboard.filter("since=2026-11-01T09:00+01:00&city=London"))
                .isEqualTo(Map.of("since", "2026-11-01T09:00+01:00", "city", "London"));
        // A browser sends a typed "+" as %2B, and a typed space as "+": "2026-11-01 09:00" is UTC.
        assertThat(Dashboard.filter("since=2026-11-01T09%3A00%2B01%3A00")).isEqualTo(Map.of("since", "2026-11-01T09:00+01:00"));
        assertThat(Dashboard.filter("since=2026-11-01+09:00")).isEqualTo(Map.of("since", "2026-11-01 09:00"));
        assertThat(Dashboard.filter("since=next+week")).as("still refused, as typed").isEqualTo(Map.of("since", "next week"));
        // A time with a space and an offset, "2026-11-01 09:00+01:00" as the report command takes it, written
        // by hand: the first "+" is the space, the last the offset.
        assertThat(Dashboard.filter("since=2026-11-01+09:00+01:00")).isEqualTo(Map.of("since", "2026-11-01 09:00+01:00"));
    }
}
