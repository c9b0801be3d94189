package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A local server and the real transport fetching from it, with settings quick enough for a test
 * (short backoff, no politeness delay), started before each test and closed after it: register
 * it as a field, {@code @RegisterExtension final Loopback net = new Loopback(3, Duration.ofSeconds(2));}.
 */
final class Loopback implements BeforeEachCallback, AfterEachCallback {

    final HttpSettings http;
    private LocalServer server;
    private OkHttpTransport transport;

    /** @param timeout the connect and read timeouts */
    Loopback(int attempts, Duration timeout) {
        this.http = new HttpSettings(timeout, timeout, attempts, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = new LocalServer();
        transport = new OkHttpTransport(http);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
        transport.close();
    }

    LocalServer server() {
        return server;
    }

    Fetcher fetcher() {
        return new Fetcher(transport, http);
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    /** How fetching {@code path} fails (null if it does not). */
    FetchException failure(String path) {
        return catchThrowableOfType(FetchException.class, () -> fetcher().getJson(uri(path)));
    }
}
