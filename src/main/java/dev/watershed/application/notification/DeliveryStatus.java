package dev.watershed.application.notification;

/**
 * PENDING until sent or given up; FAILED is the dead letter, retried only on request. CANCELLED: its subscription was
 * deleted before it was delivered, so it is never sent (again).
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED
}
