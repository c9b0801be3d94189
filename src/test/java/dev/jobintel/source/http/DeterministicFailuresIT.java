package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that come out the same however often they are asked for: a redirect loop and a body
 * declared gzip that is not. Retrying them only multiplies the requests (a loop costs OkHttp's
 * 21 follow-ups per attempt), and "connection failed" would send the user looking at the network.
 */
class DeterministicFailuresIT {

    @RegisterExtension
    final Loopback net = new Loopback(4, Duration.ofSeconds(2));

    @Test
    @Timeout(30)
    void aRedirectLoopFailsOnItsFirstAttemptSayingSo() {
        net.server().on("/v1/boards/acme/jobs", Reply.status(302, "").withHeader("Location", "/v1/boards/acme/jobs"));

        FetchException e = net.failure("/v1/boards/acme/jobs");

        assertThat(e.getMessage()).contains("redirect");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(net.server().hits("/v1/boards/acme/jobs")).as("one attempt's follow-ups, not four").isLessThanOrEqualTo(21);
    }

    @Test
    @Timeout(30)
    void aBodyDeclaredGzipThatIsNotFailsOnItsFirstAttemptSayingSo() {
        net.server().on("/v1/boards/acme/jobs", Reply.json("{\"jobs\": [], \"meta\": {\"total\": 0}}")
                .withHeader("Content-Encoding", "gzip"));

        FetchException e = net.failure("/v1/boards/acme/jobs");

        assertThat(e.getMessage()).contains("gzip").doesNotContain("connection failed");
        assertThat(net.server().hits("/v1/boards/acme/jobs")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void anEmptyBodyDeclaredGzipIsAnEmptyBodyAndItsStatusIsWhatFails() {
        net.server().on("/v1/boards/gone/jobs", Reply.status(404, "").withHeader("Content-Encoding", "gzip"));
        net.server().on("/v1/boards/plain/jobs", Reply.status(404, ""));

        FetchException declared = net.failure("/v1/boards/gone/jobs");
        FetchException plain = net.failure("/v1/boards/plain/jobs");

        assertThat(declared.getMessage()).doesNotContain("gzip")
                .isEqualTo(plain.getMessage().replace("/plain/", "/gone/"));
    }
}
