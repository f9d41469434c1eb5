package dev.watershed.application.notification;

import dev.watershed.domain.notification.EventType;
import java.time.Instant;
import java.util.Set;

/**
 * A team's wish to hear about events. With an asset: the events about that asset, whether or not the team reads it.
 * Without: another channel for the events the team receives as the owner of affected downstream assets.
 *
 * @param signed whether webhook deliveries are signed with a secret; the secret itself stays in the store (encrypted)
 *               and reaches only the sender, through {@link OutgoingDelivery}
 */
public record Subscription(
        Long id,
        String team,
        String asset,
        Set<EventType> events,
        NotificationChannel channel,
        String target,
        boolean signed,
        Instant createdAt,
        String createdBy) {

    public Subscription {
        events = Set.copyOf(events);
    }
}
