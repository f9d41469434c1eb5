package dev.watershed.application.dependency;

import dev.watershed.application.contract.SchemaCache;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.InvalidFieldPathException;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaField;
import dev.watershed.domain.contract.SchemaFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the fields a dependency draft names against the producer's contract: the fields read, the split key and
 * the target fields, each a known field of the contract version the dependency resolves to, with the pointer of the
 * first that is not. A {@code null} contract is a producer that has published none yet (a lineage-only dependency):
 * then only the form of each path is checked, as there are no fields to check it against.
 */
final class ProducerFieldsChecker {

    private static final int MAX_FIELDS = 1_000;
    private static final int MAX_SPLIT_KEY = 500;

    private final SchemaCache schemas;

    ProducerFieldsChecker(SchemaCache schemas) {
        this.schemas = schemas;
    }

    List<String> checkedFields(List<String> requested, Contract contract) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.size() > MAX_FIELDS) {
            throw new InvalidInputException("/fields", "at most " + MAX_FIELDS + " fields per dependency");
        }
        List<String> canonical = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            canonical.add(normalized(requested.get(i), "/fields/" + i));
        }
        if (contract == null) {
            return canonical.stream().distinct().toList();
        }
        List<String> unknown = FieldPaths.unknownFields(fieldsOf(contract), canonical);
        if (!unknown.isEmpty()) {
            int first = canonical.indexOf(unknown.get(0));
            throw new InvalidDependencyException(
                    "UNKNOWN_FIELDS",
                    "/fields/" + first,
                    "version "
                            + contract.version() + " of '" + contract.asset() + "' has no field "
                            + String.join(", ", unknown)
                            + ": list its fields with GET /api/v1/assets/" + contract.asset() + "/contracts/"
                            + contract.version(),
                    Map.of("unknownFields", unknown));
        }
        return canonical.stream().distinct().toList();
    }

    /**
     * A split key that starts with '/' names a field of the producer and must exist. Otherwise it is free text,
     * unless it is the dotted path of a field ({@code patient_id}, {@code customer.id}), which is stored as that
     * field's pointer so that tools can tell a field from a description. Without a contract there is no telling
     * a dotted path from a description, so only a pointer is taken as a field.
     */
    String checkedSplitKey(String splitKey, Contract contract) {
        if (splitKey == null || splitKey.isBlank()) {
            return null;
        }
        String key = splitKey.strip();
        if (key.length() > MAX_SPLIT_KEY) {
            throw new InvalidInputException("/splitKey", "splitKey is longer than " + MAX_SPLIT_KEY + " characters");
        }
        if (key.startsWith("/")) {
            String pointer = normalized(key, "/splitKey");
            if (contract != null
                    && !FieldPaths.unknownFields(fieldsOf(contract), List.of(pointer))
                            .isEmpty()) {
                throw new InvalidDependencyException(
                        "UNKNOWN_FIELDS",
                        "/splitKey",
                        "splitKey " + pointer
                                + " is not a field of version " + contract.version() + " of '" + contract.asset() + "':"
                                + " name one of its fields, or describe the split in words (without a leading '/')",
                        Map.of("unknownFields", List.of(pointer)));
            }
            return pointer;
        }
        if (contract == null) {
            return key;
        }
        try {
            String pointer = FieldPath.normalize(key);
            if (FieldPaths.unknownFields(fieldsOf(contract), List.of(pointer)).isEmpty()) {
                return pointer;
            }
        } catch (RuntimeException e) {
            // Not a path at all: a description of the split.
        }
        return key;
    }

    /**
     * Targets must be among the fields read when those are named (inside one of them, {@link FieldPath#isPrefixOf}),
     * and in the contract either way.
     */
    List<String> checkedTargets(List<String> requested, List<String> fields, Contract contract) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.size() > MAX_FIELDS) {
            throw new InvalidInputException("/targetFields", "at most " + MAX_FIELDS + " target fields");
        }
        List<String> targets = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String target = normalized(requested.get(i), "/targetFields/" + i);
            if (!fields.isEmpty() && fields.stream().noneMatch(f -> FieldPath.isPrefixOf(f, target))) {
                throw new InvalidDependencyException(
                        "TARGET_FIELD_NOT_READ",
                        "/targetFields/" + i,
                        "target field "
                                + target + " is not among the fields this dependency reads ("
                                + String.join(", ", fields)
                                + "): add it to fields too",
                        Map.of());
            }
            targets.add(target);
        }
        if (contract == null) {
            return targets;
        }
        List<String> unknown = FieldPaths.unknownFields(fieldsOf(contract), targets);
        if (!unknown.isEmpty()) {
            throw new InvalidDependencyException(
                    "UNKNOWN_FIELDS",
                    "/targetFields/" + targets.indexOf(unknown.get(0)),
                    "version " + contract.version() + " of '" + contract.asset() + "' has no field "
                            + String.join(", ", unknown),
                    Map.of("unknownFields", unknown));
        }
        return targets;
    }

    static String normalized(String field, String pointer) {
        try {
            return FieldPath.normalize(field);
        } catch (InvalidFieldPathException e) {
            throw new InvalidDependencyException("INVALID_FIELD_PATH", pointer, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            throw new InvalidDependencyException(
                    "INVALID_FIELD_PATH",
                    pointer,
                    "field '" + field + "' is not a JSON Pointer or dotted path",
                    Map.of());
        }
    }

    private List<SchemaField> fieldsOf(Contract contract) {
        ParsedSchema schema = schemas.schemaOf(contract);
        return contract.format() == SchemaFormat.AVRO
                ? FieldPaths.fromAvro(schema.avro())
                : FieldPaths.fromJsonSchema(schema.document());
    }
}
