package dev.watershed.application;

import dev.watershed.domain.notification.EventType;
import java.time.Instant;
import java.util.List;

/** A delivery with its attempts log, as listed for operators. The secret is not part of it. */
public record Delivery(long id, String eventId, EventType type, String subject, String team,
                       NotificationChannel channel, String target, DeliveryStatus status, int attempts,
                       Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, List<DeliveryAttempt> log) {

    public Delivery {
        log = List.copyOf(log);
    }
}
