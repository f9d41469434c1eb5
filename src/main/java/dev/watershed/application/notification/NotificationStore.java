package dev.watershed.application.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where subscriptions, the outbox, deliveries and inboxes are kept. */
public interface NotificationStore {

    /**
     * Stores a subscription; the secret is encrypted before it is written and never read back except by
     * {@link #outgoing(long)}.
     *
     * @param secret {@code null} for none
     */
    Subscription insertSubscription(Subscription subscription, String secret);

    Optional<Subscription> subscription(long id);

    /** A team's subscriptions, oldest first. */
    List<Subscription> subscriptionsOf(String team);

    /** Subscriptions naming {@code asset}. */
    List<Subscription> subscriptionsTo(String asset);

    boolean deleteSubscription(long id);

    /**
     * Joins the caller's transaction: the subscription's PENDING deliveries become CANCELLED, including one a
     * dispatcher is sending right now (its outcome is logged, but it stays CANCELLED).
     *
     * @return how many were cancelled
     */
    int cancelPendingDeliveries(long subscriptionId);

    /**
     * Joins the caller's transaction.
     *
     * @param linked the assets whose inputs the event changed, the subject included: what the journal
     *               ({@link dev.watershed.application.timeline.JournalStore}) is searched by
     */
    void insertEvent(OutboxEvent event, Set<String> linked);

    /** Joins the caller's transaction; the delivery is due at once. */
    void insertDelivery(NewDelivery delivery, Instant now);

    /** Joins the caller's transaction. */
    void insertInbox(String team, String eventId, String reason, Instant now);

    /** Ids of pending deliveries due at {@code now} and not claimed by a live dispatcher, oldest first. */
    List<Long> due(Instant now, int limit);

    /**
     * Claims a due delivery for one dispatcher, in its own transaction.
     *
     * @return false when another dispatcher holds it, it is no longer due, or it is not pending
     */
    boolean claim(long id, String dispatcher, Instant now, Instant until);

    /**
     * A PENDING delivery with its subscription's secret, decrypted.
     *
     * @return empty when the delivery is gone or no longer pending (delivered, given up or cancelled meanwhile)
     * @throws UnreadableSecretException when the subscription's secret cannot be decrypted with this registry's key
     */
    Optional<OutgoingDelivery> outgoing(long id);

    /**
     * Records an attempt and the delivery's next state, in its own transaction, and releases the claim. A delivery
     * cancelled while it was being sent keeps its attempt but stays CANCELLED.
     *
     * @param nextAttemptAt when to try again for PENDING; ignored otherwise
     */
    void recordAttempt(long id, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt);

    Optional<Delivery> delivery(long id);

    /** Newest first; {@code status} and {@code team} filter when not null. */
    List<Delivery> deliveries(DeliveryStatus status, String team, int limit);

    /** Makes a delivery pending again with a fresh retry window. */
    void retry(long id, Instant now);

    /** Newest first. */
    List<InboxNotification> inbox(String team, boolean unreadOnly, int limit);

    Optional<InboxNotification> inboxNotification(long id);

    void markRead(long id, Instant now);
}
