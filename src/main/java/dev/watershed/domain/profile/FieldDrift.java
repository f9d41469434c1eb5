package dev.watershed.domain.profile;

import java.util.List;

/**
 * How one field compares between a baseline and a current profile.
 *
 * @param presence           whether the field is in both profiles or in one only
 * @param kind               which distance applies: {@code numeric} (Jensen-Shannon), {@code categorical}
 *                           (L-infinity; categorical strings, and booleans as the categories {@code true} and
 *                           {@code false}), or {@code other} (null rate only: objects, free text, skipped fields,
 *                           booleans of profiles stored without true and false counts)
 * @param distance           the Jensen-Shannon divergence or L-infinity distance; {@code null} for {@code other}
 * @param threshold          the distance threshold applied; {@code null} for {@code other}
 * @param baselineNullRate   share of null or missing values in the baseline; {@code null} when absent there
 * @param currentNullRate    the same in the current profile
 * @param newCategories      values holding at least the minimum share that the baseline never had
 * @param vanishedCategories values that held at least the minimum share in the baseline and are gone
 * @param anomalies          this field's anomalies
 */
public record FieldDrift(
        String field,
        Presence presence,
        String kind,
        Double distance,
        Double threshold,
        long baselineCount,
        long currentCount,
        Double baselineNullRate,
        Double currentNullRate,
        List<String> newCategories,
        List<String> vanishedCategories,
        List<DriftAnomaly> anomalies) {

    /** Where a field was seen. */
    public enum Presence {
        BOTH,
        ADDED,
        VANISHED
    }

    public FieldDrift {
        newCategories = List.copyOf(newCategories);
        vanishedCategories = List.copyOf(vanishedCategories);
        anomalies = List.copyOf(anomalies);
    }

    /** Whether any of the field's metrics went beyond its threshold. */
    public boolean drifted() {
        return !anomalies.isEmpty();
    }

    /** The largest anomaly severity, or the distance relative to its threshold when nothing drifted; 0 if none. */
    public double severity() {
        double worst =
                anomalies.stream().mapToDouble(DriftAnomaly::severity).max().orElse(0);
        if (distance != null && threshold != null && threshold > 0) {
            worst = Math.max(worst, distance / threshold);
        }
        return worst;
    }
}
