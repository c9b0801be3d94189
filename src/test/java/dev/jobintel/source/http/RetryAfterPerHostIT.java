package dev.jobintel.source.http;

import dev.jobintel.testing.LocalServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 429 with Retry-After is the host's word on every request to it, not only on the one it
 * answered: boards of one source are fetched side by side, and the others must not keep asking
 * (and each earn a 429 of their own) while the first waits.
 */
class RetryAfterPerHostIT {

    @RegisterExtension
    final Loopback net = new Loopback(3, Duration.ofSeconds(5));

    @Test
    @Timeout(30)
    void anotherRequestToTheHostWaitsOutTheRetryAfterOfOne() throws Exception {
        CountDownLatch limited = new CountDownLatch(1);
        AtomicLong limitedAt = new AtomicLong();
        AtomicLong otherAt = new AtomicLong();
        String empty = "{\"jobs\": [], \"meta\": {\"total\": 0}}";
        net.server().on("/v1/boards/first/jobs", req -> {
            limitedAt.set(System.nanoTime());
            limited.countDown();
            return Reply.status(429, "{\"error\": \"slow down\"}").withHeader("Retry-After", "2");
        }, req -> Reply.json(empty));
        net.server().on("/v1/boards/second/jobs", req -> {
            otherAt.set(System.nanoTime());
            return Reply.json(empty);
        });
        Fetcher fetcher = net.fetcher();

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (Body b = fetcher.getJson(net.uri("/v1/boards/first/jobs"))) {
                assertThat(b.status()).isEqualTo(200);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(limited.await(10, TimeUnit.SECONDS)).isTrue();
        // The 429 has been answered; give it time to reach the fetcher before the next board asks.
        Thread.sleep(200);
        try (Body b = fetcher.getJson(net.uri("/v1/boards/second/jobs"))) {
            assertThat(b.status()).isEqualTo(200);
        }
        first.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(otherAt.get() - limitedAt.get()))
                .as("the second board asked the host only after the Retry-After it had given the first")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(net.server().hits("/v1/boards/first/jobs")).isEqualTo(2);
    }

    @Test
    @Timeout(30)
    void aRateLimitThatDoesNotSayForHowLongHoldsTheHostLongerThanAFailuresBackoff() throws Exception {
        // One attempt each, a 100 ms base backoff: a failure's first wait is 50-100 ms, a bare 429's 200-400 ms.
        HttpSettings http = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
        List<Duration> slept = new CopyOnWriteArrayList<>();
        net.server().on("/v1/boards/first/jobs", req -> Reply.status(429, "{\"error\": \"slow down\"}"));
        net.server().on("/v1/boards/second/jobs", req -> Reply.json("{\"jobs\": [], \"meta\": {\"total\": 0}}"));
        try (OkHttpTransport transport = new OkHttpTransport(http)) {
            Fetcher fetcher = new Fetcher(transport, http, d -> {
                slept.add(d);
                Thread.sleep(d.toMillis());
            });
            assertThatThrownBy(() -> fetcher.getJson(net.uri("/v1/boards/first/jobs"))).isInstanceOf(FetchException.class);
            try (Body b = fetcher.getJson(net.uri("/v1/boards/second/jobs"))) {
                assertThat(b.status()).isEqualTo(200);
            }
        }
        assertThat(slept).as("the next board on the host waited for the rate limit to pass").hasSize(1);
        assertThat(slept.get(0)).isGreaterThan(Duration.ofMillis(150));
    }
}
