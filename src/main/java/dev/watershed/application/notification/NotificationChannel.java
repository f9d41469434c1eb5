package dev.watershed.application.notification;

/** How a delivery reaches its recipient. The in-app inbox is not a channel: its rows are written with the event. */
public enum NotificationChannel {
    WEBHOOK,
    EMAIL
}
