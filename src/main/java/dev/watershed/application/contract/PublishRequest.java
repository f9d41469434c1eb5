package dev.watershed.application.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.SchemaFormat;
import java.util.Map;

/**
 * A new contract version as a producer submits it.
 *
 * @param schema         a JSON value, or a string holding the schema text
 * @param version        the version asked for, or {@code null} to let the registry derive it
 * @param fields         the field metadata, replacing the latest version's (even when empty); {@code null} carries
 *                       the latest version's metadata forward for the fields the new schema still has
 * @param breakingChange the acknowledgement of an intended breaking change, or {@code null}
 */
public record PublishRequest(
        SchemaFormat format,
        JsonNode schema,
        String version,
        String changelog,
        Map<String, FieldMetadata> fields,
        BreakingChange breakingChange) {

    public PublishRequest(
            SchemaFormat format, JsonNode schema, String version, String changelog, Map<String, FieldMetadata> fields) {
        this(format, schema, version, changelog, fields, null);
    }
}
