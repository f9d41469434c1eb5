package dev.watershed.domain.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Finds where in a schema document a loaded resource was named, so that a refusal can point at the keyword: the
 * reference keywords are resolved against the base IRIs that {@code $id} (draft-04: {@code id}) sets on the way down.
 */
final class ReferenceLocator {

    private static final List<String> KEYWORDS = List.of("$ref", "$dynamicRef", "$recursiveRef", "$schema");

    private ReferenceLocator() {}

    /** The JSON Pointer of the keyword naming {@code iri}, or {@code ""} (the whole schema) when none does. */
    static String pointerOf(JsonNode document, String iri) {
        String wanted = withoutFragment(iri);
        String resolved = find(document, URI.create(JsonSchemaCompiler.BASE_IRI), "", wanted, true);
        if (resolved != null) {
            return resolved;
        }
        String literal = find(document, null, "", wanted, false);
        return literal != null ? literal : "";
    }

    private static String find(JsonNode node, URI base, String pointer, String wanted, boolean resolve) {
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                String found = find(node.get(index), base, pointer + "/" + index, wanted, resolve);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        URI here = resolve ? rebase(base, node) : base;
        for (String keyword : KEYWORDS) {
            JsonNode value = node.get(keyword);
            if (value != null && value.isTextual() && wanted.equals(target(here, value.textValue(), resolve))) {
                return pointer + "/" + escape(keyword);
            }
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String found = find(member.getValue(), here, pointer + "/" + escape(member.getKey()), wanted, resolve);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static URI rebase(URI base, JsonNode node) {
        JsonNode id = node.has("$id") ? node.get("$id") : node.get("id");
        if (id == null || !id.isTextual()) {
            return base;
        }
        try {
            URI declared = URI.create(id.textValue());
            return base == null ? declared : base.resolve(declared);
        } catch (IllegalArgumentException unusable) {
            return base;
        }
    }

    private static String target(URI base, String reference, boolean resolve) {
        if (!resolve || base == null) {
            return withoutFragment(reference);
        }
        try {
            return withoutFragment(base.resolve(URI.create(reference)).toString());
        } catch (IllegalArgumentException unusable) {
            return withoutFragment(reference);
        }
    }

    private static String withoutFragment(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
