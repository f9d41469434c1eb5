package dev.watershed.application.notification;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.notification.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: claims each with a conditional update (so one replica sends it), sends it outside any
 * transaction, then records the outcome in a new one. A dispatcher that dies between sending and recording leaves a
 * claim that expires after {@code watershed.notifications.claim-duration}; the delivery is then sent again. Delivery
 * is therefore at least once: receivers deduplicate on the event id.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final NotificationStore store;
    private final Map<NotificationChannel, Notifier> notifiers = new EnumMap<>(NotificationChannel.class);
    private final WatershedConfig config;
    private final Clock clock;
    private final String dispatcherId = "dispatcher-" + UUID.randomUUID();

    public DeliveryDispatcher(
            NotificationStore store, Instance<Notifier> notifiers, WatershedConfig config, Clock clock) {
        this.store = store;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.config = config;
        this.clock = clock;
    }

    /** @return how many deliveries this run attempted */
    public int dispatchDue() {
        List<Long> due = store.due(clock.instant(), config.notifications().batchSize());
        int attempted = 0;
        for (long id : due) {
            if (claim(id, dispatcherId)) {
                outgoing(id).ifPresent(this::attempt);
                attempted++;
            }
        }
        return attempted;
    }

    /** The delivery to send, or empty after recording why it cannot be sent at all. */
    private Optional<OutgoingDelivery> outgoing(long id) {
        try {
            return store.outgoing(id);
        } catch (UnreadableSecretException e) {
            LOG.errorf("Delivery %d is not sent: %s", id, e.getMessage());
            store.recordAttempt(
                    id,
                    new DeliveryAttempt(
                            clock.instant(),
                            DeliveryAttempt.REFUSED,
                            null,
                            "not sent: the subscription's secret cannot be decrypted with this registry's key"
                                    + " (watershed.secrets.key); fix the key, then retry the delivery"),
                    DeliveryStatus.FAILED,
                    null);
            return Optional.empty();
        }
    }

    /** Claims a delivery for {@code dispatcher} until the claim duration has passed. */
    public boolean claim(long id, String dispatcher) {
        Instant now = clock.instant();
        return store.claim(id, dispatcher, now, now.plus(config.notifications().claimDuration()));
    }

    private void attempt(OutgoingDelivery delivery) {
        Notifier notifier = notifiers.get(delivery.channel());
        DeliveryAttempt attempt;
        try {
            attempt = notifier.send(delivery);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery %d over %s failed unexpectedly", delivery.id(), delivery.channel());
            attempt = new DeliveryAttempt(
                    clock.instant(), DeliveryAttempt.FAILED, null, "unexpected error in the registry (logged there)");
        }
        if (attempt.delivered()) {
            store.recordAttempt(delivery.id(), attempt, DeliveryStatus.DELIVERED, null);
            return;
        }
        if (attempt.refused()) {
            // Sending again cannot help until someone changes the target, the allow-list or the key.
            LOG.warnf(
                    "Delivery %d of event %s to %s was refused: %s",
                    delivery.id(), delivery.event().id(), delivery.team(), attempt.error());
            store.recordAttempt(delivery.id(), attempt, DeliveryStatus.FAILED, null);
            return;
        }
        RetryPolicy policy = new RetryPolicy(
                config.notifications().firstDelay(),
                config.notifications().maxDelay(),
                config.notifications().giveUpAfter());
        Optional<Instant> next = policy.nextAttempt(
                delivery.windowStart(),
                delivery.attempts() + 1,
                attempt.attemptedAt(),
                () -> ThreadLocalRandom.current().nextDouble());
        if (next.isPresent()) {
            store.recordAttempt(delivery.id(), attempt, DeliveryStatus.PENDING, next.get());
        } else {
            LOG.warnf(
                    "Delivery %d of event %s to %s gave up after %d attempts: %s",
                    delivery.id(), delivery.event().id(), delivery.team(), delivery.attempts() + 1, attempt.error());
            store.recordAttempt(delivery.id(), attempt, DeliveryStatus.FAILED, null);
        }
    }
}
