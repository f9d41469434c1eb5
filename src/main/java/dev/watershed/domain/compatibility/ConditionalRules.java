package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * {@code if}/{@code then}/{@code else}: values that match {@code if} must match {@code then}, the others
 * {@code else}; a missing branch accepts everything, and an {@code if} without branches asks nothing. Under the same
 * condition each branch compares like any subschema, in the same direction. A changed condition moves values from
 * one branch to the other, which no comparison of the branches can account for, so it is taken to break both ways.
 */
final class ConditionalRules {

    private ConditionalRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        boolean oldConditional = conditional(oldSchema);
        boolean newConditional = conditional(newSchema);
        if (!oldConditional && !newConditional) {
            return;
        }
        if (!oldConditional || !newConditional) {
            ObjectNode present = newConditional ? newSchema : oldSchema;
            comparison.report(
                    newConditional ? DifferenceKind.CONDITION_ADDED : DifferenceKind.CONDITION_REMOVED,
                    path,
                    (newConditional ? "now must satisfy the condition " : "no longer must satisfy the condition ")
                            + describe(present),
                    newConditional ? Breakage.BACKWARD : Breakage.FORWARD);
            return;
        }
        if (!oldSchema.get("if").equals(newSchema.get("if"))) {
            comparison.report(
                    DifferenceKind.CONDITION_CHANGED,
                    path,
                    "changed its condition from " + describe(oldSchema) + " to " + describe(newSchema),
                    Breakage.BOTH);
            return;
        }
        for (String keyword : new String[] {"then", "else"}) {
            comparison.compareWithin(
                    "in `" + keyword + "`",
                    withEnclosingTypes(branch(oldSchema, keyword), oldSchema, comparison::resolveOld),
                    withEnclosingTypes(branch(newSchema, keyword), newSchema, comparison::resolveNew),
                    path,
                    depth + 1);
        }
    }

    /**
     * A branch applies together with the schema around it, so where it leaves {@code type} out the value still has
     * the enclosing type; compared alone, {@code {"pattern": ..}} → {@code {"type": "string"}} would read as "any
     * type narrowed to string" although the property was a string all along. The enclosing types are copied into
     * the branch, property by property, before comparing.
     */
    private static JsonNode withEnclosingTypes(JsonNode branch, JsonNode enclosing, UnaryOperator<JsonNode> resolve) {
        JsonNode around = resolve.apply(enclosing);
        boolean acceptsAll = branch.isBoolean() && branch.booleanValue();
        if (!(branch.isObject() || acceptsAll) || !around.isObject()) {
            return branch;
        }
        ObjectNode typed = acceptsAll ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) branch).deepCopy();
        if (!typed.has("type") && around.has("type") && !typed.has("$ref")) {
            typed.set("type", around.get("type"));
        }
        JsonNode properties = typed.path("properties");
        JsonNode enclosingProperties = around.path("properties");
        if (properties.isObject() && enclosingProperties.isObject()) {
            ObjectNode withTypes = (ObjectNode) properties;
            for (String name : (Iterable<String>) properties::fieldNames) {
                JsonNode enclosingProperty = enclosingProperties.get(name);
                if (enclosingProperty != null) {
                    withTypes.set(name, withEnclosingTypes(properties.get(name), enclosingProperty, resolve));
                }
            }
        }
        return typed;
    }

    private static boolean conditional(ObjectNode schema) {
        return schema.has("if")
                && !(ObjectRules.acceptsAll(branch(schema, "then")) && ObjectRules.acceptsAll(branch(schema, "else")));
    }

    private static JsonNode branch(ObjectNode schema, String keyword) {
        JsonNode branch = schema.get(keyword);
        return branch == null ? BooleanNode.TRUE : branch;
    }

    private static String describe(ObjectNode schema) {
        StringBuilder text = new StringBuilder("if ").append(JsonSchemaComparison.brief(schema.get("if")));
        if (schema.has("then")) {
            text.append(" then ").append(JsonSchemaComparison.brief(schema.get("then")));
        }
        if (schema.has("else")) {
            text.append(" else ").append(JsonSchemaComparison.brief(schema.get("else")));
        }
        return "`" + text + "`";
    }
}
