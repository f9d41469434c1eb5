package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Follows {@code $ref}s that point into the same document ({@code #}, {@code #/$defs/x}, {@code #/definitions/x},
 * any {@code #/...} pointer). References to other documents are left as they are: the differ compares them by
 * their text because it has no way to fetch them.
 */
final class LocalReferenceResolver {

    private final JsonNode root;

    LocalReferenceResolver(JsonNode root) {
        this.root = root;
    }

    /**
     * The schema a node stands for. A chain of references is followed to its end; a chain that loops back on
     * itself without reaching a schema, or a pointer to nothing, yields the node itself so the caller treats it as
     * an unresolved reference.
     */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (isLocalReference(current)) {
            if (!seen.add(current)) {
                return node;
            }
            JsonNode target = target(current.get("$ref").asText());
            if (target == null) {
                return node;
            }
            current = target;
        }
        return current;
    }

    static boolean isReference(JsonNode node) {
        return node.isObject() && node.path("$ref").isTextual();
    }

    private static boolean isLocalReference(JsonNode node) {
        return isReference(node) && node.get("$ref").asText().startsWith("#");
    }

    private JsonNode target(String reference) {
        String pointer = reference.substring(1);
        if (pointer.isEmpty()) {
            return root;
        }
        try {
            JsonNode target = root.at(JsonPointer.compile(pointer));
            return target.isMissingNode() ? null : target;
        } catch (IllegalArgumentException notAPointer) {
            // "#anchor" style references name an $anchor, which the differ does not index.
            return null;
        }
    }
}
