package dev.watershed.application.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where the change journal is read from. The notification outbox writes it, one event per change whoever is told of
 * it; the timeline only reads, so it needs no part of notification.
 */
public interface JournalStore {

    /**
     * The journal: events linked to any of {@code assets} that occurred in [{@code from}, {@code to}), newest first
     * (ties by id), at most {@code limit}.
     *
     * @param types event type ids to keep; empty for every type
     */
    List<JournalEntry> journal(Collection<String> assets, Instant from, Instant to, Set<String> types, int limit);
}
