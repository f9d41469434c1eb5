package dev.watershed.application;

/**
 * A delivery to write with its event.
 *
 * @param reason a JSON array: why the recipient gets the event (affected assets, paths, fields)
 */
public record NewDelivery(String eventId, String team, NotificationChannel channel, String target, String secret,
                          String reason) {
}
