package dev.jobintel.source.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jobintel.testing.LocalServer;
import dev.jobintel.testing.LocalServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A board reached over https that redirects to plain http would have the request, and any key in
 * its query (Adzuna's app_key), sent again in clear. Such a redirect is refused: the board fails
 * at once, saying why, and the http address never sees the request. An https server of its own
 * (a certificate made by keytool, trusted only while the transport is built) answers the first hop.
 */
class RedirectDowngradeIT {

    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 4,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
    private static final String PASSWORD = "changeit";
    private static final String KEY = "k3y-s3cr3t-value";

    /** The server's key and the client's trust store, made once for the class: keytool is a JVM of its own per call. */
    private static Path keys;
    private static Path trust;

    private LocalServer plain;
    private HttpsServer tls;
    private OkHttpTransport transport;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) throws Exception {
        keys = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "local", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "local", "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "local", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);

        plain = new LocalServer();
        plain.on("/v1/api/jobs/gb/search/1", Reply.json("{\"results\": [], \"count\": 0}"));

        tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(ssl));
        tls.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                String target = ex.getRequestURI().getPath().startsWith("/up")
                        ? "https://127.0.0.1:" + tls.getAddress().getPort() + "/v1/api/jobs/gb/search/1"
                        : plain.baseUrl() + ex.getRequestURI().getPath().replace("/down", "") + "?"
                        + ex.getRequestURI().getRawQuery();
                if (ex.getRequestURI().getPath().startsWith("/v1/")) {
                    byte[] body = "{\"results\": [], \"count\": 0}".getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
                ex.getResponseHeaders().set("Location", target);
                ex.sendResponseHeaders(302, -1);
            }
        });
        tls.start();

        // Trusted while the client is built (OkHttp reads the platform's trust store then), and only then.
        String before = System.getProperty("javax.net.ssl.trustStore");
        String beforePassword = System.getProperty("javax.net.ssl.trustStorePassword");
        String beforeType = System.getProperty("javax.net.ssl.trustStoreType");
        System.setProperty("javax.net.ssl.trustStore", trust.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try {
            transport = new OkHttpTransport(HTTP);
        } finally {
            restore("javax.net.ssl.trustStore", before);
            restore("javax.net.ssl.trustStorePassword", beforePassword);
            restore("javax.net.ssl.trustStoreType", beforeType);
        }
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (tls != null) {
            tls.stop(0);
        }
        if (plain != null) {
            plain.close();
        }
    }

    @Test
    @Timeout(60)
    void aRedirectFromHttpsToHttpIsRefusedAndTheKeyNeverTravelsInClear() {
        URI uri = URI.create("https://127.0.0.1:" + tls.getAddress().getPort()
                + "/down/v1/api/jobs/gb/search/1?app_id=id123456&app_key=" + KEY + "&results_per_page=50");

        FetchException e = catchThrowableOfType(FetchException.class, () -> new Fetcher(transport, HTTP).getJson(uri));

        assertThat(plain.requests()).as("the plain http address got no request").isEmpty();
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("https", "http://127.0.0.1").doesNotContain(KEY);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aRedirectThatStaysOnHttpsIsFollowed() throws IOException {
        URI uri = URI.create("https://127.0.0.1:" + tls.getAddress().getPort() + "/up");

        try (Body body = new Fetcher(transport, HTTP).getJson(uri)) {
            assertThat(body.status()).isEqualTo(200);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
