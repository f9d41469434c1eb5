package dev.watershed.application.notification;

/**
 * A delivery to write with its event.
 *
 * @param subscriptionId the subscription that asks for it; {@code null} for a team's own email or webhook. A webhook
 *                       delivery's secret is read from its subscription when it is sent, never copied into it
 * @param reason         a JSON array: why the recipient gets the event (affected assets, paths, fields)
 */
public record NewDelivery(
        String eventId, String team, NotificationChannel channel, String target, Long subscriptionId, String reason) {}
