package dev.watershed.domain.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Walks the graph from one asset towards its producers, its consumers or both, breadth first. Lineage is JGraphT's
 * {@link BreadthFirstIterator} (upstream the same walk over an {@link EdgeReversedGraph}); the two walks the findings
 * rules repeat across the whole estate are hand-written, see {@link #nearestDownstream}. Each query costs time
 * proportional to what it reaches and the edges leaving that, never to the size of the estate.
 */
public final class LineageTraversal {

    private final ReadableDependencyGraph graph;

    /** @param graph the live graph or a snapshot */
    public LineageTraversal(ReadableDependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * The assets within {@code depth} hops of {@code name}, breadth first, and the dependencies followed to reach
     * them. {@code BOTH} is the union of the upstream and the downstream walk; it does not wander sideways to the
     * other consumers of a producer. Nodes come root first, then by distance; never truncated.
     *
     * @param depth 0 for the asset alone; {@link Integer#MAX_VALUE} for everything reachable
     * @return at least the asset itself; no edges when nothing is within reach
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public Subgraph lineage(String name, LineageDirection direction, int depth) {
        Objects.requireNonNull(direction, "direction");
        if (depth < 0) {
            throw new IllegalArgumentException("depth cannot be negative: " + depth);
        }
        return graph.read(view -> {
            view.require(name);
            Map<String, Integer> distance = new LinkedHashMap<>();
            distance.put(name, 0);
            Set<DependencyEdge> edges = new LinkedHashSet<>();
            if (direction != LineageDirection.UPSTREAM) {
                walk(view, name, depth, distance, edges);
            }
            if (direction != LineageDirection.DOWNSTREAM) {
                walk(new EdgeReversedGraph<>(view), name, depth, distance, edges);
            }
            List<String> ordered = new ArrayList<>(distance.keySet());
            ordered.sort(Comparator.comparing(distance::get));
            List<AssetNode> found = new ArrayList<>(ordered.size());
            for (String asset : ordered) {
                found.add(view.require(asset));
            }
            return new Subgraph(found, new ArrayList<>(edges), false);
        });
    }

    private static void walk(
            Graph<String, DependencyEdge> graph,
            String root,
            int depth,
            Map<String, Integer> distance,
            Set<DependencyEdge> edges) {
        WithinDepth walk = new WithinDepth(graph, root, depth, edges);
        while (walk.hasNext()) {
            String asset = walk.next();
            distance.merge(asset, walk.getDepth(asset), Math::min);
        }
    }

    /**
     * Shortest path following data flow from {@code from} to the nearest asset downstream that {@code target}
     * accepts (not {@code from} itself); ties go to the asset reached first.
     *
     * @return the path, both ends included; empty when no asset downstream is accepted
     * @throws AssetNotInGraphException when the graph does not hold {@code from}
     */
    public List<String> nearestDownstream(String from, Predicate<String> target) {
        return graph.read(view -> {
            view.require(from);
            // Hand-written, as is upstreamPaths: the findings rules run these for every source and every model
            // dependency in the estate, and on a synthetic estate of 100k assets BreadthFirstIterator (its search
            // record per asset, plus copying its results out so they outlive it) made those rules 10-30% slower.
            Map<String, String> parent = new HashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            parent.put(from, null);
            queue.add(from);
            while (!queue.isEmpty()) {
                String current = queue.poll();
                if (!current.equals(from) && target.test(current)) {
                    List<String> path = new ArrayList<>();
                    for (String step = current; step != null; step = parent.get(step)) {
                        path.add(step);
                    }
                    Collections.reverse(path);
                    return List.copyOf(path);
                }
                for (DependencyEdge edge : view.outgoingEdgesOf(current)) {
                    if (!parent.containsKey(edge.consumer())) {
                        parent.put(edge.consumer(), current);
                        queue.add(edge.consumer());
                    }
                }
            }
            return List.of();
        });
    }

    /**
     * Every asset {@code name} reads, directly or through others, with its distance and a shortest path down to
     * {@code name}; ties go to the producer reached first.
     *
     * @return at least {@code name} itself at distance 0
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public UpstreamPaths upstreamPaths(String name) {
        return graph.read(view -> {
            view.require(name);
            Map<String, Integer> distance = new HashMap<>();
            Map<String, String> towards = new HashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            distance.put(name, 0);
            towards.put(name, null);
            queue.add(name);
            while (!queue.isEmpty()) {
                String current = queue.poll();
                for (DependencyEdge edge : view.incomingEdgesOf(current)) {
                    if (!distance.containsKey(edge.producer())) {
                        distance.put(edge.producer(), distance.get(current) + 1);
                        towards.put(edge.producer(), current);
                        queue.add(edge.producer());
                    }
                }
            }
            return new UpstreamPaths(distance, towards);
        });
    }

    /**
     * A breadth-first walk that stops expanding at {@code depth} hops and records every edge it follows. Cutting
     * off in {@link #selectOutgoingEdges} rather than skipping what comes back from {@link #next()} matters: the
     * iterator expands each asset as it returns it, so filtering afterwards would still walk every edge leaving the
     * last ring, the widest part of the walk.
     */
    private static final class WithinDepth extends BreadthFirstIterator<String, DependencyEdge> {

        private final int depth;
        private final Set<DependencyEdge> followed;

        WithinDepth(Graph<String, DependencyEdge> graph, String root, int depth, Set<DependencyEdge> followed) {
            super(graph, root);
            this.depth = depth;
            this.followed = followed;
        }

        @Override
        protected Set<DependencyEdge> selectOutgoingEdges(String asset) {
            if (getDepth(asset) >= depth) {
                return Collections.emptySet();
            }
            Set<DependencyEdge> edges = super.selectOutgoingEdges(asset);
            followed.addAll(edges);
            return edges;
        }
    }
}
