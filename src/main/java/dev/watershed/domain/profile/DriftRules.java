package dev.watershed.domain.profile;

import java.util.Map;
import java.util.Set;

/**
 * What one comparison applies besides the {@link DriftSettings}: usually read from the contract's field metadata.
 *
 * @param thresholds  per field (JSON Pointer), the distance threshold replacing the default Jensen-Shannon or
 *                    L-infinity one
 * @param skipped     fields left out entirely, such as identifiers, whose values change by design
 * @param recordCount whether the record count is compared (not for training against serving data, whose sizes
 *                    differ by nature)
 */
public record DriftRules(Map<String, Double> thresholds, Set<String> skipped, boolean recordCount) {

    public DriftRules {
        thresholds = Map.copyOf(thresholds);
        skipped = Set.copyOf(skipped);
    }

    /** No per-field thresholds, nothing skipped, record counts compared. */
    public static DriftRules none() {
        return new DriftRules(Map.of(), Set.of(), true);
    }
}
