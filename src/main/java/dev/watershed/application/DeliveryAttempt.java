package dev.watershed.application;

import java.time.Instant;

/**
 * One try at sending a delivery.
 *
 * @param outcome    DELIVERED or FAILED
 * @param httpStatus the receiver's status for a webhook; {@code null} when none came back or for email
 * @param error      why it failed, {@code null} when delivered
 */
public record DeliveryAttempt(Instant attemptedAt, String outcome, Integer httpStatus, String error) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    public boolean delivered() {
        return DELIVERED.equals(outcome);
    }
}
