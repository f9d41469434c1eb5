package dev.watershed.application.notification;

import dev.watershed.application.access.TeamService;
import dev.watershed.application.asset.AssetService;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.notification.EventType;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Explicit subscriptions: made, listed and removed by the subscribing team's tokens or an admin (their targets may
 * carry credentials, and their deliveries' log says what answered where).
 */
@ApplicationScoped
public class SubscriptionService {

    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 300;
    private static final int MAX_TARGET = 2_000;

    private final NotificationStore store;
    private final TeamService teams;
    private final AssetService assets;
    private final WebhookTargetPolicy targets;
    private final EmailChannel email;
    private final Clock clock;

    public SubscriptionService(
            NotificationStore store,
            TeamService teams,
            AssetService assets,
            WebhookTargetPolicy targets,
            EmailChannel email,
            Clock clock) {
        this.store = store;
        this.email = email;
        this.teams = teams;
        this.assets = assets;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * @param asset  {@code null} for a channel for every event the team receives as a downstream owner
     * @param secret required for WEBHOOK (at least 16 characters): every webhook call is signed
     * @throws dev.watershed.domain.notification.WebhookTargetNotAllowedException for a webhook to an address the
     *                                                                          policy refuses
     */
    @Transactional
    public Subscription create(
            Caller caller,
            String team,
            String asset,
            List<String> events,
            NotificationChannel channel,
            String target,
            String secret) {
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("/team", "team is required");
        }
        teams.get(team);
        caller.requireCanChange(team, "the subscriptions of team '" + team + "'");
        if (asset != null) {
            assets.get(asset);
        }
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException(
                    "/events",
                    "events is required: one or more of "
                            + List.of(EventType.values()).stream()
                                    .map(EventType::id)
                                    .toList());
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i);
            types.add(EventType.fromId(id)
                    .orElseThrow(() -> new InvalidInputException(
                            "/events",
                            "unknown event '" + id + "': use one of "
                                    + List.of(EventType.values()).stream()
                                            .map(EventType::id)
                                            .toList())));
        }
        if (channel == null) {
            throw new InvalidInputException("/channel", "channel is required: WEBHOOK or EMAIL");
        }
        if (target == null || target.isBlank() || target.length() > MAX_TARGET) {
            throw new InvalidInputException(
                    "/target",
                    "target is required: a URL for WEBHOOK, an address for EMAIL" + " (at most " + MAX_TARGET
                            + " characters)");
        }
        if (channel == NotificationChannel.EMAIL && !email.enabled()) {
            throw new InvalidInputException("/channel", email.whyOff() + "; subscribe a WEBHOOK instead");
        }
        if (channel == NotificationChannel.WEBHOOK) {
            targets.check(target, "/target");
            if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
                throw new InvalidInputException(
                        "/secret",
                        "a WEBHOOK subscription needs a secret of " + MIN_SECRET + " to " + MAX_SECRET
                                + " characters: every call is signed with it (Watershed-Signature)");
            }
        } else {
            if (!target.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidInputException("/target", "target '" + target + "' is not an email address");
            }
            if (secret != null) {
                throw new InvalidInputException("/secret", "only WEBHOOK subscriptions take a secret");
            }
        }
        return store.insertSubscription(
                new Subscription(
                        null, team, asset, types, channel, target, secret != null, clock.instant(), caller.label()),
                secret);
    }

    /** A team's subscriptions, for its own tokens and admins. */
    public List<Subscription> list(Caller caller, String team) {
        caller.requireAuthenticated();
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("team", "team is required: GET /api/v1/subscriptions?team=<name>");
        }
        teams.get(team);
        caller.requireCanSee(team, "the subscriptions of team '" + team + "'");
        return store.subscriptionsOf(team);
    }

    /** Removes the subscription and cancels its pending deliveries in one transaction: none is sent after this. */
    @Transactional
    public void delete(Caller caller, long id) {
        Subscription subscription = store.subscription(id).orElseThrow(() -> notFound(id));
        caller.requireCanChange(subscription.team(), "the subscriptions of team '" + subscription.team() + "'");
        store.cancelPendingDeliveries(id);
        store.deleteSubscription(id);
    }

    private static SubscriptionNotFoundException notFound(long id) {
        return new SubscriptionNotFoundException(id);
    }
}
