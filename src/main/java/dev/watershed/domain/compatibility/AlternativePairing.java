package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which alternative of a composition became which: first by equality, then by structural likeness (same
 * type, shared property names, same {@code $ref}), then, when both sides keep as many, by position. A single schema
 * facing several alternatives is paired with the one it compares best with.
 */
final class AlternativePairing {

    private AlternativePairing() {}

    /**
     * The alternative of {@code candidates} that {@code single} compares best with: the fewest directions broken,
     * then the most alike, then the first.
     *
     * @param singleIsOld whether {@code single} is the previous schema and {@code candidates} the new ones
     */
    static int partnerOf(
            JsonSchemaComparison comparison,
            JsonNode single,
            List<JsonNode> candidates,
            boolean singleIsOld,
            String path,
            int depth) {
        int best = 0;
        int bestBroken = Integer.MAX_VALUE;
        double bestLikeness = -1;
        for (int candidate = 0; candidate < candidates.size(); candidate++) {
            JsonNode other = candidates.get(candidate);
            Breakage breakage = singleIsOld
                    ? comparison.probe(single, other, path, depth)
                    : comparison.probe(other, single, path, depth);
            int broken = (breakage.backward() ? 1 : 0) + (breakage.forward() ? 1 : 0);
            double likeness = likeness(single, other);
            if (broken < bestBroken || (broken == bestBroken && likeness > bestLikeness)) {
                best = candidate;
                bestBroken = broken;
                bestLikeness = likeness;
            }
        }
        return best;
    }

    /** For each old alternative, the index of its new partner, or -1. */
    static int[] pair(List<JsonNode> oldAlternatives, List<JsonNode> newAlternatives) {
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
}
