package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code enum} and {@code const}, compared as the set of values they allow ({@code const x} is {@code enum [x]}). */
final class ValueRules {

    private ValueRules() {}

    static void compare(JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        JsonNode oldConst = oldSchema.get("const");
        JsonNode newConst = newSchema.get("const");
        if (oldConst != null && newConst != null) {
            if (!oldConst.equals(newConst)) {
                comparison.report(
                        DifferenceKind.CONST_CHANGED,
                        path,
                        "changed its constant value from " + oldConst + " to " + newConst,
                        Breakage.BOTH);
            }
            return;
        }
        Set<JsonNode> oldValues = allowed(oldSchema);
        Set<JsonNode> newValues = allowed(newSchema);
        if (oldValues == null && newValues == null) {
            return;
        }
        if (oldValues == null) {
            comparison.report(DifferenceKind.ENUM_ADDED, path, "now only allows " + newValues, Breakage.BACKWARD);
            return;
        }
        if (newValues == null) {
            comparison.report(
                    DifferenceKind.ENUM_REMOVED, path, "no longer restricts values to " + oldValues, Breakage.FORWARD);
            return;
        }
        List<JsonNode> added = minus(newValues, oldValues);
        List<JsonNode> removed = minus(oldValues, newValues);
        if (!added.isEmpty()) {
            comparison.report(DifferenceKind.ENUM_VALUE_ADDED, path, "now also allows " + added, Breakage.FORWARD);
        }
        if (!removed.isEmpty()) {
            comparison.report(
                    DifferenceKind.ENUM_VALUE_REMOVED, path, "no longer allows " + removed, Breakage.BACKWARD);
        }
    }

    private static Set<JsonNode> allowed(ObjectNode schema) {
        if (schema.has("const")) {
            return Set.of(schema.get("const"));
        }
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        Set<JsonNode> allowed = new LinkedHashSet<>();
        values.forEach(allowed::add);
        return allowed;
    }

    private static List<JsonNode> minus(Set<JsonNode> from, Set<JsonNode> taken) {
        List<JsonNode> rest = new ArrayList<>();
        for (JsonNode value : from) {
            if (!taken.contains(value)) {
                rest.add(value);
            }
        }
        return rest;
    }
}
