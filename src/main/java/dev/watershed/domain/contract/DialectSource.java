package dev.watershed.domain.contract;

/** How the dialect a JSON Schema was read as was chosen (see {@link JsonSchemaDialects}). */
public enum DialectSource {
    /** The schema names it with {@code $schema}. */
    DECLARED,
    /** The schema names none; the registry chose it by the detection rule when the schema was published. */
    DETECTED
}
