package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * String constraints. Lengths compare as bounds. Two different regular expressions cannot in general be proved to
 * accept the same strings, so any changed {@code pattern} is taken to break both ways; {@code format} is treated
 * as asserted, as registries that validate do.
 */
final class StringRules {

    private StringRules() {}

    static void compare(JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        Bound.compareLower(
                comparison,
                path,
                "minLength",
                Bound.inclusive(BoundRules.number(oldSchema.get("minLength"))),
                Bound.inclusive(BoundRules.number(newSchema.get("minLength"))),
                DifferenceKind.MIN_LENGTH_INCREASED,
                DifferenceKind.MIN_LENGTH_DECREASED);
        Bound.compareUpper(
                comparison,
                path,
                "maxLength",
                Bound.inclusive(BoundRules.number(oldSchema.get("maxLength"))),
                Bound.inclusive(BoundRules.number(newSchema.get("maxLength"))),
                DifferenceKind.MAX_LENGTH_INCREASED,
                DifferenceKind.MAX_LENGTH_DECREASED);
        compareAssertion(
                comparison,
                path,
                "pattern",
                oldSchema.get("pattern"),
                newSchema.get("pattern"),
                DifferenceKind.PATTERN_ADDED,
                DifferenceKind.PATTERN_REMOVED,
                DifferenceKind.PATTERN_CHANGED);
        compareAssertion(
                comparison,
                path,
                "format",
                oldSchema.get("format"),
                newSchema.get("format"),
                DifferenceKind.FORMAT_ADDED,
                DifferenceKind.FORMAT_REMOVED,
                DifferenceKind.FORMAT_CHANGED);
    }

    private static void compareAssertion(
            JsonSchemaComparison comparison,
            String path,
            String keyword,
            JsonNode oldValue,
            JsonNode newValue,
            DifferenceKind added,
            DifferenceKind removed,
            DifferenceKind changed) {
        if (Objects.equals(oldValue, newValue)) {
            return;
        }
        if (oldValue == null) {
            comparison.report(
                    added, path, "now requires " + keyword + " `" + newValue.asText() + "`", Breakage.BACKWARD);
        } else if (newValue == null) {
            comparison.report(
                    removed, path, "no longer requires " + keyword + " `" + oldValue.asText() + "`", Breakage.FORWARD);
        } else {
            comparison.report(
                    changed,
                    path,
                    "changed its " + keyword + " from `" + oldValue.asText() + "` to `" + newValue.asText() + "`",
                    Breakage.BOTH);
        }
    }
}
