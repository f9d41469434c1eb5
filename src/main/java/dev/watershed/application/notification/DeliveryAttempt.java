package dev.watershed.application.notification;

import java.time.Instant;

/**
 * One try at sending a delivery.
 *
 * @param outcome    DELIVERED, FAILED (tried again later) or REFUSED (not sent, and not tried again until someone
 *                   fixes the cause and retries it: a target the address policy refuses, a secret that cannot be read)
 * @param httpStatus the receiver's status for a webhook; {@code null} when none came back or for email
 * @param error      why it failed, in words (never a Java class name); {@code null} when delivered
 */
public record DeliveryAttempt(Instant attemptedAt, String outcome, Integer httpStatus, String error) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String REFUSED = "REFUSED";

    public boolean delivered() {
        return DELIVERED.equals(outcome);
    }

    public boolean refused() {
        return REFUSED.equals(outcome);
    }
}
