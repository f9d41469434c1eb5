package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Validates JSON records against an Avro schema. Records are expected in Avro's JSON encoding (unions wrapped as
 * {@code {"string": "x"}}); {@link AvroJsonMode#LENIENT} also accepts plain JSON union values. Reports wrong types,
 * missing fields without default, unknown enum symbols, wrong fixed sizes and fields the schema does not know, each
 * with its JSON Pointer. Immutable and thread-safe.
 */
public final class AvroRecordValidator implements RecordValidator {

    private final Schema schema;
    private final AvroJsonMode mode;

    /** A validator for Avro JSON encoding. */
    public AvroRecordValidator(Schema schema) {
        this(schema, AvroJsonMode.AVRO_JSON);
    }

    /** A validator for the given JSON flavour. */
    public AvroRecordValidator(Schema schema, AvroJsonMode mode) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Parses an Avro schema from its JSON text.
     *
     * @throws InvalidContractSchemaException with Avro's reason if the text is not a valid Avro schema
     */
    public static Schema parseSchema(String schemaJson) {
        try {
            return new Schema.Parser().parse(schemaJson);
        } catch (RuntimeException e) {
            throw new InvalidContractSchemaException("The Avro schema cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** The contract schema. */
    public Schema schema() {
        return schema;
    }

    @Override
    public List<RecordError> validate(JsonNode record) {
        // The walker keeps a path buffer, so each call gets its own: cheap, and keeps this class thread-safe.
        return new AvroJsonConformance(mode).check(schema, record);
    }

    /**
     * Checks a datum read with the contract as reader schema: a record, or a plain value for a primitive, array,
     * map or union contract. Schema resolution has already done the structural work, so this only catches values a
     * custom datum reader or hand-built record could still get wrong.
     *
     * @return an empty list when the datum conforms
     */
    public List<RecordError> validateDatum(Object datum) {
        if (GenericData.get().validate(schema, datum)) {
            return List.of();
        }
        return List.of(new RecordError("", "type", "record does not conform to " + schema.getFullName()));
    }
}
