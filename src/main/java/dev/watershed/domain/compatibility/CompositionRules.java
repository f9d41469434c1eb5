package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}, read as Confluent documents them: {@code anyOf} and
 * {@code oneOf} are sum types, {@code allOf} a product type. An alternative added to a sum widens what is accepted
 * (breaks FORWARD), one removed narrows it (breaks BACKWARD); a member added to a product narrows, one removed
 * widens. An alternative that the other side already covers changes nothing: an {@code anyOf} alternative that
 * accepts only what an old alternative accepted is no wider.
 *
 * <p>A schema that is only a composition (its other keywords annotate) is compared as its alternatives with a plain
 * schema on the other side, so that {@code string} → {@code anyOf [string, null]} is a sum type extended, and with
 * another kind of composition, so that {@code allOf} → {@code anyOf} relaxes. A {@code type} listing several types
 * counts as the sum of one schema per type there.
 */
final class CompositionRules {

    private static final List<String> KEYWORDS = List.of("allOf", "anyOf", "oneOf");

    /** Stands for a plain schema seen as a composition of itself, and for a {@code type} list split by type. */
    private static final String SINGLE = "a single schema";

    private static final String TYPES = "type";

    /** Keywords that constrain a value; a schema with none of them besides one composition is only that. */
    private static final Set<String> ASSERTIONS = Set.of(
            "type",
            "enum",
            "const",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "format",
            "items",
            "prefixItems",
            "additionalItems",
            "contains",
            "minContains",
            "maxContains",
            "maxItems",
            "minItems",
            "uniqueItems",
            "unevaluatedItems",
            "properties",
            "patternProperties",
            "additionalProperties",
            "unevaluatedProperties",
            "required",
            "dependentRequired",
            "dependentSchemas",
            "dependencies",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "$ref",
            "$dynamicRef",
            "$recursiveRef",
            "contentEncoding",
            "contentMediaType",
            "contentSchema");

    private CompositionRules() {}

