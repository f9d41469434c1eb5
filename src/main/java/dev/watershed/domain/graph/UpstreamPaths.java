package dev.watershed.domain.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything upstream of one asset, from {@link LineageTraversal#upstreamPaths}: how many hops each producer is away
 * (the asset itself at 0) and a shortest path from it down to the asset.
 */
public final class UpstreamPaths {

    private final Map<String, Integer> distance;
    private final Map<String, String> towards;

    /**
     * @param distance hops from each producer down to the asset, the asset itself included at 0
     * @param towards  for each producer, the next asset on its shortest path down to the asset (the asset: null)
     */
    UpstreamPaths(Map<String, Integer> distance, Map<String, String> towards) {
        this.distance = distance;
        this.towards = towards;
    }

    /** Hops from each asset upstream (the asset itself at 0) down to the asset; never empty. */
    public Map<String, Integer> distances() {
        return Collections.unmodifiableMap(distance);
    }

    /**
     * The asset upstream of both this asset and {@code other}'s (either may be the other's, or itself) that is
     * nearest to them: the fewest hops down to this one plus down to the other; ties go to the smaller name.
     *
     * @return empty when the two have no upstream asset in common
     */
    public Optional<String> nearestSharedWith(UpstreamPaths other) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // The map itself, not distances(): the unmodifiable view would wrap every entry it hands out.
        for (Map.Entry<String, Integer> entry : distance.entrySet()) {
            Integer theirs = other.distance.get(entry.getKey());
            if (theirs == null) {
                continue;
            }
            int both = entry.getValue() + theirs;
            if (both < bestDistance || both == bestDistance && entry.getKey().compareTo(best) < 0) {
                best = entry.getKey();
                bestDistance = both;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A shortest path from {@code ancestor} down to the asset these paths lead to, both included.
     *
     * @return empty when {@code ancestor} is not upstream of the asset
     */
    public List<String> pathFrom(String ancestor) {
        if (!distance.containsKey(ancestor)) {
            return List.of();
        }
        List<String> path = new ArrayList<>(distance.get(ancestor) + 1);
        for (String step = ancestor; step != null; step = towards.get(step)) {
            path.add(step);
        }
        return path;
    }
}
