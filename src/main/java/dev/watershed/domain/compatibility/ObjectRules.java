package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Object keywords: {@code properties} in the light of the content model ({@code patternProperties},
 * {@code additionalProperties}, {@code unevaluatedProperties}), {@code required}, and dependencies in both their
 * draft-04/07 ({@code dependencies}) and 2019-09+ ({@code dependentRequired}, {@code dependentSchemas}) spellings.
 */
final class ObjectRules {

    private ObjectRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        compareProperties(comparison, oldSchema, newSchema, path, depth);
        compareContentModel(
                comparison,
                oldSchema,
                newSchema,
                path,
                depth,
                "additionalProperties",
                DifferenceKind.ADDITIONAL_PROPERTIES_NARROWED,
                DifferenceKind.ADDITIONAL_PROPERTIES_WIDENED);
        compareContentModel(
                comparison,
                oldSchema,
                newSchema,
                path,
                depth,
                "unevaluatedProperties",
                DifferenceKind.UNEVALUATED_PROPERTIES_NARROWED,
                DifferenceKind.UNEVALUATED_PROPERTIES_WIDENED);
        PropertyNameRules.compare(comparison, oldSchema, newSchema, path, depth);
        Bound.compareCounts(comparison, path, oldSchema, newSchema, Bound.Counts.PROPERTIES);
        compareRequired(comparison, oldSchema, newSchema, path);
        compareDependentRequired(comparison, oldSchema, newSchema, path);
        compareDependentSchemas(comparison, oldSchema, newSchema, path, depth);
    }

    private static void compareProperties(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        JsonNode oldProperties = oldSchema.path("properties");
        JsonNode newProperties = newSchema.path("properties");
        if (!oldProperties.isObject() && !newProperties.isObject()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        oldProperties.fieldNames().forEachRemaining(names::add);
        newProperties.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode oldProperty = oldProperties.get(name);
            JsonNode newProperty = newProperties.get(name);
            String propertyPath = DataPath.child(path, name);
            if (oldProperty != null && newProperty != null) {
                comparison.compare(oldProperty, newProperty, propertyPath, depth + 1);
            } else if (newProperty != null) {
                reportAdded(comparison, oldSchema, name, newProperty, propertyPath, depth);
            } else {
                reportRemoved(comparison, newSchema, name, oldProperty, propertyPath, depth);
            }
        }
    }

    private static void reportAdded(
            JsonSchemaComparison comparison,
            ObjectNode oldSchema,
            String name,
            JsonNode newProperty,
            String propertyPath,
            int depth) {
        JsonNode before = schemaForUndeclared(oldSchema, name);
        if (acceptsAll(before) && !comparison.strict()) {
            comparison.report(
                    DifferenceKind.PROPERTY_ADDED,
                    propertyPath,
                    "was added to an open content model"
                            + " (lenient mode: an open model is not treated as carrying it before)",
                    Breakage.NONE);
            return;
        }
        Breakage breakage = comparison.probe(before, newProperty, propertyPath, depth + 1);
        comparison.report(
                DifferenceKind.PROPERTY_ADDED, propertyPath, "was added" + context(before, "previous"), breakage);
    }

    private static void reportRemoved(
            JsonSchemaComparison comparison,
            ObjectNode newSchema,
            String name,
            JsonNode oldProperty,
            String propertyPath,
            int depth) {
        JsonNode after = schemaForUndeclared(newSchema, name);
        if (acceptsAll(after) && !comparison.strict()) {
            comparison.report(
                    DifferenceKind.PROPERTY_REMOVED,
                    propertyPath,
                    "was removed from an open content"
                            + " model (lenient mode: an open model is not treated as rejecting it)",
                    Breakage.NONE);
            return;
        }
        Breakage breakage = comparison.probe(oldProperty, after, propertyPath, depth + 1);
        comparison.report(
                DifferenceKind.PROPERTY_REMOVED, propertyPath, "was removed" + context(after, "new"), breakage);
    }

    private static String context(JsonNode undeclared, String version) {
        if (JsonSchemaComparison.rejectsAll(undeclared)) {
            return " and the " + version + " schema allows no undeclared properties";
        }
        if (acceptsAll(undeclared)) {
            return "; the " + version + " schema's content model is open, which strict mode reads literally:"
                    + " any value was allowed under that name";
        }
        return " and the " + version + " schema constrains undeclared properties differently";
    }

    /**
     * The schema an object applies to a property it does not declare: a matching {@code patternProperties} entry,
     * else {@code additionalProperties}, else {@code unevaluatedProperties}, else anything.
     */
    static JsonNode schemaForUndeclared(ObjectNode schema, String name) {
        JsonNode patterns = schema.path("patternProperties");
        if (patterns.isObject()) {
            for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
                if (matches(entry.getKey(), name)) {
                    return entry.getValue();
                }
            }
        }
        return schemaForUnmatched(schema);
    }

    /** The schema an object applies to a property neither declared nor matched by {@code patternProperties}. */
    static JsonNode schemaForUnmatched(ObjectNode schema) {
        if (schema.has("additionalProperties")) {
            return schema.get("additionalProperties");
        }
        return schema.has("unevaluatedProperties") ? schema.get("unevaluatedProperties") : BooleanNode.TRUE;
    }

    private static boolean matches(String pattern, String name) {
        try {
            return Pattern.compile(pattern).matcher(name).find();
        } catch (PatternSyntaxException unusable) {
            return false;
        }
    }

    static boolean acceptsAll(JsonNode schema) {
        return schema == null
                || (schema.isBoolean() && schema.booleanValue())
                || (schema.isObject() && schema.isEmpty());
    }

    private static void compareContentModel(
            JsonSchemaComparison comparison,
            ObjectNode oldSchema,
            ObjectNode newSchema,
            String path,
            int depth,
            String keyword,
            DifferenceKind narrowed,
            DifferenceKind widened) {
        JsonNode oldModel = oldSchema.get(keyword);
        JsonNode newModel = newSchema.get(keyword);
        if (oldModel == null && newModel == null) {
            return;
        }
        String valuesPath = DataPath.element(path);
        if (oldModel != null && newModel != null && oldModel.isObject() && newModel.isObject()) {
            comparison.compare(oldModel, newModel, valuesPath, depth + 1);
            return;
        }
        JsonNode before = oldModel == null ? BooleanNode.TRUE : oldModel;
        JsonNode after = newModel == null ? BooleanNode.TRUE : newModel;
        Breakage breakage = comparison.probe(before, after, valuesPath, depth + 1);
        if (breakage.equals(Breakage.NONE)) {
            return;
        }
        comparison.report(
                breakage.backward() ? narrowed : widened,
                path,
                "changed `" + keyword + "` from " + before + " to " + after,
                breakage);
    }

    private static void compareRequired(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        Set<String> oldRequired = names(oldSchema.get("required"));
        Set<String> newRequired = names(newSchema.get("required"));
        for (String name : newRequired) {
            if (!oldRequired.contains(name)) {
                comparison.report(
                        DifferenceKind.REQUIRED_ADDED,
                        DataPath.child(path, name),
                        "is now required",
                        Breakage.BACKWARD);
            }
        }
        for (String name : oldRequired) {
            if (!newRequired.contains(name)) {
                comparison.report(
                        DifferenceKind.REQUIRED_REMOVED,
                        DataPath.child(path, name),
                        "is no longer required",
                        Breakage.FORWARD);
            }
        }
    }

    private static void compareDependentRequired(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        Map<String, Set<String>> oldDependencies = dependentRequired(oldSchema);
        Map<String, Set<String>> newDependencies = dependentRequired(newSchema);
        for (Map.Entry<String, Set<String>> entry : newDependencies.entrySet()) {
            Set<String> before = oldDependencies.getOrDefault(entry.getKey(), Set.of());
            for (String dependent : entry.getValue()) {
                if (!before.contains(dependent)) {
                    comparison.report(
                            DifferenceKind.DEPENDENT_REQUIRED_ADDED,
                            DataPath.child(path, entry.getKey()),
                            "now requires `" + dependent + "` whenever it is present",
                            Breakage.BACKWARD);
                }
            }
        }
        for (Map.Entry<String, Set<String>> entry : oldDependencies.entrySet()) {
            Set<String> after = newDependencies.getOrDefault(entry.getKey(), Set.of());
            for (String dependent : entry.getValue()) {
                if (!after.contains(dependent)) {
                    comparison.report(
                            DifferenceKind.DEPENDENT_REQUIRED_REMOVED,
                            DataPath.child(path, entry.getKey()),
                            "no longer requires `" + dependent + "` when it is present",
                            Breakage.FORWARD);
                }
            }
        }
    }

    private static void compareDependentSchemas(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        Map<String, JsonNode> oldDependencies = dependentSchemas(oldSchema);
        Map<String, JsonNode> newDependencies = dependentSchemas(newSchema);
        for (Map.Entry<String, JsonNode> entry : newDependencies.entrySet()) {
            JsonNode before = oldDependencies.get(entry.getKey());
            if (before != null) {
                // the dependent schema applies to the object itself, so it compares at the object's path
                comparison.compare(before, entry.getValue(), path, depth + 1);
            } else if (!acceptsAll(entry.getValue())) {
                comparison.report(
                        DifferenceKind.DEPENDENT_SCHEMA_ADDED,
                        DataPath.child(path, entry.getKey()),
                        "now constrains the object whenever it is present",
                        Breakage.BACKWARD);
            }
        }
        for (Map.Entry<String, JsonNode> entry : oldDependencies.entrySet()) {
            if (!newDependencies.containsKey(entry.getKey()) && !acceptsAll(entry.getValue())) {
                comparison.report(
                        DifferenceKind.DEPENDENT_SCHEMA_REMOVED,
                        DataPath.child(path, entry.getKey()),
                        "no longer constrains the object when it is present",
                        Breakage.FORWARD);
            }
        }
    }

    private static Map<String, Set<String>> dependentRequired(ObjectNode schema) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (String keyword : new String[] {"dependencies", "dependentRequired"}) {
            JsonNode node = schema.path(keyword);
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    if (entry.getValue().isArray()) {
                        dependencies
                                .computeIfAbsent(entry.getKey(), key -> new LinkedHashSet<>())
                                .addAll(names(entry.getValue()));
                    }
                }
            }
        }
        return dependencies;
    }

    private static Map<String, JsonNode> dependentSchemas(ObjectNode schema) {
        Map<String, JsonNode> dependencies = new LinkedHashMap<>();
        for (String keyword : new String[] {"dependencies", "dependentSchemas"}) {
            JsonNode node = schema.path(keyword);
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    if (entry.getValue().isObject() || entry.getValue().isBoolean()) {
                        dependencies.put(entry.getKey(), entry.getValue());
                    }
                }
            }
        }
        return dependencies;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> names.add(element.asText()));
        }
        return names;
    }
}
