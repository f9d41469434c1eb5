package dev.watershed.application.drift;

import dev.watershed.application.validation.Recorders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param team         the team of the token that created it; {@code null} for the bootstrap admin
 * @param byOwner      created for the asset's owner, by the owning team or an admin; only these become the
 *                     owner's default ({@link Recorders})
 */
public record Baseline(
        Long id,
        String asset,
        String name,
        String label,
        Instant windowFrom,
        Instant windowTo,
        int observations,
        long records,
        byte[] profile,
        Instant createdAt,
        String createdBy,
        String team,
        boolean byOwner) {

    /**
     * The baseline the owner's drift checks use by default: the newest one created for the owner.
     *
     * @param newestFirst an asset's baselines, newest first
     */
    public static Optional<Baseline> ownersCurrent(List<Baseline> newestFirst) {
        return newestFirst.stream().filter(Baseline::byOwner).findFirst();
    }
}
