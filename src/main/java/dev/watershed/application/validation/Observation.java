package dev.watershed.application.validation;

import java.time.Instant;

/**
 * What one recorded validation saw: counts and the serialised batch profile, never the records themselves.
 *
 * @param id      {@code null} until stored
 * @param label   where the data came from ({@code training}, {@code serving}...), or {@code null}
 * @param profile {@code BatchProfile.serialize()} bytes, or {@code null} when the validation was not profiled
 * @param team    the team of the token that recorded it; {@code null} for the bootstrap admin
 * @param byOwner     recorded for the asset's owner: by the owning team or an admin ({@link Recorders})
 * @param driftStatus {@code null} unless a drift check found it drifted ({@link DriftStatus})
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
        boolean byOwner,
        DriftStatus driftStatus) {

    /** An observation no drift check has flagged. */
    public Observation(
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
        this(
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
                byOwner,
                null);
    }

    /** Whether it may be compared with or merged into a baseline: not drifted, or drifted and accepted. */
    public boolean reference() {
        return driftStatus != DriftStatus.DRIFTED;
    }

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
                byOwner,
                driftStatus);
    }
}
