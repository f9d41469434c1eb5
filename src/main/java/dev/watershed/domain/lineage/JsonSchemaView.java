package dev.watershed.domain.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.SchemaTooComplexException;
import dev.watershed.domain.lineage.LineageTypes.Family;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSON Schema contract read as {@link ContractView}s. Each level gathers the subschemas that apply to it: its own,
 * those its local {@code $ref}s name, and its {@code allOf}, {@code anyOf} and {@code oneOf} branches. As in
 * {@link FieldPaths}, a field is required only when a subschema that always applies ({@code allOf}, not
 * {@code anyOf}/{@code oneOf}) lists it, and a level is closed only when such a subschema has
 * {@code additionalProperties: false} or {@code unevaluatedProperties: false}. Whatever cannot be resolved (a
 * remote {@code $ref}) makes the level say less, never more.
 */
final class JsonSchemaView implements ContractView {

    /** A subschema applying to this level; {@code always} is false within a branch that may not apply. */
    private record Applied(JsonNode schema, boolean always) {}

    private final Context context;
    /** The subschemas this level was given, before references and branches are followed. */
    private final List<Applied> given;

    private final List<Applied> applied = new ArrayList<>();
    private boolean unresolved;

    private JsonSchemaView(Context context, List<Applied> given) {
        this.context = context;
        this.given = given;
        Set<JsonNode> seen = identitySet();
        for (Applied schema : given) {
            gather(schema.schema(), schema.always(), seen);
        }
    }

    static ContractView of(JsonNode document) {
        return new JsonSchemaView(new Context(document), List.of(new Applied(document, true)));
    }

