package dev.watershed.application.notification;

import java.time.Instant;

/**
 * What a notifier needs to send one delivery.
 *
 * @param windowStart when the retry window began: the delivery's creation, or its last manual retry
 * @param secret      signs a webhook, decrypted from its subscription just now; {@code null} for a team's own
 *                    webhook, which is sent unsigned
 */
public record OutgoingDelivery(
        long id,
        OutboxEvent event,
        String team,
        NotificationChannel channel,
        String target,
        String secret,
        String reason,
        int attempts,
        Instant windowStart) {}
