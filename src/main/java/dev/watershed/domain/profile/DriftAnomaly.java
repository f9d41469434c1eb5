package dev.watershed.domain.profile;

/**
 * One change beyond its threshold.
 *
 * @param field     JSON Pointer of the field; {@code ""} (the whole record) for a record-count change
 * @param metric    what {@code value} measures: {@code jensen_shannon}, {@code l_infinity}, {@code null_rate_change},
 *                  {@code share}, {@code record_count_change} or {@code presence}
 * @param value     the measured value
 * @param threshold the limit it went beyond
 * @param detail    a sentence naming the field and the numbers, for people
 */
public record DriftAnomaly(
        String field, AnomalyType type, String metric, double value, double threshold, String detail) {

    /** How far beyond its threshold, for ranking anomalies of different metrics: 1 is at the threshold. */
    public double severity() {
        return threshold > 0 ? value / threshold : value;
    }
}
