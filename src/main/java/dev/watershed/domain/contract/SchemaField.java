package dev.watershed.domain.contract;

import java.util.Objects;

/**
 * One field a schema defines.
 *
 * @param path        canonical JSON Pointer into the data, {@code *} standing for any array index or map key
 *                    (e.g. {@code /lines/*}{@code /price})
 * @param type        a short description of the type: {@code string}, {@code integer}, {@code array<object>},
 *                    {@code ["null","string"]}, a record's full name for Avro
 * @param required    whether the field must be present within its parent (JSON Schema {@code required}) or, for
 *                    Avro, whether its value can never be null
 * @param description the schema's {@code description} (JSON Schema) or {@code doc} (Avro); {@code null} when absent
 */
public record SchemaField(String path, String type, boolean required, String description) {

    public SchemaField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}