    /**
     * Compares two schemas as compositions when at least one is only a composition and the other is a plain schema
     * or another kind of composition.
     *
     * @return whether it did; if not, the caller compares keyword by keyword
     */
    static boolean compareAsAlternatives(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        if (!isBare(oldSchema) && !isBare(newSchema)) {
            // the common case, decided without building anything
            return false;
        }
        Composition before = Composition.of(oldSchema);
        Composition after = Composition.of(newSchema);
        if (before == null || after == null || before.keyword().equals(after.keyword())) {
            return false;
        }
        compareAlternatives(comparison, before, after, path, depth);
        return true;
    }

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        String oldKeyword = onlyComposition(oldSchema);
        String newKeyword = onlyComposition(newSchema);
        if (oldKeyword != null && newKeyword != null && !oldKeyword.equals(newKeyword)) {
            // Beside the same other constraints, one kind of composition became another: compared as such.
            compareAlternatives(
                    comparison,
                    new Composition(oldKeyword, alternatives(oldSchema.get(oldKeyword)), false),
                    new Composition(newKeyword, alternatives(newSchema.get(newKeyword)), false),
                    path,
                    depth);
        } else {
            for (String keyword : KEYWORDS) {
                compareKeyword(comparison, keyword, oldSchema, newSchema, path, depth);
            }
        }
        compareNot(comparison, oldSchema, newSchema, path, depth);
    }

    /** Whether the schema is one composition keyword and annotations, nothing else. */
    private static boolean isBare(ObjectNode schema) {
        String keyword = onlyComposition(schema);
        if (keyword == null) {
            return false;
        }
        for (String name : (Iterable<String>) schema::fieldNames) {
            if (ASSERTIONS.contains(name) && !name.equals(keyword)) {
                return false;
            }
        }
        return true;
    }

    /** The schema's composition keyword when it has exactly one, with alternatives; otherwise {@code null}. */
    private static String onlyComposition(ObjectNode schema) {
        String found = null;
        for (String keyword : KEYWORDS) {
            JsonNode alternatives = schema.get(keyword);
            if (alternatives != null && alternatives.isArray() && !alternatives.isEmpty()) {
                if (found != null) {
                    return null;
                }
                found = keyword;
            }
        }
        return found;
    }

    private static void compareKeyword(
            JsonSchemaComparison comparison,
            String keyword,
            ObjectNode oldSchema,
            ObjectNode newSchema,
            String path,
            int depth) {
        List<JsonNode> oldAlternatives = alternatives(oldSchema.get(keyword));
        List<JsonNode> newAlternatives = alternatives(newSchema.get(keyword));
        if (oldAlternatives.isEmpty() && newAlternatives.isEmpty()) {
            return;
        }
        if (oldAlternatives.isEmpty() || newAlternatives.isEmpty()) {
            // Beside other constraints, a composition that appears constrains the value further (the schema is the
            // conjunction of both), and one that disappears frees it, whatever its kind.
            boolean appeared = oldAlternatives.isEmpty();
            comparison.report(
                    appeared
                            ? DifferenceKind.COMPOSITION_ALTERNATIVE_ADDED
                            : DifferenceKind.COMPOSITION_ALTERNATIVE_REMOVED,
                    path,
                    (appeared ? "now must match `" : "no longer must match `") + keyword + "`",
                    appeared ? Breakage.BACKWARD : Breakage.FORWARD);
            return;
        }
        compareAlternatives(
                comparison,
                new Composition(keyword, oldAlternatives, false),
                new Composition(keyword, newAlternatives, false),
                path,
                depth);
    }

    private static void compareAlternatives(
            JsonSchemaComparison comparison, Composition before, Composition after, String path, int depth) {
        List<JsonNode> oldAlternatives = before.alternatives();
        List<JsonNode> newAlternatives = after.alternatives();
        int[] partner = partners(comparison, oldAlternatives, newAlternatives, path, depth);
        if (oldAlternatives.size() > 1
                && newAlternatives.size() > 1
                && !before.keyword().equals(after.keyword())) {
            Breakage breakage = criterionChange(before.keyword(), after.keyword());
            if (!breakage.equals(Breakage.NONE)) {
                comparison.report(
                        DifferenceKind.COMPOSITION_CHANGED,
                        path,
                        "changed from " + before.describe() + " to " + after.describe(),
                        breakage);
            }
        }
        boolean[] newPaired = new boolean[newAlternatives.size()];
        for (int index = 0; index < oldAlternatives.size(); index++) {
            if (partner[index] >= 0) {
                newPaired[partner[index]] = true;
                comparison.compare(oldAlternatives.get(index), newAlternatives.get(partner[index]), path, depth + 1);
            } else {
                reportRemoved(comparison, before, index, newAlternatives, path, depth);
            }
        }
        for (int index = 0; index < newAlternatives.size(); index++) {
            if (!newPaired[index]) {
                reportAdded(comparison, after, index, oldAlternatives, path, depth);
            }
        }
    }

    private static int[] partners(
            JsonSchemaComparison comparison,
            List<JsonNode> oldAlternatives,
            List<JsonNode> newAlternatives,
            String path,
            int depth) {
        if (oldAlternatives.size() == 1 && newAlternatives.size() > 1) {
            return new int[] {
                AlternativePairing.partnerOf(comparison, oldAlternatives.get(0), newAlternatives, true, path, depth + 1)
            };
        }
        if (newAlternatives.size() == 1 && oldAlternatives.size() > 1) {
            int chosen = AlternativePairing.partnerOf(
                    comparison, newAlternatives.get(0), oldAlternatives, false, path, depth + 1);
            int[] partner = new int[oldAlternatives.size()];
            Arrays.fill(partner, -1);
            partner[chosen] = 0;
            return partner;
        }
        return AlternativePairing.pair(oldAlternatives, newAlternatives);
    }

    /**
     * An alternative more: in a sum it breaks FORWARD unless an old alternative already accepted all it accepts; in
     * a product it breaks BACKWARD unless an old member already asked as much.
     */
    private static void reportAdded(
            JsonSchemaComparison comparison,
            Composition after,
            int index,
            List<JsonNode> oldAlternatives,
            String path,
            int depth) {
        Breakage breakage = unlessCovered(
                comparison,
                after.alternatives().get(index),
                oldAlternatives,
                true,
                after.product() ? Breakage.BACKWARD : Breakage.FORWARD,
                path,
                depth);
        String covered = after.product()
                ? ", which asks nothing a previous one did not"
                : ", which accepts nothing a previous one did not";
        comparison.report(
                DifferenceKind.COMPOSITION_ALTERNATIVE_ADDED,
                path,
                "gained " + after.alternativeName(index) + (breakage.equals(Breakage.NONE) ? covered : ""),
                breakage);
    }

    /**
     * An alternative fewer: in a sum it breaks BACKWARD unless a new alternative still accepts all it accepted; in a
     * product it breaks FORWARD unless a new member still asks as much.
     */
    private static void reportRemoved(
            JsonSchemaComparison comparison,
            Composition before,
            int index,
            List<JsonNode> newAlternatives,
            String path,
            int depth) {
        Breakage breakage = unlessCovered(
                comparison,
                before.alternatives().get(index),
                newAlternatives,
                false,
                before.product() ? Breakage.FORWARD : Breakage.BACKWARD,
                path,
                depth);
        comparison.report(
                DifferenceKind.COMPOSITION_ALTERNATIVE_REMOVED,
                path,
                "lost " + before.alternativeName(index)
                        + (breakage.equals(Breakage.NONE) ? ", whose values another alternative still covers" : ""),
                breakage);
    }

    /**
     * What an alternative that appeared (or disappeared) alone breaks: {@code wouldBreak}, unless one alternative on
     * the other side, compared with it as old with new, does not break in that direction.
     */
    private static Breakage unlessCovered(
            JsonSchemaComparison comparison,
            JsonNode alone,
            List<JsonNode> others,
            boolean appeared,
            Breakage wouldBreak,
            String path,
            int depth) {
        for (JsonNode other : others) {
            Breakage found = appeared
                    ? comparison.probe(other, alone, path, depth + 1)
                    : comparison.probe(alone, other, path, depth + 1);
            if (wouldBreak.backward() ? !found.backward() : !found.forward()) {
                return Breakage.NONE;
            }
        }
        return wouldBreak;
    }

    /**
     * Changing how the same alternatives combine: a value valid under all of them is valid under any, and one
     * valid under exactly one is valid under any; {@code oneOf} rejects what matches two, {@code allOf} what matches
     * one only. Types are disjoint, so a list of types combines like either sum.
     */
    private static Breakage criterionChange(String from, String to) {
        boolean fromProduct = from.equals("allOf");
        boolean toProduct = to.equals("allOf");
        if (fromProduct || toProduct) {
            if (from.equals("oneOf") || to.equals("oneOf")) {
                return Breakage.BOTH;
            }
            return fromProduct ? Breakage.FORWARD : Breakage.BACKWARD;
        }
        if (from.equals(TYPES) || to.equals(TYPES)) {
            return Breakage.NONE;
        }
        return from.equals("oneOf") ? Breakage.FORWARD : Breakage.BACKWARD;
    }

    static List<JsonNode> alternatives(JsonNode node) {
        List<JsonNode> alternatives = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(alternatives::add);
        }
        return alternatives;
    }

    private static void compareNot(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        JsonNode oldNot = oldSchema.get("not");
        JsonNode newNot = newSchema.get("not");
        if (oldNot != null && newNot != null) {
            comparison.compareNegated(oldNot, newNot, path, depth + 1);
        } else if (newNot != null) {
            comparison.report(
                    DifferenceKind.NOT_ADDED,
                    path,
                    "now must not match " + JsonSchemaComparison.brief(newNot),
                    Breakage.BACKWARD);
        } else if (oldNot != null) {
            comparison.report(
                    DifferenceKind.NOT_REMOVED,
                    path,
                    "no longer must not match " + JsonSchemaComparison.brief(oldNot),
                    Breakage.FORWARD);
        }
    }

    /**
     * A schema seen as alternatives combined by a keyword.
     *
     * @param bare whether the schema is only this composition (and annotations), so that the alternatives are all
     *             there is to compare
     */
    private record Composition(String keyword, List<JsonNode> alternatives, boolean bare) {

        /**
         * The schema as a composition: its one composition keyword when it has no other constraint, else itself as a
         * single alternative, or one alternative per type when it lists several; {@code null} when it is a
         * composition among other constraints, or constrains nothing at all, which the keyword rules compare.
         */
        static Composition of(ObjectNode schema) {
            String found = null;
            boolean otherAssertions = false;
            for (String name : (Iterable<String>) schema::fieldNames) {
                if (KEYWORDS.contains(name)) {
                    if (found != null) {
                        return null;
                    }
                    found = name;
                } else if (ASSERTIONS.contains(name)) {
                    otherAssertions = true;
                }
            }
            if (found == null && !otherAssertions) {
                // A schema that constrains nothing is no sum to extend: a composition added to it constrains.
                return null;
            }
            if (found == null) {
                JsonNode type = schema.get("type");
                if (type != null && type.isArray() && type.size() > 1) {
                    return new Composition(TYPES, splitByType(schema, (ArrayNode) type), false);
                }
                return new Composition(SINGLE, List.of(schema), false);
            }
            List<JsonNode> alternatives = CompositionRules.alternatives(schema.get(found));
            if (otherAssertions || alternatives.isEmpty()) {
                return null;
            }
            return new Composition(found, alternatives, true);
        }

        private static List<JsonNode> splitByType(ObjectNode schema, ArrayNode types) {
            List<JsonNode> alternatives = new ArrayList<>(types.size());
            for (JsonNode type : types) {
                ObjectNode one = schema.deepCopy();
                one.set("type", type);
                alternatives.add(one);
            }
            return alternatives;
        }

        boolean product() {
            return keyword.equals("allOf");
        }

        String alternativeName(int index) {
            if (keyword.equals(TYPES)) {
                return "type `" + alternatives.get(index).get("type").asText() + "`";
            }
            return describe() + " alternative #" + (index + 1);
        }

        String describe() {
            return switch (keyword) {
                case SINGLE -> "a single schema";
                case TYPES -> "a list of types";
                default -> "`" + keyword + "`";
            };
        }
    }
}
