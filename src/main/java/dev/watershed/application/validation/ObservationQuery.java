package dev.watershed.application.validation;

import java.time.Instant;

/**
 * Which observations of an asset to list, newest first.
 *
 * @param label {@code null} for every label
 * @param from  inclusive lower bound of {@code observedAt}, or {@code null}
 * @param to    exclusive upper bound of {@code observedAt}, or {@code null}
 */
public record ObservationQuery(String asset, String label, Instant from, Instant to, int limit) {}
