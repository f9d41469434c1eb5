package dev.watershed.application.contract;

import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.InvalidFieldPathException;
import dev.watershed.domain.contract.ParsedSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the field metadata a publish carries (roles, thresholds, serving availability): each key a field of the new
 * schema, in canonical JSON Pointer form, each threshold a distance in (0, 1].
 */
final class FieldMetadataChecks {

    private FieldMetadataChecks() {}

    /** @return the metadata keyed by canonical pointer; empty when none is given */
    static Map<String, FieldMetadata> checked(ParsedSchema schema, Map<String, FieldMetadata> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        Map<String, FieldMetadata> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, FieldMetadata> entry : given.entrySet()) {
            String pointer = "/fields/" + FieldPath.escape(entry.getKey());
            requireThreshold(entry.getValue().driftThreshold(), pointer + "/driftThreshold");
            requireThreshold(entry.getValue().skewThreshold(), pointer + "/skewThreshold");
            try {
                canonical.put(FieldPath.normalize(entry.getKey()), entry.getValue());
            } catch (InvalidFieldPathException e) {
                throw new InvalidInputException(pointer, e.detail());
            }
        }
        List<String> unknown = FieldPaths.unknownFields(schema.fields(), canonical.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "/fields/" + FieldPath.escape(unknown.get(0)),
                    "field metadata names"
                            + " fields the schema does not define: " + String.join(", ", unknown)
                            + "; use JSON Pointers (/customer/email) or dotted paths (customer.email) of schema fields");
        }
        return canonical;
    }

    /**
     * The latest version's metadata for the fields the new schema still has, for a publish that sends no
     * {@code fields}: producers describe a field once, not on every version.
     *
     * @param previous the latest version's metadata, keyed by canonical pointer
     */
    static Carried carried(ParsedSchema schema, Map<String, FieldMetadata> previous) {
        if (previous.isEmpty()) {
            // Nothing to carry, so no reason to list the new schema's fields (costly for a schema that fans out).
            return new Carried(Map.of(), List.of(), List.of());
        }
        List<String> dropped = FieldPaths.unknownFields(schema.fields(), previous.keySet());
        Map<String, FieldMetadata> kept = new LinkedHashMap<>();
        previous.forEach((path, metadata) -> {
            if (!dropped.contains(path)) {
                kept.put(path, metadata);
            }
        });
        return new Carried(kept, List.copyOf(kept.keySet()), List.copyOf(dropped));
    }

    /** Metadata carried forward, with the paths kept and those left behind because the schema lost them. */
    record Carried(Map<String, FieldMetadata> fields, List<String> carried, List<String> dropped) {}

    private static void requireThreshold(Double threshold, String pointer) {
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw new InvalidInputException(
                    pointer,
                    "a threshold is a distance between 0 (excluded) and 1, such as" + " 0.1; was " + threshold);
        }
    }
}
