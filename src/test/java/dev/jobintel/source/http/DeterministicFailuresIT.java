package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer;
import dev.jobintel.testing.LocalServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that come out the same however often they are asked for: a redirect loop and a body
 * declared gzip that is not. Retrying them only multiplies the requests (a loop costs OkHttp's
 * 21 follow-ups per attempt), and "connection failed" would send the user looking at the network.
 */
class DeterministicFailuresIT {


    private Loopback net;
    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        net = new Loopback(4, Duration.ofSeconds(2));
        server = net.server;
    }

    @AfterEach
    void stop() {
        net.close();
    }

    private FetchException fetch(String path) {
        return net.failure(path);
    }

    @Test
    @Timeout(30)
    void aRedirectLoopFailsOnItsFirstAttemptSayingSo() {
        server.on("/v1/boards/acme/jobs", Reply.status(302, "").withHeader("Location", "/v1/boards/acme/jobs"));

        FetchException e = fetch("/v1/boards/acme/jobs");

        assertThat(e.getMessage()).contains("redirect");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.hits("/v1/boards/acme/jobs")).as("one attempt's follow-ups, not four").isLessThanOrEqualTo(21);
    }

    @Test
    @Timeout(30)
    void aBodyDeclaredGzipThatIsNotFailsOnItsFirstAttemptSayingSo() {
        server.on("/v1/boards/acme/jobs", Reply.json("{\"jobs\": [], \"meta\": {\"total\": 0}}")
                .withHeader("Content-Encoding", "gzip"));

        FetchException e = fetch("/v1/boards/acme/jobs");

        assertThat(e.getMessage()).contains("gzip").doesNotContain("connection failed");
        assertThat(server.hits("/v1/boards/acme/jobs")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void anEmptyBodyDeclaredGzipIsAnEmptyBodyAndItsStatusIsWhatFails() {
        server.on("/v1/boards/gone/jobs", Reply.status(404, "").withHeader("Content-Encoding", "gzip"));
        server.on("/v1/boards/plain/jobs", Reply.status(404, ""));

        FetchException declared = fetch("/v1/boards/gone/jobs");
        FetchException plain = fetch("/v1/boards/plain/jobs");

        assertThat(declared.getMessage()).doesNotContain("gzip")
                .isEqualTo(plain.getMessage().replace("/plain/", "/gone/"));
    }
}
