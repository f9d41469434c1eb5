package dev.watershed.application.notification;

import dev.watershed.application.access.TeamService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
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
        InboxNotification notification =
                store.inboxNotification(id).orElseThrow(() -> new NotificationNotFoundException(id));
        caller.requireCanChange(notification.team(), "the inbox of team '" + notification.team() + "'");
        if (notification.readAt() == null) {
            store.markRead(id, clock.instant());
        }
        return store.inboxNotification(id).orElseThrow();
    }

    /**
     * The delivery log is for the recipient team and admins: it holds targets and what answered there. An admin sees
     * every team's, or the one {@code team} names; any other token sees its own team's, and naming another team is
     * refused.
     *
     * @param team {@code null} for all (an admin) or the caller's own (anyone else)
     */
    public List<Delivery> deliveries(Caller caller, DeliveryStatus status, String team, int limit) {
        caller.requireAuthenticated();
        String scope = team;
        if (!caller.admin()) {
            scope = team == null ? caller.team() : team;
            caller.requireCanSee(scope, "the deliveries of team '" + scope + "'");
        }
        return store.deliveries(status, scope, checkedLimit(limit));
    }

    /**
     * Sends a delivery again with a fresh retry window: an admin or the recipient team. A delivered one is left as it
     * is; a cancelled one (its subscription was deleted) cannot be sent again.
     */
    @Transactional
    public Delivery retry(Caller caller, long id) {
        Delivery delivery = store.delivery(id).orElseThrow(() -> new DeliveryNotFoundException(id));
        caller.requireCanChange(delivery.team(), "the deliveries of team '" + delivery.team() + "'");
        if (delivery.status() == DeliveryStatus.CANCELLED) {
            throw new ConflictException(
                    "DELIVERY_CANCELLED",
                    "delivery " + id + " was cancelled when its subscription"
                            + " was deleted: subscribe again to receive new events");
        }
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
