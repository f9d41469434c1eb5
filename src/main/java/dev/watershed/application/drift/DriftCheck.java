package dev.watershed.application.drift;

import dev.watershed.application.validation.ProfileReference;
import dev.watershed.domain.profile.DriftReport;
import java.time.Instant;

/**
 * A drift check of one batch or observation of an asset.
 *
 * @param id      {@code null} unless it found anomalies and was stored
 * @param against the baseline or earlier observation compared with; {@code null} for the first batch of a label
 * @param current what was checked
 * @param note    {@code null}, or why nothing was compared: the first labelled batch, recorded for the next one
 */
public record DriftCheck(
        Long id,
        String asset,
        Instant checkedAt,
        String checkedBy,
        ProfileReference against,
        ProfileReference current,
        DriftReport report,
        String note) {

    /** A check that compared something. */
    public DriftCheck(
            Long id,
            String asset,
            Instant checkedAt,
            String checkedBy,
            ProfileReference against,
            ProfileReference current,
            DriftReport report) {
        this(id, asset, checkedAt, checkedBy, against, current, report, null);
    }
}
