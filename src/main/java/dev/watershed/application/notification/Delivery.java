package dev.watershed.application.notification;

import dev.watershed.domain.notification.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A delivery with its attempts log, as listed for operators. The secret is not part of it.
 *
 * @param subscriptionId the subscription that asked for it, kept after the subscription is deleted; {@code null} for
 *                       a team's own email or webhook
 */
public record Delivery(
        long id,
        String eventId,
        EventType type,
        String subject,
        String team,
        Long subscriptionId,
        NotificationChannel channel,
        String target,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<DeliveryAttempt> log) {

    public Delivery {
        log = List.copyOf(log);
    }
}
