package dev.watershed.application.notification;

import dev.watershed.domain.notification.EventType;
import java.time.Instant;

/**
 * A change worth telling people about, as stored in the outbox.
 *
 * @param id      stable across every delivery and retry: receivers deduplicate on it
 * @param subject the changed asset
 * @param data    the change details as a JSON object
 */
public record OutboxEvent(String id, EventType type, String subject, Instant occurredAt, String data) {}
