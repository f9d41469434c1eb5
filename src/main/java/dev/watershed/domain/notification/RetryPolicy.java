package dev.watershed.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with jitter, capped, until the delivery is older than
 * {@code giveUpAfter}; then it is dead-lettered. Jitter spreads the retries of many deliveries that failed together
 * (a receiver outage) so they do not all hit the receiver again at the same instant.
 *
 * @param firstDelay  the delay after the first failure
 * @param maxDelay    the longest delay between two attempts
 * @param giveUpAfter how long after its creation a delivery is still retried
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    /**
     * @param attempts how many attempts failed so far (1 after the first)
     * @param random   a source of numbers in [0, 1) for the jitter
     * @return when to try next, or empty when the delivery should be given up
     */
    public Optional<Instant> nextAttempt(Instant createdAt, int attempts, Instant now, DoubleSupplier random) {
        if (!now.isBefore(createdAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        double exponential = firstDelay.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(exponential, maxDelay.toMillis());
        // "Equal jitter": at least half the delay, so backoff still grows, plus a random share of the other half.
        long delay = (long) (capped / 2 + random.getAsDouble() * capped / 2);
        Instant next = now.plusMillis(Math.max(delay, 1));
        Instant deadline = createdAt.plus(giveUpAfter);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
