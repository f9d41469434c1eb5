package dev.watershed.application;

import java.time.Instant;

/**
 * What one recorded validation saw: counts and the serialised batch profile, never the records themselves.
 *
 * @param id      {@code null} until stored
 * @param label   where the data came from ({@code training}, {@code serving}...), or {@code null}
 * @param profile {@code BatchProfile.serialize()} bytes, or {@code null} when the validation was not profiled
 */
public record Observation(Long id, String asset, String version, String label, Instant observedAt, long total,
                          long valid, long invalid, long errorCount, byte[] profile, String recordedBy) {
}
