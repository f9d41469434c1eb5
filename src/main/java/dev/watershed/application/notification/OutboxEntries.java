package dev.watershed.application.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.access.TeamStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.asset.Team;
import dev.watershed.domain.notification.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores one event with everything it leads to, inside the change's transaction: the event itself in the journal,
 * an inbox row per recipient team with why it was told, and the deliveries their subscriptions and team channels ask
 * for. {@link OutboxWriter} decides what happened and who is affected; this class decides who is told and how.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxEntries {

    /** Why one team gets an event: one entry per affected asset of theirs, or their subscription. */
    public record Reason(String asset, List<String> path, List<String> fields, String reason) {}

    private final NotificationStore store;
    private final TeamStore teams;
    private final WatershedConfig config;
    private final EmailChannel email;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public OutboxEntries(
            NotificationStore store, TeamStore teams, WatershedConfig config, EmailChannel email, Clock clock) {
        this.email = email;
        this.store = store;
        this.teams = teams;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Stores the event in the journal whoever is told, linked to the assets whose inputs it changed (what the
     * timeline searches by), then an inbox row per recipient team and the deliveries their subscriptions and team
     * channels ask for.
     */
    void store(
            EventType type,
            String subject,
            Set<String> linked,
            Map<String, Object> data,
            Map<String, List<Reason>> downstream) {
        Instant now = clock.instant();
        List<Subscription> onSubject = store.subscriptionsTo(subject).stream()
                .filter(subscription -> subscription.events().contains(type))
                .toList();
        Map<String, List<Reason>> recipients = new LinkedHashMap<>(downstream);
        for (Subscription subscription : onSubject) {
            if (!recipients.containsKey(subscription.team())) {
                recipients.put(
                        subscription.team(),
                        List.of(new Reason(
                                subject,
                                List.of(subject),
                                List.of(),
                                "subscribed to " + type.id() + " of " + subject)));
            }
        }
        OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), type, subject, now, write(data));
        store.insertEvent(event, linked);
        for (Map.Entry<String, List<Reason>> recipient : recipients.entrySet()) {
            String team = recipient.getKey();
            String reason = write(recipient.getValue());
            store.insertInbox(team, event.id(), reason, now);
            Set<String> targets = new LinkedHashSet<>();
            for (Subscription subscription : store.subscriptionsOf(team)) {
                boolean forThis = subscription.events().contains(type)
                        && (subscription.asset() == null
                                ? downstream.containsKey(team)
                                : subscription.asset().equals(subject));
                if (forThis && targets.add(subscription.channel() + " " + subscription.target())) {
                    store.insertDelivery(
                            new NewDelivery(
                                    event.id(),
                                    team,
                                    subscription.channel(),
                                    subscription.target(),
                                    subscription.id(),
                                    reason),
                            now);
                }
            }
            if (downstream.containsKey(team)) {
                Optional<Team> owner = teams.find(team);
                if (config.notifications().teamEmail()
                        && email.enabled()
                        && owner.map(Team::email).isPresent()
                        && targets.add(
                                NotificationChannel.EMAIL + " " + owner.get().email())) {
                    store.insertDelivery(
                            new NewDelivery(
                                    event.id(),
                                    team,
                                    NotificationChannel.EMAIL,
                                    owner.get().email(),
                                    null,
                                    reason),
                            now);
                }
                if (config.notifications().teamWebhook()
                        && owner.map(Team::webhook).isPresent()
                        && targets.add(
                                NotificationChannel.WEBHOOK + " " + owner.get().webhook())) {
                    store.insertDelivery(
                            new NewDelivery(
                                    event.id(),
                                    team,
                                    NotificationChannel.WEBHOOK,
                                    owner.get().webhook(),
                                    null,
                                    reason),
                            now);
                }
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is plain maps, lists and records", e);
        }
    }
}
