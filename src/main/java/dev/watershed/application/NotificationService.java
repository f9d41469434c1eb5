package dev.watershed.application;

import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** A team's inbox, and the deliveries operators inspect and retry. */
@ApplicationScoped
public class NotificationService {

    private final NotificationStore store;
    private final TeamService teams;
    private final WatershedConfig config;
    private final Clock clock;

    public NotificationService(NotificationStore store, TeamService teams, WatershedConfig config, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.config = config;
        this.clock = clock;
    }

    public List<InboxNotification> inbox(String team, boolean unreadOnly, int limit) {
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("team", "team is required: GET /api/v1/notifications?team=<name>");
        }
        teams.get(team);
        return store.inbox(team, unreadOnly, checkedLimit(limit));
    }

    /** Marking read is the team's business: its editors or an admin. Reading again changes nothing. */
    @Transactional
    public InboxNotification markRead(Caller caller, long id) {
        InboxNotification notification = store.inboxNotification(id).orElseThrow(() -> new NotFoundException(
                "notification", "notification " + id + " does not exist"));
        caller.requireCanChange(notification.team(), "the inbox of team '" + notification.team() + "'");
        if (notification.readAt() == null) {
            store.markRead(id, clock.instant());
        }
        return store.inboxNotification(id).orElseThrow();
    }

    public List<Delivery> deliveries(DeliveryStatus status, String team, int limit) {
        return store.deliveries(status, team, checkedLimit(limit));
    }

    /** Sends a delivery again with a fresh retry window: an admin or the recipient team. */
    @Transactional
    public Delivery retry(Caller caller, long id) {
        Delivery delivery = store.delivery(id).orElseThrow(() -> new NotFoundException("delivery", "delivery " + id
                + " does not exist: list them with GET /api/v1/deliveries"));
        caller.requireCanChange(delivery.team(), "the deliveries of team '" + delivery.team() + "'");
        if (delivery.status() != DeliveryStatus.DELIVERED) {
            store.retry(id, clock.instant());
        }
        return store.delivery(id).orElseThrow();
    }

    private int checkedLimit(int limit) {
        int max = config.limits().maxPageSize();
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "limit " + limit + " is outside 1.." + max);
        }
        return limit;
    }
}
