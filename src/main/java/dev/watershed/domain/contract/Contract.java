package dev.watershed.domain.contract;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published version of an asset's contract.
 *
 * @param schemaText the schema document as stored and served
 * @param fields     metadata keyed by field path (JSON Pointer into the data)
 * @param createdBy    who published it (team/token name)
 * @param rolledBackTo the older version whose schema and field metadata this version republished, or {@code null}
 *                     when it was published as a new schema
 * @param dialect      the JSON Schema dialect URI the schema was read as when published ({@link ParsedSchema#dialect()}),
 *                     kept so that a later change of the fallback dialect does not change how it validates;
 *                     {@code null} for Avro
 */
public record Contract(
        String asset,
        SemanticVersion version,
        SchemaFormat format,
        ContractStatus status,
        String fingerprint,
        String schemaText,
        String changelog,
        Map<String, FieldMetadata> fields,
        Instant createdAt,
        String createdBy,
        SemanticVersion rolledBackTo,
        String dialect) {

    public Contract {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** A version published as a new schema, not by a rollback. */
    public Contract(
            String asset,
            SemanticVersion version,
            SchemaFormat format,
            ContractStatus status,
            String fingerprint,
            String schemaText,
            String changelog,
            Map<String, FieldMetadata> fields,
            Instant createdAt,
            String createdBy,
            String dialect) {
        this(
                asset,
                version,
                format,
                status,
                fingerprint,
                schemaText,
                changelog,
                fields,
                createdAt,
                createdBy,
                null,
                dialect);
    }

    public Contract withStatus(ContractStatus newStatus) {
        return new Contract(
                asset,
                version,
                format,
                newStatus,
                fingerprint,
                schemaText,
                changelog,
                fields,
                createdAt,
                createdBy,
                rolledBackTo,
                dialect);
    }
}