    private void gather(JsonNode schema, boolean always, Set<JsonNode> seen) {
        if (!schema.isObject() || !seen.add(schema)) {
            return;
        }
        context.visit();
        applied.add(new Applied(schema, always));
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            JsonNode target = context.lookup(ref.asText());
            if (target == null) {
                unresolved = true;
            } else {
                gather(target, always, seen);
            }
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = schema.get(combinator);
            if (branches != null && branches.isArray()) {
                for (JsonNode branch : branches) {
                    gather(branch, always && combinator.equals("allOf"), seen);
                }
            }
        }
    }

    @Override
    public String expected() {
        Set<String> always = new LinkedHashSet<>();
        Set<String> sometimes = new LinkedHashSet<>();
        for (Applied schema : applied) {
            JsonNode type = schema.schema().get("type");
            if (type != null && (type.isTextual() || type.isArray())) {
                (schema.always() ? always : sometimes).add(type.isTextual() ? type.asText() : type.toString());
            }
        }
        Set<String> described = always.isEmpty() ? sometimes : always;
        return described.isEmpty() ? "any" : String.join("|", described);
    }

    @Override
    public Set<Family> accepted() {
        List<Applied> binding = given.stream().filter(Applied::always).toList();
        if (!binding.isEmpty()) {
            // Subschemas that always apply constrain together.
            Set<Family> result = null;
            for (Applied schema : binding) {
                result = intersect(result, typesOf(schema.schema(), identitySet()));
            }
            return result == null ? Set.of() : result;
        }
        // Only branches that may apply: any one of them may be the one that does.
        Set<Family> either = EnumSet.noneOf(Family.class);
        for (Applied schema : given) {
            Set<Family> families = typesOf(schema.schema(), identitySet());
            if (families == null) {
                return Set.of();
            }
            either.addAll(families);
        }
        return either;
    }

    private static Set<JsonNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The families a subschema allows, {@code null} when it does not constrain the type. */
    private Set<Family> typesOf(JsonNode schema, Set<JsonNode> onPath) {
        if (!schema.isObject() || !onPath.add(schema)) {
            return null;
        }
        context.visit();
        try {
            Set<Family> result = ownTypes(schema);
            JsonNode ref = schema.get("$ref");
            if (ref != null && ref.isTextual()) {
                JsonNode target = context.lookup(ref.asText());
                if (target != null) {
                    result = intersect(result, typesOf(target, onPath));
                }
            }
            JsonNode allOf = schema.get("allOf");
            if (allOf != null && allOf.isArray()) {
                for (JsonNode branch : allOf) {
                    result = intersect(result, typesOf(branch, onPath));
                }
            }
            for (String combinator : List.of("anyOf", "oneOf")) {
                JsonNode branches = schema.get(combinator);
                if (branches != null && branches.isArray() && !branches.isEmpty()) {
                    Set<Family> either = EnumSet.noneOf(Family.class);
                    boolean unconstrained = false;
                    for (JsonNode branch : branches) {
                        Set<Family> families = typesOf(branch, onPath);
                        unconstrained |= families == null;
                        either.addAll(families == null ? Set.of() : families);
                    }
                    result = unconstrained ? result : intersect(result, either);
                }
            }
            return result;
        } finally {
            onPath.remove(schema);
        }
    }

    private static Set<Family> ownTypes(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null || !(type.isTextual() || type.isArray())) {
            return null;
        }
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            switch (name.asText()) {
                case "string" -> {
                    // Temporal values travel as strings in JSON, with or without a format saying which.
                    families.add(Family.STRING);
                    families.add(Family.TEMPORAL);
                    if (schema.has("contentEncoding") || schema.has("contentMediaType")) {
                        families.add(Family.BYTES);
                    }
                }
                case "integer" -> families.add(Family.INTEGER);
                case "number" -> {
                    families.add(Family.NUMBER);
                    families.add(Family.INTEGER);
                }
                case "boolean" -> families.add(Family.BOOLEAN);
                case "object" -> families.add(Family.OBJECT);
                case "array" -> families.add(Family.ARRAY);
                default -> {
                    // "null" admits no observed family; unknown names are the meta-schema's concern.
                }
            }
        }
        return families;
    }

    /** Both constraints; when they contradict each other the contract is read as saying nothing rather than no. */
    private static Set<Family> intersect(Set<Family> first, Set<Family> second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        Set<Family> both = EnumSet.noneOf(Family.class);
        both.addAll(first);
        both.retainAll(second);
        return both.isEmpty() ? null : both;
    }

    @Override
    public List<Member> members() {
        Map<String, List<Applied>> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (Applied schema : applied) {
            JsonNode own = schema.schema().get("properties");
            if (own != null && own.isObject()) {
                own.fields()
                        .forEachRemaining(entry -> properties
                                .computeIfAbsent(entry.getKey(), name -> new ArrayList<>())
                                .add(new Applied(entry.getValue(), schema.always())));
            }
            JsonNode names = schema.schema().get("required");
            if (schema.always() && names != null && names.isArray()) {
                names.forEach(name -> required.add(name.asText()));
            }
        }
        for (String name : required) {
            // Required without a schema of its own: it must be there, of any type.
            properties.computeIfAbsent(name, key -> new ArrayList<>());
        }
        List<Member> members = new ArrayList<>();
        properties.forEach((name, schemas) -> members.add(new Member(
                name,
                Set.of(),
                required.contains(name),
                schemas.isEmpty() ? ContractView.ANYTHING : new JsonSchemaView(context, schemas))));
        return members;
    }

    @Override
    public boolean allowsUndeclared(String name) {
        if (unresolved) {
            return true;
        }
        boolean closed = false;
        for (Applied schema : applied) {
            if (schema.always()
                    && (isFalse(schema.schema().get("additionalProperties"))
                            || isFalse(schema.schema().get("unevaluatedProperties")))) {
                closed = true;
            }
        }
        return !closed || matchesPattern(name);
    }

    private boolean matchesPattern(String name) {
        for (Applied schema : applied) {
            JsonNode patterns = schema.schema().get("patternProperties");
            if (patterns != null && patterns.isObject()) {
                for (var names = patterns.fieldNames(); names.hasNext(); ) {
                    try {
                        if (Pattern.compile(names.next()).matcher(name).find()) {
                            return true;
                        }
                    } catch (PatternSyntaxException e) {
                        // An ECMA-262 pattern Java cannot read: assume it admits the name rather than cry wolf.
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }

    @Override
    public ContractView undeclared() {
        List<Applied> values = new ArrayList<>();
        for (Applied schema : applied) {
            for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
                JsonNode value = schema.schema().get(keyword);
                if (value != null && value.isObject()) {
                    values.add(new Applied(value, schema.always()));
                }
            }
        }
        return values.isEmpty() ? null : new JsonSchemaView(context, values);
    }

    @Override
    public ContractView items() {
        List<Applied> items = new ArrayList<>();
        for (Applied schema : applied) {
            JsonNode own = schema.schema().get("items");
            if (own != null && own.isObject()) {
                items.add(new Applied(own, schema.always()));
            }
            JsonNode tuple = schema.schema().get("prefixItems");
            if (tuple == null && own != null && own.isArray()) {
                tuple = own;
            }
            if (tuple != null && tuple.isArray()) {
                // Each position has its own schema; the facet describes all items as one, so none is binding.
                tuple.forEach(item -> items.add(new Applied(item, false)));
            }
        }
        return items.isEmpty() ? null : new JsonSchemaView(context, items);
    }

    /** The document references resolve against, and the work one check may do on it. */
    private static final class Context {

        /** Subschemas visited in one check; as in {@link FieldPaths}, guards against {@code $ref}s that fan out. */
        private static final int MAX_VISITS = FieldPaths.MAX_VISITS;

        private final JsonNode root;
        private int visits;

        Context(JsonNode root) {
            this.root = root;
        }

        void visit() {
            if (++visits > MAX_VISITS) {
                throw new SchemaTooComplexException("comparing the observed schema with the contract visits more than "
                        + MAX_VISITS + " subschemas, usually because combined $refs fan out");
            }
        }

        /** The subschema a local reference names; {@code null} for a remote or dangling one. */
        JsonNode lookup(String ref) {
            return ref.startsWith("#") ? FieldPaths.localReference(root, ref) : null;
        }
    }
}
