package dev.watershed.application.drift;

import dev.watershed.application.validation.ProfileReference;
import dev.watershed.domain.profile.DriftReport;
import java.time.Instant;

/**
 * A drift check of one batch or observation of an asset.
 *
 * @param id      {@code null} unless it found anomalies and was stored
 * @param against the baseline or earlier observation compared with
 * @param current what was checked
 */
public record DriftCheck(
        Long id,
        String asset,
        Instant checkedAt,
        String checkedBy,
        ProfileReference against,
        ProfileReference current,
        DriftReport report) {}
