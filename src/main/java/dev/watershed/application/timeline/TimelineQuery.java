package dev.watershed.application.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * Which part of an asset's change timeline to read; {@code null} takes the configured default.
 *
 * @param from  inclusive lower bound of {@code occurredAt}
 * @param to    exclusive upper bound of {@code occurredAt}
 * @param types event type ids to keep; empty for every type
 */
public record TimelineQuery(Instant from, Instant to, Integer limit, Set<String> types) {

    public TimelineQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
