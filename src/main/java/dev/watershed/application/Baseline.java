package dev.watershed.application;

import java.time.Instant;

/**
 * A fixed profile to compare batches with: the merged profiles of an asset's observations with one label.
 *
 * @param id           {@code null} until stored
 * @param name         chosen by its creator, or {@code null}
 * @param windowFrom   when the first merged observation was made
 * @param windowTo     when the last merged observation was made
 * @param observations how many observations were merged
 * @param records      records profiled, all observations together
 * @param profile      {@code BatchProfile.serialize()} bytes of the merged profile
 */
public record Baseline(Long id, String asset, String name, String label, Instant windowFrom, Instant windowTo,
                       int observations, long records, byte[] profile, Instant createdAt, String createdBy) {
}
