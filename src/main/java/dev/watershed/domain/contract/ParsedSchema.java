package dev.watershed.domain.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A schema that parsed and passed its language's own checks, with the forms the registry compares.
 *
 * @param format        the schema language
 * @param document      the schema as a JSON tree (both languages are written in JSON)
 * @param avro          the parsed Avro schema, {@code null} for JSON Schema
 * @param dialect       the JSON Schema dialect URI in force ({@code $schema} or the default), {@code null} for Avro
 * @param canonicalForm JSON Schema: the document with sorted keys and no insignificant whitespace; Avro: Avro's
 *                      parsing canonical form
 * @param fingerprint   SHA-256 of the canonical form, in lowercase hex
 * @param identityForm  the form two schemas must share to be "the same schema": the canonical form for JSON Schema;
 *                      for Avro the sorted full document, because the parsing canonical form drops {@code doc} and
 *                      a documentation change must still become a new version rather than be lost
 */
public record ParsedSchema(
        SchemaFormat format,
        JsonNode document,
        Schema avro,
        String dialect,
        String canonicalForm,
        String fingerprint,
        String identityForm) {

    /** The document as compact JSON text, as it is stored and served. */
    public String text() {
        return document.toString();
    }

    /** What the difference engines compare: the Avro {@link Schema}, or the JSON Schema document. */
    public Object comparable() {
        return format == SchemaFormat.AVRO ? avro : document;
    }

    /** Every field the schema defines, as JSON Pointers into the data. */
    public List<SchemaField> fields() {
        return format == SchemaFormat.AVRO ? FieldPaths.fromAvro(avro) : FieldPaths.fromJsonSchema(document);
    }

    /**
     * This schema as written in {@code sameSchema}: a document with the same {@link SchemaParser#canonical} form,
     * whose members may come in another order. Everything else follows from the canonical form, so this is what
     * parsing {@code sameSchema} would give, and it is stored and served in the order its sender wrote it.
     */
    public ParsedSchema withDocument(JsonNode sameSchema) {
        return new ParsedSchema(format, sameSchema, avro, dialect, canonicalForm, fingerprint, identityForm);
    }

    /** Whether {@link #dialect()} is the schema's {@code $schema} or was chosen for it; {@code null} for Avro. */
    public DialectSource dialectSource() {
        return format == SchemaFormat.AVRO ? null : JsonSchemaDialects.sourceOf(document);
    }

    public boolean sameAs(ParsedSchema other) {
        return format == other.format && identityForm.equals(other.identityForm);
    }
}
