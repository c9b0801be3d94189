package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error status is the answer; its body only lends the message a few words. Reading it to its
 * end spooled a large error page (up to the 1 GB a body may have) to a temporary file on every
 * attempt, and nothing deleted it.
 */
class ErrorBodyIT {

    @RegisterExtension
    final Loopback net = new Loopback(3, Duration.ofSeconds(2));

    @Test
    @Timeout(60)
    void aLargeErrorPageLeavesNoTemporaryFileBehind() throws IOException {
        String page = "<html><body>" + "maintenance ".repeat(500_000) + "</body></html>";
        assertThat(page.length()).isGreaterThan(Body.SPOOL_ABOVE);
        net.server().on("/v1/boards/acme/jobs", new Reply(503, "text/html", page.getBytes(StandardCharsets.UTF_8), Map.of(), 0,
                false, 0, 0));
        net.server().on("/v1/boards/globex/jobs", new Reply(403, "text/html", page.getBytes(StandardCharsets.UTF_8), Map.of(),
                0, false, 0, 0));
        Set<Path> before = spooled();

        FetchException retried = net.failure("/v1/boards/acme/jobs");
        FetchException refused = net.failure("/v1/boards/globex/jobs");

        assertThat(retried.getMessage()).contains("server error (HTTP 503)", "maintenance");
        assertThat(refused.getMessage()).contains("access denied (HTTP 403)", "maintenance");
        Set<Path> left = spooled();
        left.removeAll(before);
        assertThat(left).as("bodies spooled and never deleted").isEmpty();
    }

    /** The temporary files bodies are spooled to. */
    private static Set<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("jobintel-body")).collect(Collectors.toSet());
        }
    }
}
