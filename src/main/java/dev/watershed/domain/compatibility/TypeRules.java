package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code type} keyword, as a set of JSON types in which {@code integer} lies within {@code number}. */
final class TypeRules {

    private static final List<String> ALL_TYPES = List.of("null", "boolean", "object", "array", "number", "string");

    private TypeRules() {}

    /**
     * Reports a type change.
     *
     * @return whether the other keywords are still worth comparing: not when the types no longer overlap at all,
     *     since their keywords then constrain values neither side can share
     */
    static boolean compare(JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        Set<String> oldTypes = types(oldSchema.get("type"));
        Set<String> newTypes = types(newSchema.get("type"));
        boolean newAcceptsOld = covers(newTypes, oldTypes);
        boolean oldAcceptsNew = covers(oldTypes, newTypes);
        if (newAcceptsOld && oldAcceptsNew) {
            return true;
        }
        String change = "changed type from " + render(oldTypes) + " to " + render(newTypes);
        if (newAcceptsOld) {
            comparison.report(DifferenceKind.TYPE_WIDENED, path, change, Breakage.FORWARD);
            return true;
        }
        if (oldAcceptsNew) {
            comparison.report(DifferenceKind.TYPE_NARROWED, path, change, Breakage.BACKWARD);
            return true;
        }
        comparison.report(DifferenceKind.TYPE_CHANGED, path, change, Breakage.BOTH);
        return overlap(oldTypes, newTypes);
    }

    /** {@code null} means the keyword is absent: every type. */
    private static Set<String> types(JsonNode type) {
        if (type == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(element -> types.add(element.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean covers(Set<String> wider, Set<String> narrower) {
        if (wider == null) {
            return true;
        }
        Iterable<String> needed = narrower == null ? ALL_TYPES : narrower;
        for (String type : needed) {
            boolean covered = wider.contains(type) || ("integer".equals(type) && wider.contains("number"));
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlap(Set<String> oldTypes, Set<String> newTypes) {
        for (String type : oldTypes) {
            if (newTypes.contains(type) || covers(newTypes, Set.of(type)) || covers(Set.of(type), newTypes)) {
                return true;
            }
        }
        return false;
    }

    private static String render(Set<String> types) {
        if (types == null) {
            return "any type";
        }
        return types.size() == 1 ? types.iterator().next() : String.join(" or ", types);
    }
}
