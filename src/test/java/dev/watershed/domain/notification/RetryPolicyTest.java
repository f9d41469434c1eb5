package dev.watershed.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(24));

    @Test
    void delayDoublesAndStaysBetweenHalfAndFull() {
        Instant now = CREATED.plusSeconds(60);
        for (int attempts = 1; attempts <= 5; attempts++) {
            long full = 10_000L << (attempts - 1);
            assertThat(delay(attempts, now, 0.0)).isEqualTo(full / 2);
            assertThat(delay(attempts, now, 0.999_999)).isBetween(full - 1, full);
        }
    }

    @Test
    void delayIsCappedAtMaxDelay() {
        Instant now = CREATED.plusSeconds(60);
        assertThat(delay(20, now, 0.999_999)).isBetween(299_999L, 300_000L);
        assertThat(delay(1_000, now, 0.0)).isEqualTo(150_000L);
    }

    @Test
    void givesUpAtTheDeadline() {
        assertThat(policy.nextAttempt(CREATED, 3, CREATED.plus(Duration.ofHours(24)), () -> 0.5))
                .isEmpty();
        assertThat(policy.nextAttempt(CREATED, 3, CREATED.plus(Duration.ofHours(25)), () -> 0.5))
                .isEmpty();
    }

    @Test
    void lastRetryIsNoLaterThanTheDeadline() {
        Instant now = CREATED.plus(Duration.ofHours(24)).minusSeconds(1);
        assertThat(policy.nextAttempt(CREATED, 30, now, () -> 0.9)).contains(CREATED.plus(Duration.ofHours(24)));
    }

    @Test
    void neverRetriesImmediately() {
        RetryPolicy zero = new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
        assertThat(zero.nextAttempt(CREATED, 1, CREATED, () -> 0.0)).contains(CREATED.plusMillis(1));
    }

    private long delay(int attempts, Instant now, double random) {
        return Duration.between(
                        now,
                        policy.nextAttempt(CREATED, attempts, now, () -> random).orElseThrow())
                .toMillis();
    }
}
