package dev.watershed.application.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.compatibility.DifferenceKind;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.InvalidFieldPathException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a breaking-change acknowledgement as a REST body or a contract file gives it, with the pointer of whatever
 * is wrong ({@code /breakingChange/accepts/1}).
 */
public final class BreakingChangeReader {

    private BreakingChangeReader() {}

    /**
     * @param accepts          each a JSON Pointer ({@code "/plan"}) or an object {@code {"path": "/amount", "kind":
     *                         "TYPE_CHANGED"}} naming one kind of difference at that path; {@code null}: none
     * @param retireOldMajorBy an ISO date ({@code 2027-03-01}), or {@code null}
     */
    public static BreakingChange read(
            String version, List<JsonNode> accepts, String migration, String retireOldMajorBy) {
        List<BreakingChange.Acceptance> acceptances = new ArrayList<>();
        List<JsonNode> given = accepts == null ? List.of() : accepts;
        for (int i = 0; i < given.size(); i++) {
            acceptances.add(acceptance(given.get(i), "/breakingChange/accepts/" + i));
        }
        return new BreakingChange(version, acceptances, migration, date(retireOldMajorBy));
    }

    /** @param node the {@code breakingChange} object of a contract file; {@code null} or missing: none */
    public static BreakingChange read(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        List<JsonNode> accepts = new ArrayList<>();
        node.path("accepts").forEach(accepts::add);
        return read(textOf(node, "version"), accepts, textOf(node, "migration"), textOf(node, "retireOldMajorBy"));
    }

    private static String textOf(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static LocalDate date(String retireOldMajorBy) {
        if (retireOldMajorBy == null || retireOldMajorBy.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(retireOldMajorBy.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "/breakingChange/retireOldMajorBy",
                    "'" + retireOldMajorBy + "' is not an ISO date: use YYYY-MM-DD, e.g. 2027-03-01");
        }
    }

    private static BreakingChange.Acceptance acceptance(JsonNode entry, String pointer) {
        if (entry != null && entry.isTextual()) {
            return new BreakingChange.Acceptance(path(entry.asText(), pointer), null);
        }
        if (entry != null && entry.isObject() && entry.path("path").isTextual()) {
            DifferenceKind kind = null;
            if (entry.hasNonNull("kind")) {
                String name = entry.get("kind").asText();
                kind = Arrays.stream(DifferenceKind.values())
                        .filter(value -> value.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new InvalidInputException(
                                pointer + "/kind",
                                "'" + name + "' is not a difference kind; use one a verdict reports, e.g."
                                        + " TYPE_CHANGED or PROPERTY_REMOVED"));
            }
            return new BreakingChange.Acceptance(path(entry.get("path").asText(), pointer + "/path"), kind);
        }
        throw new InvalidInputException(
                pointer,
                "an accepted difference is a JSON Pointer such as \"/plan\", or {\"path\": \"/amount\", \"kind\":"
                        + " \"TYPE_CHANGED\"}");
    }

    /** Dotted paths and pointers name the same field, as in {@code fields}; blank is the schema's root. */
    private static String path(String text, String pointer) {
        if (text.isBlank()) {
            return "";
        }
        try {
            return FieldPath.normalize(text);
        } catch (InvalidFieldPathException e) {
            throw new InvalidInputException(pointer, e.detail());
        }
    }
}
