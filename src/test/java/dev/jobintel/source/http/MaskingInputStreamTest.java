package dev.jobintel.source.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingInputStreamTest {

    /** Hands out at most {@code step} bytes a read, so secrets fall across reads. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void aSecretIsMaskedWhereverTheReadsSplitIt() throws IOException {
        String body = "{\"error\":\"bad app_key my-secret-key\"} é " + "x".repeat(100_000) + " my-secret-key end";
        for (int step : new int[] {1, 3, 7, 64 * 1024}) {
            try (InputStream in = new MaskingInputStream(trickle(body.getBytes(StandardCharsets.UTF_8), step),
                    List.of("my-secret-key"))) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(out).as("reads of %d", step).doesNotContain("my-secret-key")
                        .isEqualTo(body.replace("my-secret-key", "***"));
            }
        }
    }
}
