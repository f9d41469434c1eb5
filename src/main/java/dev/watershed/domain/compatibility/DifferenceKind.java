package dev.watershed.domain.compatibility;

/**
 * The typed kinds of change the difference engines report. Whether a given occurrence breaks readers depends on
 * its context (open or closed content model, direction), so that verdict lives on {@link Difference}, not here.
 */
public enum DifferenceKind {
    // whole (sub)schema: a boolean schema, or a reference that cannot be followed
    SCHEMA_NARROWED,
    SCHEMA_WIDENED,
    REFERENCE_CHANGED,
    // types
    TYPE_CHANGED,
    TYPE_NARROWED,
    TYPE_WIDENED,
    // object properties
    PROPERTY_ADDED,
    PROPERTY_REMOVED,
    REQUIRED_ADDED,
    REQUIRED_REMOVED,
    ADDITIONAL_PROPERTIES_NARROWED,
    ADDITIONAL_PROPERTIES_WIDENED,
    UNEVALUATED_PROPERTIES_NARROWED,
    UNEVALUATED_PROPERTIES_WIDENED,
    DEPENDENT_REQUIRED_ADDED,
    DEPENDENT_REQUIRED_REMOVED,
    DEPENDENT_SCHEMA_ADDED,
    DEPENDENT_SCHEMA_REMOVED,
    MIN_PROPERTIES_INCREASED,
    MIN_PROPERTIES_DECREASED,
    MAX_PROPERTIES_INCREASED,
    MAX_PROPERTIES_DECREASED,
    PATTERN_PROPERTY_ADDED,
    PATTERN_PROPERTY_REMOVED,
    PROPERTY_NAMES_ADDED,
    PROPERTY_NAMES_REMOVED,
    // values
    ENUM_ADDED,
    ENUM_REMOVED,
    ENUM_VALUE_ADDED,
    ENUM_VALUE_REMOVED,
    CONST_CHANGED,
    // numbers
    MINIMUM_INCREASED,
    MINIMUM_DECREASED,
    MAXIMUM_INCREASED,
    MAXIMUM_DECREASED,
    MULTIPLE_OF_CHANGED,
    // strings
    MIN_LENGTH_INCREASED,
    MIN_LENGTH_DECREASED,
    MAX_LENGTH_INCREASED,
    MAX_LENGTH_DECREASED,
    PATTERN_ADDED,
    PATTERN_REMOVED,
    PATTERN_CHANGED,
    FORMAT_ADDED,
    FORMAT_REMOVED,
    FORMAT_CHANGED,
    CONTENT_ENCODING_ADDED,
    CONTENT_ENCODING_REMOVED,
    CONTENT_ENCODING_CHANGED,
    CONTENT_MEDIA_TYPE_ADDED,
    CONTENT_MEDIA_TYPE_REMOVED,
    CONTENT_MEDIA_TYPE_CHANGED,
    // arrays
    ITEMS_CHANGED,
    MIN_ITEMS_INCREASED,
    MIN_ITEMS_DECREASED,
    MAX_ITEMS_INCREASED,
    MAX_ITEMS_DECREASED,
    UNIQUE_ITEMS_ADDED,
    UNIQUE_ITEMS_REMOVED,
    CONTAINS_ADDED,
    CONTAINS_REMOVED,
    MIN_CONTAINS_INCREASED,
    MIN_CONTAINS_DECREASED,
    MAX_CONTAINS_INCREASED,
    MAX_CONTAINS_DECREASED,
    // composition
    COMPOSITION_ALTERNATIVE_ADDED,
    COMPOSITION_ALTERNATIVE_REMOVED,
    COMPOSITION_CHANGED,
    NOT_ADDED,
    NOT_REMOVED,
    CONDITION_ADDED,
    CONDITION_REMOVED,
    CONDITION_CHANGED,
    // Avro
    FIELD_ADDED_WITH_DEFAULT,
    FIELD_ADDED_WITHOUT_DEFAULT,
    FIELD_REMOVED,
    FIELD_RENAMED,
    DEFAULT_ADDED,
    DEFAULT_REMOVED,
    DEFAULT_CHANGED,
    SYMBOL_ADDED,
    SYMBOL_REMOVED,
    FIXED_SIZE_CHANGED,
    NAME_CHANGED,
    ALIASES_CHANGED,
    LOGICAL_TYPE_CHANGED,
    UNION_BRANCH_ADDED,
    UNION_BRANCH_REMOVED,
    // documentation only
    DOCUMENTATION_CHANGED(true);

    private final boolean documentationOnly;

    DifferenceKind() {
        this(false);
    }

    DifferenceKind(boolean documentationOnly) {
        this.documentationOnly = documentationOnly;
    }

    /** A change that tells readers more but changes no instance's validity: a PATCH at most. */
    public boolean documentationOnly() {
        return documentationOnly;
    }
}
