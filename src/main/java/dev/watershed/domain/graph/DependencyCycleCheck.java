package dev.watershed.domain.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;

/**
 * Whether a new dependency would make data flow in a circle, and through which assets: it would when its producer
 * is already downstream of its consumer, and the cycle named is the shortest such path (JGraphT's
 * {@link BFSShortestPath}) closed by the new dependency. Lets a writer refuse a dependency before it commits it
 * anywhere; the graph itself refuses it too ({@link DependencyGraph#putDependency}).
 */
public final class DependencyCycleCheck {

    private final ReadableDependencyGraph graph;

    /** @param graph the live graph or a snapshot */
    public DependencyCycleCheck(ReadableDependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * The cycle that adding a dependency of {@code consumer} on {@code producer} would close, without changing the
     * graph.
     *
     * @return the asset names around the cycle in data-flow order, producer first and last (e.g. {@code [a, b, a]}
     *         when {@code a} already feeds {@code b} and {@code a} would now read {@code b}); {@code [a, a]} for a
     *         self-dependency; empty when the dependency is safe, including when it already exists
     * @throws AssetNotInGraphException when the producer or consumer is not in the graph
     */
    public Optional<List<String>> cycleIfAdded(String producer, String consumer) {
        return graph.read(view -> cycleIfAdded(view, producer, consumer));
    }

    /** As {@link #cycleIfAdded(String, String)}, on a view the caller already holds (the graph, mid-write). */
    static Optional<List<String>> cycleIfAdded(DependencyGraphView view, String producer, String consumer) {
        requireEnd(view, producer, producer, consumer);
        requireEnd(view, consumer, producer, consumer);
        if (producer.equals(consumer)) {
            return Optional.of(List.of(producer, producer));
        }
        if (view.getEdge(producer, consumer) != null) {
            return Optional.empty();
        }
        GraphPath<String, DependencyEdge> back = new BFSShortestPath<>(view).getPath(consumer, producer);
        if (back == null) {
            return Optional.empty();
        }
        List<String> cycle = new ArrayList<>(back.getLength() + 2);
        cycle.add(producer);
        cycle.addAll(back.getVertexList());
        return Optional.of(List.copyOf(cycle));
    }

    private static void requireEnd(DependencyGraphView view, String name, String producer, String consumer) {
        if (name == null || !view.containsVertex(name)) {
            throw AssetNotInGraphException.named(name, producer, consumer);
        }
    }
}
