package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * String constraints. Lengths compare as bounds. Two different regular expressions cannot in general be proved to
 * accept the same strings, so any changed {@code pattern} is taken to break both ways; {@code format} is treated
 * as asserted, as registries that validate do.
 */
final class StringRules {

    private StringRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        Bound.compareCounts(comparison, path, oldSchema, newSchema, Bound.Counts.LENGTH);
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
        compareContent(comparison, oldSchema, newSchema, path, depth);
    }

    /**
     * A string that carries encoded content: {@code contentEncoding} (base64...) and {@code contentMediaType} say how
     * consumers must decode it, and {@code contentSchema} what the decoded document holds. The specification makes
     * them annotations, but a consumer that decodes by them breaks as surely as one that parses a {@code format}, so
     * they are compared as asserted, like {@code format}.
     */
    private static void compareContent(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        compareAssertion(
                comparison,
                path,
                "contentEncoding",
                oldSchema.get("contentEncoding"),
                newSchema.get("contentEncoding"),
                DifferenceKind.CONTENT_ENCODING_ADDED,
                DifferenceKind.CONTENT_ENCODING_REMOVED,
                DifferenceKind.CONTENT_ENCODING_CHANGED);
        compareAssertion(
                comparison,
                path,
                "contentMediaType",
                oldSchema.get("contentMediaType"),
                newSchema.get("contentMediaType"),
                DifferenceKind.CONTENT_MEDIA_TYPE_ADDED,
                DifferenceKind.CONTENT_MEDIA_TYPE_REMOVED,
                DifferenceKind.CONTENT_MEDIA_TYPE_CHANGED);
        JsonNode oldContent = oldSchema.get("contentSchema");
        JsonNode newContent = newSchema.get("contentSchema");
        if (oldContent != null || newContent != null) {
            comparison.compareWithin(
                    "in the decoded content, `contentSchema`",
                    oldContent == null ? BooleanNode.TRUE : oldContent,
                    newContent == null ? BooleanNode.TRUE : newContent,
                    path,
                    depth + 1);
        }
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
