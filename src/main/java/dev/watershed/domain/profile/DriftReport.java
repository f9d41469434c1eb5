package dev.watershed.domain.profile;

import java.util.List;

/**
 * The comparison of a current profile with a baseline.
 *
 * @param baselineRecords   records per batch in the baseline (its records over the batches merged into it)
 * @param currentRecords    records in the current profile
 * @param recordCountChange relative change of the record count, current over baseline minus 1; {@code null} when
 *                          record counts were not compared or the baseline had none
 * @param fields            per field, in path order
 * @param anomalies         every anomaly, worst first
 */
public record DriftReport(
        double baselineRecords,
        long currentRecords,
        Double recordCountChange,
        List<FieldDrift> fields,
        List<DriftAnomaly> anomalies) {

    public DriftReport {
        fields = List.copyOf(fields);
        anomalies = List.copyOf(anomalies);
    }

    /** Whether anything went beyond its threshold. */
    public boolean drifted() {
        return !anomalies.isEmpty();
    }
}
