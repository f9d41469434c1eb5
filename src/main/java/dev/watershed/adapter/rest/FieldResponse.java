package dev.watershed.adapter.rest;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.contract.SchemaField;

/**
 * One field of a contract version: what the schema says of it, merged with the contract's metadata for it.
 *
 * @param description the metadata's description when given, else the schema's; {@code null} when neither has one
 * @param role        {@code null} when the contract does not state one
 * @param driftThreshold {@code null} when the contract does not state one (the configured default applies)
 * @param skewThreshold  {@code null} when the contract does not state one (the configured default applies)
 */
public record FieldResponse(
        String path,
        String type,
        boolean required,
        String description,
        boolean pii,
        boolean servingAvailable,
        FieldRole role,
        Double driftThreshold,
        Double skewThreshold) {

    static FieldResponse of(SchemaField field, FieldMetadata metadata) {
        if (metadata == null) {
            return new FieldResponse(
                    field.path(), field.type(), field.required(), field.description(), false, true, null, null, null);
        }
        String description = metadata.description() != null ? metadata.description() : field.description();
        return new FieldResponse(
                field.path(),
                field.type(),
                field.required(),
                description,
                metadata.pii(),
                metadata.servingAvailable(),
                metadata.role(),
                metadata.driftThreshold(),
                metadata.skewThreshold());
    }
}
