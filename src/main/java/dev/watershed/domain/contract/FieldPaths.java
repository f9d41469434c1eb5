package dev.watershed.domain.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Lists the fields a schema defines, as canonical JSON Pointers into the data (see {@link FieldPath}), so that
 * consumers can declare which fields they read and producers can see who reads what.
 *
 * <p>JSON Schema: {@code properties} at any depth, array {@code items} (and {@code prefixItems}) as {@code *},
 * {@code additionalProperties} schemas as {@code *}, local {@code $ref}s ({@code #/$defs/..}, {@code #/definitions/..}
 * or any local pointer), and {@code allOf}/{@code anyOf}/{@code oneOf} branches merged into one field list. A
 * field is required when its parent lists it in {@code required} (in an {@code allOf} branch too, but not in an
 * {@code anyOf}/{@code oneOf} branch, which may not apply). A {@code $ref} that is already being expanded on the
 * current path is not expanded again, so recursive schemas terminate; the field itself is still listed.
 *
 * <p>Avro: record fields nested, arrays and maps as {@code *}, unions descended into every record/array/map branch.
 * A field is required when its type is not a union with {@code null}. Recursive records stop at the repetition.
 *
 * <p>Containers themselves are listed ({@code /lines} as {@code array<object>}) but the {@code *} step is not a field
 * of its own. Order is the schema's declaration order, depth first. Beyond {@value #MAX_DEPTH} levels or
 * {@value #MAX_FIELDS} fields, or after {@value #MAX_VISITS} subschemas visited (branches that reuse a definition
 * merge into the same fields, so the field count alone does not bound the walk), a
 * {@link SchemaTooComplexException} is thrown rather than returning a partial list.
 */
public final class FieldPaths {

    /** Deepest nesting listed; real contracts stay far below, so hitting it means runaway {@code $ref}s. */
    public static final int MAX_DEPTH = 64;

    /** Most fields listed; guards against {@code $ref} diamonds that multiply paths without recursing. */
    public static final int MAX_FIELDS = 20_000;

    /** Most subschemas visited; {@code allOf} of references that fan out could otherwise revisit one for ever. */
    public static final int MAX_VISITS = 200_000;

    private FieldPaths() {}

    /** The fields of a JSON Schema document, given as its root node. */
    public static List<SchemaField> fromJsonSchema(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        JsonWalker walker = new JsonWalker(schema, new Visits());
        walker.walkObject(schema, "", 0, new ArrayDeque<>());
        return List.copyOf(walker.fields.values());
    }

    /** The fields of an Avro schema; a non-record root yields its nested fields, if any ({@code *} for items). */
    public static List<SchemaField> fromAvro(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        AvroWalker walker = new AvroWalker(new Visits());
        walker.descend(schema, "", 0, new HashSet<>());
        return List.copyOf(walker.fields.values());
    }

    /**
     * The requested paths (pointers or dotted, see {@link FieldPath#normalize}) that the schema does not define, in
     * canonical form and request order. A path is known when it is a field, a prefix of a field ({@code /customer}
     * when {@code /customer/email} exists), or matches one through {@code *} ({@code /lines/0/price}).
     *
     * @throws InvalidFieldPathException when a requested path cannot be parsed
     */
    public static List<String> unknownFields(Collection<SchemaField> schemaFields, Collection<String> requested) {
        Set<String> exact = new HashSet<>();
        for (SchemaField field : schemaFields) {
            exact.add(field.path());
        }
        List<String> unknown = new ArrayList<>();
        for (String raw : requested) {
            String path = FieldPath.normalize(raw);
            if (exact.contains(path) || unknown.contains(path)) {
                continue;
            }
            boolean known = false;
            for (SchemaField field : schemaFields) {
                if (FieldPath.isPrefixOf(path, field.path())) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                unknown.add(path);
            }
        }
        return unknown;
    }

    private static void checkSize(Map<String, SchemaField> fields, int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw new SchemaTooComplexException(
                    "the schema nests deeper than " + MAX_DEPTH + " levels at '" + path + "'; fields cannot be listed");
        }
        if (fields.size() > MAX_FIELDS) {
            throw new SchemaTooComplexException("the schema defines more than " + MAX_FIELDS + " field paths, "
                    + "usually because $refs fan out; fields cannot be listed");
        }
    }

    /** Subschemas visited by one listing, shared by the walkers it starts. */
    /**
     * The subschema a local reference ({@code #/$defs/a}, {@code #Money} for an {@code $anchor}, {@code #}) names in
     * {@code root}; {@code null} when it names nothing there.
     */
    public static JsonNode localReference(JsonNode root, String ref) {
        String pointer = ref.substring(1);
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            // "#Money" names an $anchor, not a JSON Pointer.
            return anchored(root, URLDecoder.decode(pointer, StandardCharsets.UTF_8), 0);
        }
        // Fragments are percent-encoded ("#/$defs/a%20b"); '+' is literal in a fragment, unlike in a form.
        JsonNode found = root.at(URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8));
        return found.isMissingNode() ? null : found;
    }

    /** The subschema declaring {@code "$anchor": name}, searched depth-first; {@code null} when none does. */
    private static JsonNode anchored(JsonNode node, String name, int depth) {
        if (depth > 64 || !node.isContainerNode()) {
            return null;
        }
        if (node.isObject() && name.equals(node.path("$anchor").asText(null))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = anchored(child, name, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static final class Visits {

        private int count;

        void next() {
            if (++count > MAX_VISITS) {
                throw new SchemaTooComplexException("listing the fields of the schema visits more than " + MAX_VISITS
                        + " subschemas, usually because combined $refs fan out; fields cannot be listed");
            }
        }
    }

    private static void merge(Map<String, SchemaField> fields, SchemaField field) {
        fields.merge(
                field.path(),
                field,
                (old, added) -> new SchemaField(
                        old.path(),
                        old.type().equals(added.type()) ? old.type() : old.type() + "|" + added.type(),
                        old.required() || added.required(),
                        old.description() != null ? old.description() : added.description()));
    }

    /** Walks one JSON Schema document; keeps the root to resolve local references against. */
    private static final class JsonWalker {

        private final JsonNode root;
        private final Map<String, SchemaField> fields = new LinkedHashMap<>();
        private final Visits visits;

        JsonWalker(JsonNode root, Visits visits) {
            this.root = root;
            this.visits = visits;
        }

        /**
         * Lists the properties a (possibly referencing, possibly combined) schema gives its instances, plus whatever
         * its items and additional properties define below {@code path}.
         */
        void walkObject(JsonNode schema, String path, int depth, Deque<String> refs) {
            checkSize(fields, depth, path);
            visits.next();
            String ref = localRef(schema);
            if (ref != null) {
                if (refs.contains(ref)) {
                    // Already expanding this definition further up: a recursive schema, stop here.
                    return;
                }
                JsonNode referenced = lookup(ref);
                if (referenced != null) {
                    refs.push(ref);
                    try {
                        walkObject(referenced, path, depth, refs);
                    } finally {
                        refs.pop();
                    }
                }
            }
            // Keywords beside a $ref apply as well (2019-09 onwards), so the schema's own ones are walked too.
            walkOwn(schema, path, depth, refs);
            walkBranches(schema.get("allOf"), path, depth, refs, true);
            walkBranches(schema.get("anyOf"), path, depth, refs, false);
            walkBranches(schema.get("oneOf"), path, depth, refs, false);
        }

        private void walkBranches(JsonNode branches, String path, int depth, Deque<String> refs, boolean mandatory) {
            if (branches == null || !branches.isArray()) {
                return;
            }
            for (JsonNode branch : branches) {
                if (mandatory) {
                    walkObject(branch, path, depth, refs);
                } else {
                    // Required only within a branch that may not apply: list the fields, but as optional.
                    JsonWalker optional = new JsonWalker(root, visits);
                    optional.walkObject(branch, path, depth, refs);
                    for (SchemaField field : optional.fields.values()) {
                        merge(fields, new SchemaField(field.path(), field.type(), false, field.description()));
                    }
                    checkSize(fields, depth, path);
                }
            }
        }

        private void walkOwn(JsonNode node, String path, int depth, Deque<String> refs) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                Set<String> required = requiredNames(node);
                Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    String child = FieldPath.child(path, entry.getKey());
                    JsonNode property = entry.getValue();
                    merge(
                            fields,
                            new SchemaField(
                                    child,
                                    describe(property, refs),
                                    required.contains(entry.getKey()),
                                    description(property, refs)));
                    walkObject(property, child, depth + 1, refs);
                }
            }
            JsonNode items = node.get("items");
            if (items != null && items.isObject()) {
                walkObject(items, path + "/*", depth + 1, refs);
            }
            JsonNode prefixItems = node.get("prefixItems");
            if (prefixItems == null && items != null && items.isArray()) {
                prefixItems = items;
            }
            if (prefixItems != null && prefixItems.isArray()) {
                for (JsonNode item : prefixItems) {
                    walkObject(item, path + "/*", depth + 1, refs);
                }
            }
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                walkObject(additional, path + "/*", depth + 1, refs);
            }
        }

        private Set<String> requiredNames(JsonNode node) {
            JsonNode required = node.get("required");
            Set<String> names = new HashSet<>();
            if (required != null && required.isArray()) {
                required.forEach(name -> names.add(name.asText()));
            }
            return names;
        }

        private static String localRef(JsonNode schema) {
            JsonNode ref = schema.get("$ref");
            return ref != null && ref.isTextual() && ref.asText().startsWith("#") ? ref.asText() : null;
        }

        private JsonNode lookup(String ref) {
            return localReference(root, ref);
        }

        private String describe(JsonNode schema, Deque<String> refs) {
            return describe(schema, new HashSet<>(refs), 0);
        }

        private String describe(JsonNode schema, Set<String> seen, int depth) {
            JsonNode node = schema;
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                JsonNode referenced = target.startsWith("#") ? lookup(target) : null;
                if (referenced == null) {
                    return "$ref " + target;
                }
                if (!seen.add(target) || depth > 8) {
                    // A recursive type: name it by its definition rather than expanding it forever.
                    return target.substring(target.lastIndexOf('/') + 1);
                }
                node = referenced;
            }
            JsonNode type = node.get("type");
            if (type != null && type.isArray()) {
                return type.toString();
            }
            if (type != null && type.isTextual()) {
                if (type.asText().equals("array")) {
                    JsonNode items = node.get("items");
                    return "array<" + (items != null && items.isObject() ? describe(items, seen, depth + 1) : "any")
                            + ">";
                }
                return type.asText();
            }
            if (node.has("properties") || node.has("additionalProperties")) {
                return "object";
            }
            if (node.has("items")) {
                return "array";
            }
            if (node.has("enum")) {
                return "enum";
            }
            if (node.has("const")) {
                return "const";
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                JsonNode branches = node.get(combinator);
                if (branches != null && branches.isArray() && !branches.isEmpty()) {
                    Set<String> types = new LinkedHashSet<>();
                    for (JsonNode branch : branches) {
                        types.add(describe(branch, seen, depth + 1));
                    }
                    types.remove("any");
                    if (!types.isEmpty()) {
                        return combinator.equals("allOf") ? types.iterator().next() : String.join("|", types);
                    }
                }
            }
            return "any";
        }

        private String description(JsonNode schema, Deque<String> refs) {
            JsonNode own = schema.get("description");
            if (own != null && own.isTextual()) {
                return own.asText();
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                JsonNode referenced = lookup(ref.asText());
                JsonNode inherited = referenced == null ? null : referenced.get("description");
                return inherited != null && inherited.isTextual() ? inherited.asText() : null;
            }
            return null;
        }
    }

    /** Walks one Avro schema. */
    private static final class AvroWalker {

        private final Map<String, SchemaField> fields = new LinkedHashMap<>();
        private final Visits visits;

        AvroWalker(Visits visits) {
            this.visits = visits;
        }

        void descend(Schema schema, String path, int depth, Set<String> recordsOnPath) {
            checkSize(fields, depth, path);
            visits.next();
            switch (schema.getType()) {
                case RECORD -> {
                    if (!recordsOnPath.add(schema.getFullName())) {
                        return;
                    }
                    for (Schema.Field field : schema.getFields()) {
                        String child = FieldPath.child(path, field.name());
                        merge(
                                fields,
                                new SchemaField(
                                        child, describe(field.schema()), !nullable(field.schema()), field.doc()));
                        descend(field.schema(), child, depth + 1, recordsOnPath);
                    }
                    recordsOnPath.remove(schema.getFullName());
                }
                case ARRAY -> descend(schema.getElementType(), path + "/*", depth + 1, recordsOnPath);
                case MAP -> descend(schema.getValueType(), path + "/*", depth + 1, recordsOnPath);
                case UNION -> {
                    for (Schema branch : schema.getTypes()) {
                        descend(branch, path, depth, recordsOnPath);
                    }
                }
                default -> {
                    // Primitives, enums and fixed have no fields below them.
                }
            }
        }

        private static boolean nullable(Schema schema) {
            return schema.getType() == Schema.Type.NULL
                    || schema.getType() == Schema.Type.UNION
                            && schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL);
        }

        private static String describe(Schema schema) {
            return switch (schema.getType()) {
                case RECORD, ENUM, FIXED -> schema.getFullName();
                case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
                case MAP -> "map<" + describe(schema.getValueType()) + ">";
                case UNION ->
                    schema.getTypes().stream()
                            .map(branch -> "\"" + describe(branch) + "\"")
                            .collect(Collectors.joining(",", "[", "]"));
                default ->
                    schema.getLogicalType() != null
                            ? schema.getName() + "(" + schema.getLogicalType().getName() + ")"
                            : schema.getName();
            };
        }
    }
}
