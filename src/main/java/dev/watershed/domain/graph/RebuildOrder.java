package dev.watershed.domain.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The order in which to rebuild or retrain what lies downstream of a changed asset: JGraphT's
 * {@link TopologicalOrderIterator} over the downstream part of the graph (an {@link AsSubgraph} view, no copy),
 * smallest name first among the assets that are ready, so the order is stable.
 */
public final class RebuildOrder {

    private final ReadableDependencyGraph graph;

    /** @param graph the live graph or a snapshot */
    public RebuildOrder(ReadableDependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * The assets downstream of {@code name}, excluding {@code name} itself, in an order safe for rebuilding or
     * retraining: every asset comes after all of its producers that are also being rebuilt. Ties are broken by
     * name.
     *
     * @return empty when nothing reads {@code name}
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public List<AssetNode> downstreamOf(String name) {
        return graph.read(view -> {
            view.require(name);
            Set<String> downstream = new HashSet<>();
            BreadthFirstIterator<String, DependencyEdge> walk = new BreadthFirstIterator<>(view, name);
            walk.next();
            walk.forEachRemaining(downstream::add);
            // What a downstream asset feeds is downstream too, so these are exactly the edges among them. Passing
            // them keeps AsSubgraph from scanning every edge of the estate for the ones between its vertices.
            Set<DependencyEdge> among = new HashSet<>();
            for (String asset : downstream) {
                among.addAll(view.outgoingEdgesOf(asset));
            }
            TopologicalOrderIterator<String, DependencyEdge> order = new TopologicalOrderIterator<>(
                    new AsSubgraph<>(view, downstream, among), Comparator.naturalOrder());
            List<AssetNode> ordered = new ArrayList<>(downstream.size());
            order.forEachRemaining(asset -> ordered.add(view.require(asset)));
            return List.copyOf(ordered);
        });
    }
}
