package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void aRegisteredSecretIsMaskedWhereverItTurnsUp() {
        Secrets.register("adzuna-key-0123456789");
        assertThat(Secrets.redact("HTTP 401: invalid app_key adzuna-key-0123456789 (see docs)"))
                .isEqualTo("HTTP 401: invalid app_key *** (see docs)");
        assertThat(Secrets.redact("nothing secret here")).isEqualTo("nothing secret here");
        assertThat(Secrets.redact(null)).isNull();
    }

    @Test
    void anythingShapedLikeAnAnthropicKeyIsMaskedRegisteredOrNot() {
        assertThat(Secrets.redact("invalid x-api-key: sk-ant-api03-AbC_dEf-123456789"))
                .isEqualTo("invalid x-api-key: sk-ant-***");
    }

    @Test
    void shortValuesAreNotSecretsThatWouldMaskOrdinaryWords() {
        Secrets.register("data");
        assertThat(Secrets.redact("data engineer")).isEqualTo("data engineer");
    }

    @Test
    void aPasswordInAJdbcUrlIsMasked() {
        assertThat(Secrets.redactUrl("jdbc:postgresql://db:5432/ji?user=ji&password=S3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ji?user=ji&password=***&ssl=true");
        assertThat(Secrets.redactUrl("jdbc:postgresql://ji:S3cret@db/ji")).isEqualTo("jdbc:postgresql://ji:***@db/ji");
        assertThat(Secrets.redactUrl("jdbc:sqlite:/data/market.db")).isEqualTo("jdbc:sqlite:/data/market.db");
    }
}
