package dev.watershed.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "s3cret";
    private static final String BODY = "{\"id\":\"42\"}";

    @Test
    void signsTimestampAndBody() {
        String header = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);
        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
    }

    @Test
    void matchesAnIndependentHmac() {
        // printf '1.{}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", 1, "{}"))
                .isEqualTo("t=1,v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
    }

    @Test
    void verifiesItsOwnSignature() {
        String header = WebhookSignature.sign(SECRET, 1_000L, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_010L, 300)).isTrue();
    }

    @Test
    void refusesOtherSecretOtherBodyOldTimestamp() {
        String header = WebhookSignature.sign(SECRET, 1_000L, BODY);
        assertThat(WebhookSignature.verify("other", header, BODY, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_301L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 699L, 300)).isFalse();
    }

    @Test
    void refusesMalformedHeaders() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "", BODY, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1000", BODY, 1_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, 1_000L, 300))
                .isFalse();
    }

    @Test
    void toleratesSpacesBetweenParts() {
        String header = WebhookSignature.sign(SECRET, 1_000L, BODY).replace(",", ", ");
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000L, 300)).isTrue();
    }
}
