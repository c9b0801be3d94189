package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A local server and the real transport fetching from it, with settings quick enough for a test
 * (short backoff, no politeness delay): what the Fetcher's ITs start before each test and close after.
 */
final class Loopback implements AutoCloseable {

    final HttpSettings http;
    final LocalServer server;
    final OkHttpTransport transport;

    /** @param timeout the connect and read timeouts */
    Loopback(int attempts, Duration timeout) throws IOException {
        this.http = new HttpSettings(timeout, timeout, attempts, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
        this.server = new LocalServer();
        this.transport = new OkHttpTransport(http);
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

    @Override
    public void close() {
        server.close();
        transport.close();
    }
}
