package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        comparison.compareWithin("in `then`", branch(oldSchema, "then"), branch(newSchema, "then"), path, depth + 1);
        comparison.compareWithin("in `else`", branch(oldSchema, "else"), branch(newSchema, "else"), path, depth + 1);
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
