package dev.watershed.application.drift;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.profile.DriftDetector;
import dev.watershed.domain.profile.DriftSettings;

/**
 * The detectors that drift checks and skew reports use, from {@code watershed.drift.*}. Each service builds its own
 * once, so that a threshold configured outside (0, 1] fails when the service starts, not per request.
 */
final class DriftDetectors {

    private DriftDetectors() {}

    /** A batch against its baseline or the previous batch: the Jensen-Shannon and L-infinity thresholds. */
    static DriftDetector drift(WatershedConfig.Drift drift) {
        return detector(drift, drift.jensenShannonThreshold(), drift.lInfinityThreshold());
    }

    /** Training against serving data: the skew threshold for either metric. */
    static DriftDetector skew(WatershedConfig.Drift drift) {
        return detector(drift, drift.skewThreshold(), drift.skewThreshold());
    }

    private static DriftDetector detector(WatershedConfig.Drift drift, double jensenShannon, double lInfinity) {
        try {
            return new DriftDetector(new DriftSettings(
                    jensenShannon,
                    lInfinity,
                    drift.nullRateChange(),
                    drift.newCategoryMinShare(),
                    drift.recordCountChange()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("watershed.drift.* is misconfigured: " + e.getMessage(), e);
        }
    }
}
