package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.schema.JsonSchemaCompiler;
import dev.watershed.domain.schema.RefNotAllowedException;
import dev.watershed.domain.schema.RemoteRefPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates records against a JSON Schema (draft-04, -06, -07, 2019-09 or 2020-12, chosen by {@code $schema}; when
 * absent, the dialect the contract was read as, see {@code JsonSchemaDialects}). The schema is compiled once in the constructor, every {@code $ref} resolved then, so a
 * broken or refused reference fails at registration and not on the first record. References are resolved through
 * {@link RemoteRefPolicy} only, and validation runs within a {@link ComputeBudget}.
 */
public final class JsonSchemaRecordValidator implements RecordValidator {

    private final Schema schema;

    /**
     * Compiles a schema with {@link ValidationOptions#defaults()}.
     *
     * @throws InvalidContractSchemaException if the schema cannot be compiled
     */
    public JsonSchemaRecordValidator(JsonNode schemaNode) {
        this(schemaNode, ValidationOptions.defaults());
    }

    /**
     * Compiles a schema that names its dialect, or is read as 2020-12.
     *
     * @throws InvalidContractSchemaException if the schema cannot be compiled or uses an unsupported pattern
     * @throws RefNotAllowedException         if it refers to anything but a standard meta-schema or a remote schema
     *                                        on an allowed host, with the pointer of the reference in the schema
     */
    public JsonSchemaRecordValidator(JsonNode schemaNode, ValidationOptions options) {
        this(schemaNode, options, SpecificationVersion.DRAFT_2020_12);
    }

    /**
     * Compiles a schema.
     *
     * @param dialect the dialect when the schema names none with {@code $schema}: the one it was read as when
     *                published ({@code ParsedSchema#dialect()}), so that a draft-07 tuple validates as a tuple
     * @throws InvalidContractSchemaException if the schema cannot be compiled or uses an unsupported pattern
     * @throws RefNotAllowedException         if it refers to anything but a standard meta-schema or a remote schema
     *                                        on an allowed host, with the pointer of the reference in the schema
     */
    public JsonSchemaRecordValidator(JsonNode schemaNode, ValidationOptions options, SpecificationVersion dialect) {
        Objects.requireNonNull(schemaNode, "schemaNode");
        this.schema = compile(schemaNode, options, Objects.requireNonNull(dialect, "dialect"));
    }

    private static Schema compile(JsonNode schemaNode, ValidationOptions options, SpecificationVersion dialect) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(options.formatAssertions())
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(Re2jRegularExpressionFactory.INSTANCE)
                .build();
        JsonSchemaCompiler compiler = new JsonSchemaCompiler(new RemoteRefPolicy(options.allowedRefHosts()), config);
        try {
            return compiler.compile(schemaNode, dialect);
        } catch (InvalidContractSchemaException | RefNotAllowedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidContractSchemaException("The JSON Schema cannot be compiled: " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        // An unsupported pattern is thrown by our regex factory from deep inside networknt: prefer its message.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidContractSchemaException) {
                return cause.getMessage();
            }
        }
        return JsonSchemaCompiler.reason(e);
    }

    @Override
    public List<RecordError> validate(JsonNode record) {
        return validate(record, ComputeBudget.unlimited());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The budget is ticked at every reference followed, where a schema can multiply the work.
     */
    @Override
    public List<RecordError> validate(JsonNode record, ComputeBudget budget) {
        List<Error> errors;
        try {
            errors = JsonSchemaCompiler.validate(schema, record, budget);
        } catch (NumberFormatException e) {
            // A number beyond a double's range (1e999) is read as infinity, which the validator's BigDecimal
            // comparisons (enum, const, multipleOf) cannot take: the record is invalid, at that number. Looked for
            // only here, so that valid records pay nothing for it.
            return List.of(new RecordError(
                    nonFinite(record, "").orElse(""),
                    "type",
                    "a number beyond the range of a double (about ±1.8e308) cannot be checked against the schema"));
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        List<RecordError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            result.add(new RecordError(
                    error.getInstanceLocation().toString(),
                    error.getKeyword(),
                    FormatMessages.reworded(error.getMessage())));
        }
        return result;
    }

    /** The JSON Pointer of the first number that is not finite as a double, if any. */
    private static Optional<String> nonFinite(JsonNode node, String pointer) {
        if (node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(pointer);
        }
        if (node.isObject()) {
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                var found = nonFinite(field.getValue(), pointer + "/" + FieldPath.escape(field.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = nonFinite(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
