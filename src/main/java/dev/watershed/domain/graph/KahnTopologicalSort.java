package dev.watershed.domain.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the assets of a bulk load ({@link DependencyGraph#of}) so that each comes after its producers, and checks
 * the dependencies for a cycle on the way: Kahn's algorithm over int arrays.
 *
 * <p>Hand-written rather than JGraphT's {@code TopologicalOrderIterator}, which needs a graph to iterate: building
 * one only to order the vertices costs a second graph's heap (a map entry per vertex and per edge, 300k edges at
 * 100k assets) and is what the bulk load exists to avoid. Inserting in this order lets {@code DirectedAcyclicGraph}'s
 * incremental cycle check find every edge already in order, so it never reorders or searches.
 */
final class KahnTopologicalSort {

    private KahnTopologicalSort() {}

    /**
     * A later asset with the same name replaces an earlier one, in its place.
     *
     * @return every asset once, each after all the producers it reads; empty when there are no assets
     * @throws AssetNotInGraphException when a dependency names an asset not among {@code assets}
     * @throws DependencyCycleException when the dependencies contain a cycle (one cycle is named)
     */
    static List<AssetNode> sort(Collection<AssetNode> assets, Collection<DependencyEdge> dependencies) {
        Map<String, Integer> ids = new HashMap<>(assets.size() * 2);
        List<AssetNode> byId = new ArrayList<>(assets.size());
        for (AssetNode asset : assets) {
            Integer id = ids.putIfAbsent(asset.name(), byId.size());
            if (id == null) {
                byId.add(asset);
            } else {
                byId.set(id, asset);
            }
        }
        int n = byId.size();
        int m = dependencies.size();
        int[] sources = new int[m];
        int[] targets = new int[m];
        int[] inDegree = new int[n];
        int[] outStart = new int[n + 1];
        int e = 0;
        for (DependencyEdge dependency : dependencies) {
            sources[e] = idOf(ids, dependency.producer(), dependency);
            targets[e] = idOf(ids, dependency.consumer(), dependency);
            if (sources[e] == targets[e]) {
                throw new DependencyCycleException(
                        dependency.producer(),
                        dependency.consumer(),
                        List.of(dependency.producer(), dependency.producer()));
            }
            outStart[sources[e] + 1]++;
            inDegree[targets[e]]++;
            e++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
        }
        int[] outTargets = new int[m];
        int[] fill = Arrays.copyOf(outStart, n);
        for (int i = 0; i < m; i++) {
            outTargets[fill[sources[i]]++] = targets[i];
        }
        int[] order = order(n, outStart, outTargets, inDegree.clone());
        if (order == null) {
            throw new DependencyCycleException(findCycle(byId, sources, targets, inDegree, outStart, outTargets));
        }
        List<AssetNode> sorted = new ArrayList<>(n);
        for (int id : order) {
            sorted.add(byId.get(id));
        }
        return sorted;
    }

    private static int idOf(Map<String, Integer> ids, String name, DependencyEdge dependency) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new AssetNotInGraphException(
                    name,
                    "the dependency " + dependency.producer() + " → " + dependency.consumer() + " names '" + name
                            + "', which is not among the assets loaded");
        }
        return id;
    }

    /** Kahn's algorithm; null when some vertices never reach in-degree zero, i.e. there is a cycle. */
    private static int[] order(int n, int[] outStart, int[] outTargets, int[] inDegree) {
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                order[tail++] = v;
            }
        }
        while (head < tail) {
            int v = order[head++];
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                if (--inDegree[outTargets[i]] == 0) {
                    order[tail++] = outTargets[i];
                }
            }
        }
        return tail == n ? order : null;
    }

    /**
     * Names one cycle. Runs Kahn again to find the vertices left with producers of their own; each of those has a
     * producer that is also left, so walking producers must come back to a vertex already seen.
     */
    private static List<String> findCycle(
            List<AssetNode> byId, int[] sources, int[] targets, int[] inDegree, int[] outStart, int[] outTargets) {
        int n = byId.size();
        int[] remaining = inDegree.clone();
        order(n, outStart, outTargets, remaining);
        int[] producerOf = new int[n];
        Arrays.fill(producerOf, -1);
        for (int i = 0; i < sources.length; i++) {
            if (remaining[sources[i]] > 0 && remaining[targets[i]] > 0) {
                producerOf[targets[i]] = sources[i];
            }
        }
        int start = 0;
        while (remaining[start] == 0) {
            start++;
        }
        Map<Integer, Integer> seenAt = new HashMap<>();
        List<Integer> walk = new ArrayList<>();
        int v = start;
        while (!seenAt.containsKey(v)) {
            seenAt.put(v, walk.size());
            walk.add(v);
            v = producerOf[v];
        }
        List<Integer> loop = new ArrayList<>(walk.subList(seenAt.get(v), walk.size()));
        Collections.reverse(loop);
        // Start at the smallest name so the same cycle is always reported the same way.
        int smallest = 0;
        for (int i = 1; i < loop.size(); i++) {
            if (byId.get(loop.get(i))
                            .name()
                            .compareTo(byId.get(loop.get(smallest)).name())
                    < 0) {
                smallest = i;
            }
        }
        Collections.rotate(loop, -smallest);
        List<String> cycle = new ArrayList<>();
        for (int id : loop) {
            cycle.add(byId.get(id).name());
        }
        cycle.add(cycle.get(0));
        return cycle;
    }
}
