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
}
