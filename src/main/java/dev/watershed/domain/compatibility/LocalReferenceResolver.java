package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Follows {@code $ref}s that point into the same document: JSON Pointers ({@code #}, {@code #/$defs/x},
 * {@code #/definitions/x}), plain-name anchors ({@code #Address}, declared by a 2019-09+ {@code $anchor} or a
 * draft-06/07 {@code "$id": "#Address"}), and references whose base is the document's own {@code $id} or that of a
 * schema embedded in it ({@code customer.json#/$defs/x}, relative ones resolved against the root's {@code $id} as
 * the specification says). References to other documents are left as they are: the differ compares them by their
 * text because it has no way to fetch them.
 */
final class LocalReferenceResolver {

    private final JsonNode root;
    private final URI base;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<URI, JsonNode> resources = new HashMap<>();

    LocalReferenceResolver(JsonNode root) {
        this.root = root;
        this.base = uri(root.path("$id").asText(""));
        index();
    }

    /**
     * The schema a node stands for. A chain of references is followed to its end; a chain that loops back on
     * itself without reaching a schema, or a reference to nothing in the document, yields the node itself so the
     * caller treats it as an unresolved reference.
     */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (isReference(current)) {
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

    private JsonNode target(String reference) {
        int hash = reference.indexOf('#');
        String resource = hash < 0 ? reference : reference.substring(0, hash);
        String fragment = hash < 0 ? "" : reference.substring(hash + 1);
        JsonNode document = resource.isEmpty() ? root : resource(resource);
        if (document == null) {
            return null;
        }
        if (fragment.isEmpty()) {
            return document;
        }
        if (!fragment.startsWith("/")) {
            return document == root ? anchors.get(fragment) : null;
        }
        try {
            JsonNode target = document.at(JsonPointer.compile(fragment));
            return target.isMissingNode() ? null : target;
        } catch (IllegalArgumentException notAPointer) {
            return null;
        }
    }

    /** The root or an embedded schema whose {@code $id} the reference names, after resolving both against the root. */
    private JsonNode resource(String reference) {
        URI named = uri(reference);
        if (named == null) {
            return null;
        }
        URI absolute = base == null ? named : base.resolve(named);
        if (base != null && absolute.equals(base)) {
            return root;
        }
        return resources.get(absolute);
    }

    /** Anchors and embedded {@code $id}s anywhere in the document (not inside {@code enum}/{@code const} values). */
    private void index() {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isArray()) {
                node.forEach(pending::push);
                continue;
            }
            if (!node.isObject()) {
                continue;
            }
            if (node.path("$anchor").isTextual()) {
                anchors.putIfAbsent(node.get("$anchor").asText(), node);
            }
            String id = node.path("$id").asText("");
            if (id.startsWith("#") && id.length() > 1) {
                anchors.putIfAbsent(id.substring(1), node);
            } else if (!id.isEmpty() && node != root) {
                URI named = uri(id);
                if (named != null) {
                    resources.putIfAbsent(base == null ? named : base.resolve(named), node);
                }
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey().equals("enum") && !member.getKey().equals("const")) {
                    pending.push(member.getValue());
                }
            }
        }
    }

    private static URI uri(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI parsed = new URI(text);
            return parsed.getFragment() == null
                    ? parsed
                    : new URI(parsed.getScheme(), parsed.getSchemeSpecificPart(), null);
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }
}
