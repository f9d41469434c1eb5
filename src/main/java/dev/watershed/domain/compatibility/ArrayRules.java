package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Array keywords. Both tuple spellings are read the same way: 2020-12 {@code prefixItems} + {@code items}, and
 * draft-04/07 {@code items: [...]} + {@code additionalItems}; a single {@code items} schema applies to every
 * element.
 */
final class ArrayRules {

    private ArrayRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        compareItems(comparison, oldSchema, newSchema, path, depth);
        Bound.compareCounts(comparison, path, oldSchema, newSchema, Bound.Counts.ITEMS);
        boolean oldUnique = oldSchema.path("uniqueItems").asBoolean(false);
        boolean newUnique = newSchema.path("uniqueItems").asBoolean(false);
        if (newUnique && !oldUnique) {
            comparison.report(
                    DifferenceKind.UNIQUE_ITEMS_ADDED, path, "now requires unique elements", Breakage.BACKWARD);
        } else if (oldUnique && !newUnique) {
            comparison.report(
                    DifferenceKind.UNIQUE_ITEMS_REMOVED, path, "no longer requires unique elements", Breakage.FORWARD);
        }
        compareContains(comparison, oldSchema, newSchema, path, depth);
    }

    /**
     * {@code contains} asks that some elements match a schema, between {@code minContains} (1 by default) and
     * {@code maxContains} of them. A wider {@code contains} schema lets more arrays through, as any wider schema
     * does, so its subschemas compare in the same direction as the array's.
     */
    private static void compareContains(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        boolean oldContains = constrains(oldSchema);
        boolean newContains = constrains(newSchema);
        if (!oldContains && !newContains) {
            return;
        }
        if (!oldContains || !newContains) {
            comparison.report(
                    newContains ? DifferenceKind.CONTAINS_ADDED : DifferenceKind.CONTAINS_REMOVED,
                    path,
                    newContains
                            ? "now must contain " + containsCount(newSchema) + " matching "
                                    + JsonSchemaComparison.brief(newSchema.get("contains"))
                            : "no longer must contain " + containsCount(oldSchema) + " matching "
                                    + JsonSchemaComparison.brief(oldSchema.get("contains")),
                    newContains ? Breakage.BACKWARD : Breakage.FORWARD);
            return;
        }
        comparison.compareWithin(
                "in `contains`",
                oldSchema.get("contains"),
                newSchema.get("contains"),
                DataPath.element(path),
                depth + 1);
        Bound.compareLower(
                comparison,
                path,
                "minContains",
                minContains(oldSchema),
                minContains(newSchema),
                DifferenceKind.MIN_CONTAINS_INCREASED,
                DifferenceKind.MIN_CONTAINS_DECREASED);
        Bound.compareUpper(
                comparison,
                path,
                "maxContains",
                Bound.inclusive(BoundRules.number(oldSchema.get("maxContains"))),
                Bound.inclusive(BoundRules.number(newSchema.get("maxContains"))),
                DifferenceKind.MAX_CONTAINS_INCREASED,
                DifferenceKind.MAX_CONTAINS_DECREASED);
    }

    /** {@code contains} with {@code minContains: 0} and no maximum asks nothing of the array. */
    private static boolean constrains(ObjectNode schema) {
        return schema.has("contains")
                && (minContains(schema).compareAsLower(Bound.inclusive(BigDecimal.ZERO)) > 0
                        || schema.has("maxContains"));
    }

    private static Bound minContains(ObjectNode schema) {
        BigDecimal declared = BoundRules.number(schema.get("minContains"));
        return Bound.inclusive(declared == null ? BigDecimal.ONE : declared);
    }

    private static String containsCount(ObjectNode schema) {
        String least = minContains(schema).toString();
        BigDecimal most = BoundRules.number(schema.get("maxContains"));
        if (most == null) {
            return "at least " + least + " element(s)";
        }
        return "between " + least + " and " + most.stripTrailingZeros().toPlainString() + " element(s)";
    }

    private static void compareItems(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        List<JsonNode> oldPrefix = prefix(oldSchema);
        List<JsonNode> newPrefix = prefix(newSchema);
        JsonNode oldRest = rest(oldSchema);
        JsonNode newRest = rest(newSchema);
        int positions = Math.max(oldPrefix.size(), newPrefix.size());
        for (int position = 0; position < positions; position++) {
            JsonNode before = position < oldPrefix.size() ? oldPrefix.get(position) : oldRest;
            JsonNode after = position < newPrefix.size() ? newPrefix.get(position) : newRest;
            String positionPath = DataPath.child(path, Integer.toString(position));
            if (position < oldPrefix.size() && position < newPrefix.size()) {
                comparison.compare(before, after, positionPath, depth + 1);
            } else {
                reportPosition(comparison, before, after, position < newPrefix.size(), positionPath, depth);
            }
        }
        if (oldSchema.has("items")
                || newSchema.has("items")
                || oldSchema.has("additionalItems")
                || newSchema.has("additionalItems")
                || !oldPrefix.isEmpty()
                || !newPrefix.isEmpty()) {
            comparison.compare(oldRest, newRest, DataPath.element(path), depth + 1);
        }
    }

    /**
     * A position one side declares and the other leaves to its rest schema: one difference for it. Like a property
     * in an object, a position that appears in or disappears from an open rest (no {@code items} /
     * {@code additionalItems}, or {@code true}) does not break in lenient mode; otherwise the position compares
     * with the rest schema that covered it, or covers it now.
     */
    private static void reportPosition(
            JsonSchemaComparison comparison,
            JsonNode before,
            JsonNode after,
            boolean added,
            String positionPath,
            int depth) {
        JsonNode rest = added ? before : after;
        if (!comparison.strict() && ObjectRules.acceptsAll(rest)) {
            comparison.report(
                    DifferenceKind.ITEMS_CHANGED,
                    positionPath,
                    added
                            ? "was added as a tuple position where any element was allowed (lenient mode: an open rest"
                                    + " is not treated as carrying it before)"
                            : "was removed as a tuple position, leaving it to an open rest (lenient mode: an open"
                                    + " rest is not treated as rejecting it)",
                    Breakage.NONE);
            return;
        }
        Breakage breakage = comparison.probe(before, after, positionPath, depth + 1);
        String change = added ? "was added as a tuple position" : "was removed as a tuple position";
        comparison.report(DifferenceKind.ITEMS_CHANGED, positionPath, change, breakage);
    }

    private static List<JsonNode> prefix(ObjectNode schema) {
        JsonNode tuple = schema.has("prefixItems") ? schema.get("prefixItems") : schema.get("items");
        List<JsonNode> prefix = new ArrayList<>();
        if (tuple != null && tuple.isArray()) {
            tuple.forEach(prefix::add);
        }
        return prefix;
    }

    private static JsonNode rest(ObjectNode schema) {
        JsonNode items = schema.get("items");
        JsonNode rest;
        if (schema.has("prefixItems")) {
            rest = items;
        } else if (items != null && items.isArray()) {
            rest = schema.get("additionalItems");
        } else {
            rest = items;
        }
        return rest == null ? BooleanNode.TRUE : rest;
    }
}
