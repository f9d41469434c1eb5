package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** Keywords that annotate or name a schema without changing which instances are valid: never breaking, a PATCH. */
final class DocumentationRules {

    private static final List<String> KEYWORDS = List.of(
            "title",
            "description",
            "examples",
            "$comment",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly",
            // names the schema, not the data: references resolve against it, values do not change
            "$id");

    private DocumentationRules() {}

    static void compare(JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        for (String keyword : KEYWORDS) {
            if (!Objects.equals(oldSchema.get(keyword), newSchema.get(keyword))) {
                comparison.report(
                        DifferenceKind.DOCUMENTATION_CHANGED, path, "changed its `" + keyword + "`", Breakage.NONE);
            }
        }
    }
}
