package dev.jobintel.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --since (and the dashboard's since field) as users type a time. */
class JobFilterTest {

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aDateIsMidnightUtcAndATimeIsReadAsTheBoardsWriteOne() {
        assertThat(JobFilter.parseTime("2026-11-01")).isEqualTo(at("2026-11-01T00:00:00Z"));
        assertThat(JobFilter.parseTime(" 2026-11-01T09:00:00Z ")).isEqualTo(at("2026-11-01T09:00:00Z"));
        // Without seconds, with a compact offset, with a space and no offset (UTC).
        assertThat(JobFilter.parseTime("2026-11-01T09:00Z")).isEqualTo(at("2026-11-01T09:00:00Z"));
        assertThat(JobFilter.parseTime("2026-11-01T09:00:00+0100")).isEqualTo(at("2026-11-01T08:00:00Z"));
        assertThat(JobFilter.parseTime("2026-11-01T09:00+01:00")).isEqualTo(at("2026-11-01T08:00:00Z"));
        assertThat(JobFilter.parseTime("2026-11-01 09:00")).isEqualTo(at("2026-11-01T09:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {"yesterday", "2026-11-01garbage", "2026-13-01", "2026-11-01T25:00Z", ""}) {
            assertThatThrownBy(() -> JobFilter.parseTime(bad, "since")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("since takes a date (2026-11-01) or a time")
                    .hasMessageEndingWith("got '" + bad + "'");
        }
    }
}
