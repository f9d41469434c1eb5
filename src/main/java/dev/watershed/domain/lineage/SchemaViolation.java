package dev.watershed.domain.lineage;

import java.util.Objects;

/**
 * Where a dataset's observed schema (an OpenLineage {@code schema} facet) breaks its asset's contract.
 *
 * @param field    the contract field concerned, as a canonical JSON Pointer
 * @param expected what the contract says (a type, "required"); {@code null} when it says nothing (a field it does not
 *                 allow)
 * @param observed what the facet says; {@code null} when the field is missing from it
 * @param detail   one sentence saying what differs
 */
public record SchemaViolation(Kind kind, String field, String expected, String observed, String detail) {

    public enum Kind {
        /** The contract requires the field; the observed schema lacks it. */
        REQUIRED_FIELD_MISSING,
        /** Both have the field, with types that do not correspond. */
        TYPE_CHANGED,
        /** The observed schema has a field the contract's closed model does not allow. */
        FIELD_NOT_ALLOWED
    }

    public SchemaViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
