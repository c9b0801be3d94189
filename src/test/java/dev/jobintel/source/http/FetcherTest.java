package dev.jobintel.source.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class FetcherTest {

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndAnythingElseIsUnread() {
        assertThat(Fetcher.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Fetcher.retryAfter(" 0.5 ")).isEqualTo(Duration.ofMillis(500));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        assertThat(Fetcher.retryAfter(past)).isEqualTo(Duration.ZERO);
        // A negative or endless number is the server's mistake: read as absent (the usual backoff), not
        // as a negative wait that fails the board with "timeout value is negative".
        for (String odd : new String[] {"-5", "1e300", "NaN", "Infinity", "soon", ""}) {
            assertThat(Fetcher.retryAfter(odd)).as(odd).isNull();
        }
    }

    @Test
    void aHugeRetryAfterInWholeSecondsIsALongWaitNotAnUnreadableOne() {
        // A server's "not for a long time" (or a Unix time sent where seconds belong) must fail the
        // board at once as longer than jobintel waits, as 100000 does, not be retried on the backoff.
        assertThat(Fetcher.retryAfter("10000000000")).isEqualTo(Duration.ofSeconds(10_000_000_000L));
        assertThat(Fetcher.retryAfter("1796028366")).isEqualTo(Duration.ofSeconds(1_796_028_366L));
        assertThat(Fetcher.retryAfter("99999999999999999999999")).isGreaterThan(Duration.ofDays(365 * 1000));
    }
}
