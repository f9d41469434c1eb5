package dev.watershed.domain.health;

/** The stable code of each kind of finding; clients filter and suppress by it. */
public enum FindingCode {
    SERVING_UNAVAILABLE_FIELD,
    LABEL_AS_INPUT,
    LABEL_DERIVED_FEATURE,
    SPLIT_WITHOUT_KEY,
    NO_REPLICA,
    UNSTABLE_DEPENDENCY,
    UNUSED_ASSET,
    UNDECLARED_DEPENDENCY,
    FIELD_READ_NOT_DECLARED,
    DECLARED_FIELD_MISSING,
    STALE_DECLARATION
}
