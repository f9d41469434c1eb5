package dev.watershed.domain.contract;

/**
 * What a contract says about one field beyond its type.
 *
 * @param pii              holds personal data
 * @param servingAvailable the value exists at prediction time (not only in hindsight); defaults to true
 * @param role             the part it plays for ML consumers, or {@code null} when not stated
 * @param driftThreshold   largest distance (Jensen-Shannon for numbers, L-infinity for categories, 0 < t <= 1)
 *                         between a batch and its baseline before drift is reported; {@code null} for the default
 * @param skewThreshold    the same between training and serving data; {@code null} for the default
 */
public record FieldMetadata(
        String description,
        boolean pii,
        boolean servingAvailable,
        FieldRole role,
        Double driftThreshold,
        Double skewThreshold) {

    /** Metadata that states nothing: every field's default. */
    public static FieldMetadata defaults() {
        return new FieldMetadata(null, false, true, null, null, null);
    }
}
