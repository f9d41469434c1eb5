package dev.watershed.adapter.persistence;

import dev.watershed.application.timeline.JournalEntry;
import dev.watershed.application.timeline.JournalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the change journal that {@link NotificationRepository} writes with every outbox event. */
@ApplicationScoped
public class JournalRepository implements JournalStore {

    private final EntityManager em;

    public JournalRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<JournalEntry> journal(
            Collection<String> assets, Instant from, Instant to, Set<String> types, int limit) {
        // One small query per asset rather than one "asset in (:assets)": H2 uses no index for a list of bind
        // parameters and compares every link in the journal with every asset (minutes for 2,000 upstream assets
        // over a 200,000-event journal), while each asset's newest links are one range of event_asset_asset_idx.
        TypedQuery<Object[]> newestOfAsset = em.createQuery(
                        "select l.eventId, l.occurredAt from EventAssetEntity l"
                                + (types.isEmpty() ? "" : ", NotificationEventEntity e")
                                + " where l.asset = :asset and l.occurredAt >= :from and l.occurredAt < :to"
                                + (types.isEmpty() ? "" : " and e.id = l.eventId and e.type in :types")
                                + " order by l.occurredAt desc",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit);
        if (!types.isEmpty()) {
            newestOfAsset.setParameter("types", types);
        }
        Map<String, Instant> newest = new HashMap<>();
        for (String asset : assets) {
            for (Object[] row : newestOfAsset.setParameter("asset", asset).getResultList()) {
                newest.put((String) row[0], (Instant) row[1]);
            }
        }
        List<String> ids = newest.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        List<JournalEntry> entries = new ArrayList<>(ids.size());
        TypedQuery<String> linksOf =
                em.createQuery("select l.asset from EventAssetEntity l where l.eventId = :id", String.class);
        for (String id : ids) {
            NotificationEventEntity event = em.find(NotificationEventEntity.class, id);
            Set<String> linked = new HashSet<>(linksOf.setParameter("id", id).getResultList());
            entries.add(new JournalEntry(
                    event.id,
                    event.type,
                    event.subject,
                    event.occurredAt,
                    event.data,
                    linked.isEmpty() ? Set.of(event.subject) : linked));
        }
        return entries;
    }
}
