package dev.watershed.adapter.persistence;

import dev.watershed.application.notification.Delivery;
import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.DeliveryStatus;
import dev.watershed.application.notification.InboxNotification;
import dev.watershed.application.notification.NewDelivery;
import dev.watershed.application.notification.NotificationChannel;
import dev.watershed.application.notification.NotificationStore;
import dev.watershed.application.notification.OutboxEvent;
import dev.watershed.application.notification.OutgoingDelivery;
import dev.watershed.application.notification.Subscription;
import dev.watershed.domain.notification.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class NotificationRepository implements NotificationStore {

    private static final String PENDING = DeliveryStatus.PENDING.name();
    private static final String CANCELLED = DeliveryStatus.CANCELLED.name();

    private final EntityManager em;
    private final SecretCipher secrets;

    public NotificationRepository(EntityManager em, SecretCipher secrets) {
        this.em = em;
        this.secrets = secrets;
    }

    @Override
    public Subscription insertSubscription(Subscription subscription, String secret) {
        SubscriptionEntity entity = new SubscriptionEntity();
        entity.team = subscription.team();
        entity.asset = subscription.asset();
        entity.events =
                subscription.events().stream().map(EventType::id).sorted().collect(Collectors.joining(","));
        entity.channel = subscription.channel().name();
        entity.target = subscription.target();
        entity.secret = secret == null ? null : secrets.encrypt(secret);
        entity.createdAt = subscription.createdAt();
        entity.createdBy = subscription.createdBy();
        em.persist(entity);
        return toDomain(entity);
    }

    @Override
    public Optional<Subscription> subscription(long id) {
        return Optional.ofNullable(em.find(SubscriptionEntity.class, id)).map(NotificationRepository::toDomain);
    }

    @Override
    public List<Subscription> subscriptionsOf(String team) {
        return em
                .createQuery("from SubscriptionEntity where team = :team order by id", SubscriptionEntity.class)
                .setParameter("team", team)
                .getResultList()
                .stream()
                .map(NotificationRepository::toDomain)
                .toList();
    }

    @Override
    public List<Subscription> subscriptionsTo(String asset) {
        return em
                .createQuery("from SubscriptionEntity where asset = :asset order by id", SubscriptionEntity.class)
                .setParameter("asset", asset)
                .getResultList()
                .stream()
                .map(NotificationRepository::toDomain)
                .toList();
    }

    @Override
    public boolean deleteSubscription(long id) {
        return em.createQuery("delete from SubscriptionEntity where id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    @Override
    public int cancelPendingDeliveries(long subscriptionId) {
        return em.createQuery("update DeliveryEntity d set d.status = :cancelled"
                        + " where d.subscriptionId = :subscription and d.status = :pending")
                .setParameter("cancelled", CANCELLED)
                .setParameter("subscription", subscriptionId)
                .setParameter("pending", PENDING)
                .executeUpdate();
    }

    @Override
    public void insertEvent(OutboxEvent event, Set<String> linked) {
        NotificationEventEntity entity = new NotificationEventEntity();
        entity.id = event.id();
        entity.type = event.type().id();
        entity.subject = event.subject();
        entity.occurredAt = event.occurredAt();
        entity.data = event.data();
        em.persist(entity);
        for (String asset : linked) {
            EventAssetEntity link = new EventAssetEntity();
            link.eventId = event.id();
            link.asset = asset;
            link.occurredAt = event.occurredAt();
            em.persist(link);
        }
    }

    @Override
    public void insertDelivery(NewDelivery delivery, Instant now) {
        DeliveryEntity entity = new DeliveryEntity();
        entity.eventId = delivery.eventId();
        entity.team = delivery.team();
        entity.channel = delivery.channel().name();
        entity.target = delivery.target();
        entity.subscriptionId = delivery.subscriptionId();
        entity.reason = delivery.reason();
        entity.status = PENDING;
        entity.attempts = 0;
        entity.createdAt = now;
        entity.windowStart = now;
        entity.nextAttemptAt = now;
        em.persist(entity);
    }

    @Override
    public void insertInbox(String team, String eventId, String reason, Instant now) {
        InboxNotificationEntity entity = new InboxNotificationEntity();
        entity.team = team;
        entity.eventId = eventId;
        entity.reason = reason;
        entity.createdAt = now;
        em.persist(entity);
    }

    @Override
    @Transactional
    public List<Long> due(Instant now, int limit) {
        return em.createQuery(
                        "select d.id from DeliveryEntity d where d.status = :pending"
                                + " and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)"
                                + " order by d.nextAttemptAt, d.id",
                        Long.class)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long id, String dispatcher, Instant now, Instant until) {
        // Portable compare-and-set: only one replica's UPDATE matches the row, on H2 and PostgreSQL alike.
        return em.createQuery("update DeliveryEntity d set d.claimedBy = :me, d.claimedUntil = :until"
                                + " where d.id = :id and d.status = :pending and d.nextAttemptAt <= :now"
                                + " and (d.claimedUntil is null or d.claimedUntil < :now)")
                        .setParameter("me", dispatcher)
                        .setParameter("until", until)
                        .setParameter("id", id)
                        .setParameter("pending", PENDING)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    @Override
    @Transactional
    public Optional<OutgoingDelivery> outgoing(long id) {
        DeliveryEntity delivery = em.find(DeliveryEntity.class, id);
        if (delivery == null || !PENDING.equals(delivery.status)) {
            return Optional.empty();
        }
        // The secret is read from the subscription at each attempt, never copied into the delivery.
        String secret = null;
        if (delivery.subscriptionId != null) {
            SubscriptionEntity subscription = em.find(SubscriptionEntity.class, delivery.subscriptionId);
            if (subscription == null) {
                // Deleted without its deliveries being cancelled (by hand in the database): never send unsigned.
                delivery.status = CANCELLED;
                return Optional.empty();
            }
            secret = subscription.secret == null ? null : secrets.decrypt(subscription.secret);
        }
        NotificationEventEntity event = em.find(NotificationEventEntity.class, delivery.eventId);
        return Optional.of(new OutgoingDelivery(
                delivery.id,
                toDomain(event),
                delivery.team,
                NotificationChannel.valueOf(delivery.channel),
                delivery.target,
                secret,
                delivery.reason,
                delivery.attempts,
                delivery.windowStart));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAttempt(long id, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt) {
        if (em.find(DeliveryEntity.class, id) == null) {
            return;
        }
        em.createQuery("update DeliveryEntity d set d.attempts = d.attempts + 1, d.claimedBy = null,"
                        + " d.claimedUntil = null where d.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        // Conditional, like the claim: a delivery cancelled meanwhile (its subscription deleted while it was being
        // sent) stays cancelled, whichever of the two transactions commits first.
        em.createQuery("update DeliveryEntity d set d.status = :status, d.nextAttemptAt = :next,"
                        + " d.deliveredAt = :deliveredAt where d.id = :id and d.status = :pending")
                .setParameter("status", status.name())
                .setParameter("next", status == DeliveryStatus.PENDING ? nextAttemptAt : attempt.attemptedAt())
                .setParameter("deliveredAt", status == DeliveryStatus.DELIVERED ? attempt.attemptedAt() : null)
                .setParameter("id", id)
                .setParameter("pending", PENDING)
                .executeUpdate();
        DeliveryAttemptEntity entity = new DeliveryAttemptEntity();
        entity.deliveryId = id;
        entity.attemptedAt = attempt.attemptedAt();
        entity.outcome = attempt.outcome();
        entity.httpStatus = attempt.httpStatus();
        entity.error = attempt.error() == null || attempt.error().length() <= 2_000
                ? attempt.error()
                : attempt.error().substring(0, 2_000);
        em.persist(entity);
    }

    @Override
    public Optional<Delivery> delivery(long id) {
        return Optional.ofNullable(em.find(DeliveryEntity.class, id)).map(this::toDomain);
    }

    @Override
    public List<Delivery> deliveries(DeliveryStatus status, String team, int limit) {
        StringBuilder query = new StringBuilder("from DeliveryEntity d where 1 = 1");
        if (status != null) {
            query.append(" and d.status = :status");
        }
        if (team != null) {
            query.append(" and d.team = :team");
        }
        var typed = em.createQuery(query.append(" order by d.id desc").toString(), DeliveryEntity.class);
        if (status != null) {
            typed.setParameter("status", status.name());
        }
        if (team != null) {
            typed.setParameter("team", team);
        }
        return typed.setMaxResults(limit).getResultList().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public void retry(long id, Instant now) {
        DeliveryEntity delivery = em.find(DeliveryEntity.class, id);
        delivery.status = PENDING;
        delivery.windowStart = now;
        delivery.nextAttemptAt = now;
        delivery.claimedBy = null;
        delivery.claimedUntil = null;
    }

    @Override
    public List<InboxNotification> inbox(String team, boolean unreadOnly, int limit) {
        String where = unreadOnly ? " and n.readAt is null" : "";
        return em
                .createQuery(
                        "from InboxNotificationEntity n where n.team = :team" + where + " order by n.id desc",
                        InboxNotificationEntity.class)
                .setParameter("team", team)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public Optional<InboxNotification> inboxNotification(long id) {
        return Optional.ofNullable(em.find(InboxNotificationEntity.class, id)).map(this::toDomain);
    }

    @Override
    public void markRead(long id, Instant now) {
        em.find(InboxNotificationEntity.class, id).readAt = now;
    }

    private InboxNotification toDomain(InboxNotificationEntity entity) {
        NotificationEventEntity event = em.find(NotificationEventEntity.class, entity.eventId);
        return new InboxNotification(
                entity.id,
                entity.team,
                event.id,
                type(event.type),
                event.subject,
                event.occurredAt,
                event.data,
                entity.reason,
                entity.readAt);
    }

    private Delivery toDomain(DeliveryEntity entity) {
        NotificationEventEntity event = em.find(NotificationEventEntity.class, entity.eventId);
        List<DeliveryAttempt> log = em
                .createQuery(
                        "from DeliveryAttemptEntity where deliveryId = :id order by id", DeliveryAttemptEntity.class)
                .setParameter("id", entity.id)
                .getResultList()
                .stream()
                .map(attempt ->
                        new DeliveryAttempt(attempt.attemptedAt, attempt.outcome, attempt.httpStatus, attempt.error))
                .toList();
        return new Delivery(
                entity.id,
                entity.eventId,
                type(event.type),
                event.subject,
                entity.team,
                entity.subscriptionId,
                NotificationChannel.valueOf(entity.channel),
                entity.target,
                DeliveryStatus.valueOf(entity.status),
                entity.attempts,
                entity.createdAt,
                entity.nextAttemptAt,
                entity.deliveredAt,
                log);
    }

    private static OutboxEvent toDomain(NotificationEventEntity entity) {
        return new OutboxEvent(entity.id, type(entity.type), entity.subject, entity.occurredAt, entity.data);
    }

    private static Subscription toDomain(SubscriptionEntity entity) {
        return new Subscription(
                entity.id,
                entity.team,
                entity.asset,
                Arrays.stream(entity.events.split(","))
                        .map(NotificationRepository::type)
                        .collect(Collectors.toSet()),
                NotificationChannel.valueOf(entity.channel),
                entity.target,
                entity.secret != null,
                entity.createdAt,
                entity.createdBy);
    }

    private static EventType type(String id) {
        return EventType.fromId(id).orElseThrow(() -> new IllegalStateException("unknown stored event " + id));
    }
}
