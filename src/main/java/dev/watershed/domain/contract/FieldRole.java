package dev.watershed.domain.contract;

/** The part a field plays for ML consumers; drives leakage and skew checks. */
public enum FieldRole {
    FEATURE,
    LABEL,
    ID,
    TIMESTAMP,
    METADATA
}
