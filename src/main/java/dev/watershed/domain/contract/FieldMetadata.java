package dev.watershed.domain.contract;

/**
 * What a contract says about one field beyond its type.
 *
 * @param pii              holds personal data
 * @param servingAvailable the value exists at prediction time (not only in hindsight); defaults to true
 * @param role             the part it plays for ML consumers, or {@code null} when not stated
 */
public record FieldMetadata(String description, boolean pii, boolean servingAvailable, FieldRole role) {
}
