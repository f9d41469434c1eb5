package dev.watershed.application.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * A stored event read back from the change journal. The type is kept as its id so that an event type this build does
 * not know still reads.
 *
 * @param linked the assets whose inputs the event changed (its subject, and e.g. the consumer of a dependency)
 * @param data   the change details as a JSON object
 */
public record JournalEntry(
        String id, String type, String subject, Instant occurredAt, String data, Set<String> linked) {

    public JournalEntry {
        linked = Set.copyOf(linked);
    }
}
