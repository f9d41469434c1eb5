package dev.watershed.adapter.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while every validation slot is taken, so that a load balancer sends new batches to another
 * replica instead of this one answering them 503. The slots belong to this replica, so this says something about it
 * alone (not about a shared dependency that would take every replica out at once), and it recovers by itself: a
 * slot is freed when its batch ends, and a client too slow to finish is cut after
 * {@code watershed.limits.body-rate-window}. Liveness is not affected: a restart would not help. The other endpoints
 * keep answering on this replica meanwhile.
 */
@Readiness
@ApplicationScoped
public class ValidationCapacityCheck implements HealthCheck {

    private final ValidationSlots slots;

    public ValidationCapacityCheck(ValidationSlots slots) {
        this.slots = slots;
    }

    @Override
    public HealthCheckResponse call() {
        int inUse = slots.inUse();
        return HealthCheckResponse.named("validation-capacity")
                .status(inUse < slots.limit())
                .withData("inUse", inUse)
                .withData("limit", slots.limit())
                .withData("refused", slots.refused())
                .build();
    }
}
