package dev.watershed.domain.profile;

/** What kind of change a {@link DriftAnomaly} reports. */
public enum AnomalyType {
    /** Jensen-Shannon divergence of a numeric field above its threshold. */
    NUMERIC_DISTRIBUTION_SHIFT,
    /** L-infinity distance of a categorical field's value shares above its threshold. */
    CATEGORY_MIX_SHIFT,
    /** Values holding at least the minimum share now that the baseline never had. */
    NEW_CATEGORY,
    /** Values that held at least the minimum share in the baseline and are gone. */
    VANISHED_CATEGORY,
    /** The share of null or missing values moved by more than its threshold. */
    NULL_RATE_CHANGE,
    /** The batch is much larger or smaller than the baseline's batches were on average. */
    RECORD_COUNT_CHANGE,
    /** A field the baseline had values for is absent from every record. */
    FIELD_VANISHED
}
