package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}. Alternatives are paired first by equality, then by
 * structural likeness (same type, shared property names), then by position; paired alternatives are compared
 * inside, the rest are reported as added or removed. An alternative more in {@code anyOf}/{@code oneOf} widens the
 * schema (breaks FORWARD); one more in {@code allOf} narrows it (breaks BACKWARD).
 */
final class CompositionRules {

    private CompositionRules() {}

    static void compare(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path, int depth) {
        compareAlternatives(comparison, "allOf", false, oldSchema, newSchema, path, depth);
        compareAlternatives(comparison, "anyOf", true, oldSchema, newSchema, path, depth);
        compareAlternatives(comparison, "oneOf", true, oldSchema, newSchema, path, depth);
        compareNot(comparison, oldSchema, newSchema, path, depth);
    }

    private static void compareAlternatives(
            JsonSchemaComparison comparison,
            String keyword,
            boolean disjunction,
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
            // A keyword that appears constrains the value; one that disappears frees it, whatever its kind.
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
        int[] partner = pair(oldAlternatives, newAlternatives);
        boolean[] newPaired = new boolean[newAlternatives.size()];
        for (int index = 0; index < oldAlternatives.size(); index++) {
            if (partner[index] >= 0) {
                newPaired[partner[index]] = true;
                comparison.compare(oldAlternatives.get(index), newAlternatives.get(partner[index]), path, depth + 1);
            } else {
                comparison.report(
                        DifferenceKind.COMPOSITION_ALTERNATIVE_REMOVED,
                        path,
                        "lost `" + keyword + "`" + " alternative #" + (index + 1),
                        disjunction ? Breakage.BACKWARD : Breakage.FORWARD);
            }
        }
        for (int index = 0; index < newAlternatives.size(); index++) {
            if (!newPaired[index]) {
                comparison.report(
                        DifferenceKind.COMPOSITION_ALTERNATIVE_ADDED,
                        path,
                        "gained `" + keyword + "`" + " alternative #" + (index + 1),
                        disjunction ? Breakage.FORWARD : Breakage.BACKWARD);
            }
        }
    }

    /** For each old alternative, the index of its new partner, or -1. */
    private static int[] pair(List<JsonNode> oldAlternatives, List<JsonNode> newAlternatives) {
        int[] partner = new int[oldAlternatives.size()];
        Arrays.fill(partner, -1);
        boolean[] taken = new boolean[newAlternatives.size()];
        for (int index = 0; index < oldAlternatives.size(); index++) {
            for (int candidate = 0; candidate < newAlternatives.size(); candidate++) {
                if (!taken[candidate] && oldAlternatives.get(index).equals(newAlternatives.get(candidate))) {
                    partner[index] = candidate;
                    taken[candidate] = true;
                    break;
                }
            }
        }
        for (int index = 0; index < oldAlternatives.size(); index++) {
            if (partner[index] >= 0) {
                continue;
            }
            int best = -1;
            double bestScore = 0;
            for (int candidate = 0; candidate < newAlternatives.size(); candidate++) {
                double score =
                        taken[candidate] ? 0 : likeness(oldAlternatives.get(index), newAlternatives.get(candidate));
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
            if (best >= 0) {
                partner[index] = best;
                taken[best] = true;
            }
        }
        pairLeftoversByPosition(partner, taken, oldAlternatives.size() == newAlternatives.size());
        return partner;
    }

    /** When both sides keep the same number of alternatives, an unlike pair is more likely edited than swapped. */
    private static void pairLeftoversByPosition(int[] partner, boolean[] taken, boolean sameCount) {
        if (!sameCount) {
            return;
        }
        for (int index = 0; index < partner.length; index++) {
            if (partner[index] < 0 && !taken[index]) {
                partner[index] = index;
                taken[index] = true;
            }
        }
    }

    /** 0 for nothing in common; a point for the same type plus the share of property names in common. */
    private static double likeness(JsonNode oldAlternative, JsonNode newAlternative) {
        double score = 0;
        JsonNode oldType = oldAlternative.get("type");
        if (oldType != null && oldType.equals(newAlternative.get("type"))) {
            score += 1;
        }
        Set<String> oldNames = propertyNames(oldAlternative);
        Set<String> newNames = propertyNames(newAlternative);
        if (!oldNames.isEmpty() || !newNames.isEmpty()) {
            Set<String> shared = new HashSet<>(oldNames);
            shared.retainAll(newNames);
            Set<String> all = new HashSet<>(oldNames);
            all.addAll(newNames);
            score += (double) shared.size() / all.size();
        }
        JsonNode oldReference = oldAlternative.get("$ref");
        if (oldReference != null && oldReference.equals(newAlternative.get("$ref"))) {
            score += 2;
        }
        return score;
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> alternatives(JsonNode node) {
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
            comparison.report(DifferenceKind.NOT_ADDED, path, "now must not match " + newNot, Breakage.BACKWARD);
        } else if (oldNot != null) {
            comparison.report(DifferenceKind.NOT_REMOVED, path, "no longer must not match " + oldNot, Breakage.FORWARD);
        }
    }
}
