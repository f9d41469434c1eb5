package dev.watershed.application.validation;

import java.time.Instant;

/**
 * What one recorded validation saw: counts and the serialised batch profile, never the records themselves.
 *
 * @param id      {@code null} until stored
 * @param label   where the data came from ({@code training}, {@code serving}...), or {@code null}
 * @param profile {@code BatchProfile.serialize()} bytes, or {@code null} when the validation was not profiled
 * @param team    the team of the token that recorded it; {@code null} for the bootstrap admin
 * @param byOwner recorded for the asset's owner: by the owning team or an admin ({@link Recorders})
 */
public record Observation(
        Long id,
        String asset,
        String version,
        String label,
        Instant observedAt,
        long total,
        long valid,
        long invalid,
        long errorCount,
        byte[] profile,
        String recordedBy,
        String team,
        boolean byOwner) {

    /** This observation as recorded by {@code team}, for the owner or not. */
    public Observation recordedFor(String team, boolean byOwner) {
        return new Observation(
                id,
                asset,
                version,
                label,
                observedAt,
                total,
                valid,
                invalid,
                errorCount,
                profile,
                recordedBy,
                team,
                byOwner);
    }
}
