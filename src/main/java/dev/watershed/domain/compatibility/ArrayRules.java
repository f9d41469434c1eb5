package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        Bound.compareLower(
                comparison,
                path,
                "minItems",
                Bound.inclusive(BoundRules.number(oldSchema.get("minItems"))),
                Bound.inclusive(BoundRules.number(newSchema.get("minItems"))),
                DifferenceKind.MIN_ITEMS_INCREASED,
                DifferenceKind.MIN_ITEMS_DECREASED);
        Bound.compareUpper(
                comparison,
                path,
                "maxItems",
                Bound.inclusive(BoundRules.number(oldSchema.get("maxItems"))),
                Bound.inclusive(BoundRules.number(newSchema.get("maxItems"))),
                DifferenceKind.MAX_ITEMS_INCREASED,
                DifferenceKind.MAX_ITEMS_DECREASED);
        boolean oldUnique = oldSchema.path("uniqueItems").asBoolean(false);
        boolean newUnique = newSchema.path("uniqueItems").asBoolean(false);
        if (newUnique && !oldUnique) {
            comparison.report(
                    DifferenceKind.UNIQUE_ITEMS_ADDED, path, "now requires unique elements", Breakage.BACKWARD);
        } else if (oldUnique && !newUnique) {
            comparison.report(
                    DifferenceKind.UNIQUE_ITEMS_REMOVED, path, "no longer requires unique elements", Breakage.FORWARD);
        }
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
                // A position one side declares and the other leaves to its rest schema: one difference for it.
                Breakage breakage = comparison.probe(before, after, positionPath, depth + 1);
                String change = position < newPrefix.size()
                        ? "was added as a tuple position"
                        : "was removed as a tuple position";
                comparison.report(DifferenceKind.ITEMS_CHANGED, positionPath, change, breakage);
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
