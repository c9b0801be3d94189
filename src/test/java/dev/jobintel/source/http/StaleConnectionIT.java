package dev.jobintel.source.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An HTTP/1.0 server closes every connection after its answer without saying so. Reusing such a
 * connection fails at once; that must not use up the fetch's attempts and hide the server's own
 * answer behind "unexpected end of stream".
 */
class StaleConnectionIT {

    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);

    @Test
    @Timeout(30)
    void everyAttemptReachesAServerThatClosesEachConnection() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             OkHttpTransport transport = new OkHttpTransport(HTTP)) {
            Thread accept = new Thread(() -> serve(server, requests));
            accept.setDaemon(true);
            accept.start();

            FetchException e = catchThrowableOfType(FetchException.class, () -> new Fetcher(transport, HTTP)
                    .getJson(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/boards/acme/jobs")));

            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("maintenance");
            assertThat(requests.get()).isEqualTo(4);
        }
    }

    private static void serve(ServerSocket server, AtomicInteger requests) {
        byte[] body = "{\"error\": \"maintenance\"}".getBytes(StandardCharsets.UTF_8);
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                // Read the request head up to its blank line.
                int last = 0;
                int c;
                int run = 0;
                while ((c = in.read()) >= 0) {
                    run = (c == '\n' && last == '\r') || c == '\r' ? run + 1 : 0;
                    last = c;
                    if (run >= 4) {
                        break;
                    }
                }
                requests.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
