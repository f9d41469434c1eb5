package dev.watershed.application.notification;

/** Sends a delivery over one channel. Called outside any transaction; must not throw for a receiver's failure. */
public interface Notifier {

    NotificationChannel channel();

    /** @return the attempt, delivered or failed with the reason */
    DeliveryAttempt send(OutgoingDelivery delivery);
}
