package dev.watershed.application;

/** PENDING until sent or given up; FAILED is the dead letter, retried only on request. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
