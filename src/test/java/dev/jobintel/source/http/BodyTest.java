package dev.jobintel.source.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BodyTest {

    @Test
    void aPreviewForAnErrorMessageIsOneLineWithoutTheServersEscapeSequences() {
        byte[] page = "<html>\n  <title>Just a\u001b[2J moment\u0007</title>\n</html>".getBytes(StandardCharsets.UTF_8);
        assertThat(Body.of(403, "text/html", page).preview(200)).isEqualTo("<html> <title>Just a[2J moment</title> </html>");
        assertThat(Body.of(500, "text/plain", "x".repeat(500).getBytes(StandardCharsets.UTF_8)).preview(10))
                .isEqualTo("xxxxxxxxx…");
    }
}
