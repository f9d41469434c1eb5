package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keywords that constrain an object by the names of its members: {@code patternProperties} (a schema for every
 * member whose name matches a regular expression) and {@code propertyNames} (a schema every name must match).
 *
 * <p>Unlike a single property, a pattern covers names nobody has listed, so the lenient open-model rule does not
 * apply to it: a pattern added to an open model constrains values that were free and breaks BACKWARD, exactly as
 * the literal rule says. Two different regular expressions are never assumed to match the same names.
 */
final class PropertyNameRules {

    private PropertyNameRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        comparePatternProperties(comparison, oldSchema, newSchema, path, depth);
        comparePropertyNames(comparison, oldSchema, newSchema, path, depth);
    }

    private static void comparePatternProperties(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        JsonNode oldPatterns = oldSchema.path("patternProperties");
        JsonNode newPatterns = newSchema.path("patternProperties");
        if (!oldPatterns.isObject() && !newPatterns.isObject()) {
            return;
        }
        Set<String> patterns = new LinkedHashSet<>();
        oldPatterns.fieldNames().forEachRemaining(patterns::add);
        newPatterns.fieldNames().forEachRemaining(patterns::add);
        String valuesPath = DataPath.element(path);
        for (String pattern : patterns) {
            JsonNode before = oldPatterns.get(pattern);
            JsonNode after = newPatterns.get(pattern);
            String where = "for properties matching `" + pattern + "`";
            if (before != null && after != null) {
                comparison.compareWithin(where, before, after, valuesPath, depth + 1);
                continue;
            }
            boolean added = before == null;
            // Names the pattern matches fall back to (or came from) whatever applies to unmatched names.
            JsonNode other = ObjectRules.schemaForUnmatched(added ? oldSchema : newSchema);
            Breakage breakage = added
                    ? comparison.probe(other, after, valuesPath, depth + 1)
                    : comparison.probe(before, other, valuesPath, depth + 1);
            if (breakage.equals(Breakage.NONE)) {
                continue;
            }
            comparison.report(
                    added ? DifferenceKind.PATTERN_PROPERTY_ADDED : DifferenceKind.PATTERN_PROPERTY_REMOVED,
                    path,
                    (added ? "now constrains properties matching `" : "no longer constrains properties matching `")
                            + pattern + "` with " + JsonSchemaComparison.brief(added ? after : before)
                            + (added ? " (they were " : " (they are now ") + describe(other) + ")",
                    breakage);
        }
    }

    private static void comparePropertyNames(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        JsonNode before = oldSchema.get("propertyNames");
        JsonNode after = newSchema.get("propertyNames");
        if (before == null && after == null) {
            return;
        }
        if (before != null && after != null) {
            comparison.compareWithin("in `propertyNames`", before, after, path, depth + 1);
            return;
        }
        boolean added = before == null;
        Breakage breakage = added
                ? comparison.probe(BooleanNode.TRUE, after, path, depth + 1)
                : comparison.probe(before, BooleanNode.TRUE, path, depth + 1);
        if (breakage.equals(Breakage.NONE)) {
            return;
        }
        comparison.report(
                added ? DifferenceKind.PROPERTY_NAMES_ADDED : DifferenceKind.PROPERTY_NAMES_REMOVED,
                path,
                added
                        ? "now requires every property name to match " + JsonSchemaComparison.brief(after)
                        : "no longer requires property names to match " + JsonSchemaComparison.brief(before),
                breakage);
    }

    private static String describe(JsonNode schema) {
        if (ObjectRules.acceptsAll(schema)) {
            return "free";
        }
        if (JsonSchemaComparison.rejectsAll(schema)) {
            return "not allowed";
        }
        return "constrained by " + JsonSchemaComparison.brief(schema);
    }
}
