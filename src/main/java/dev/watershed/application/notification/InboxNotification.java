package dev.watershed.application.notification;

import dev.watershed.domain.notification.EventType;
import java.time.Instant;

/**
 * A notification in a team's in-app inbox.
 *
 * @param data   the change details, as a JSON object
 * @param reason why the team gets it, as a JSON array
 */
public record InboxNotification(
        long id,
        String team,
        String eventId,
        EventType type,
        String subject,
        Instant occurredAt,
        String data,
        String reason,
        Instant readAt) {}
