package dev.watershed.application.lineage;

import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.LineageDirection;
import dev.watershed.domain.graph.Subgraph;
import dev.watershed.domain.lineage.ObservedEdge;
import dev.watershed.domain.lineage.ObservedLineage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Declared and observed lineage in one graph, each edge with its provenance: a declared dependency carries what runs
 * showed of it, and a flow no one declared appears as an observed-only edge with the jobs that carried it.
 */
@ApplicationScoped
public class CombinedLineage {

    /** Where an edge is known from. */
    public enum Provenance {
        DECLARED,
        OBSERVED
    }

    /**
     * @param declared the declared dependency; {@code null} for an observed-only edge
     * @param observed what completed runs showed; {@code null} when no run reported the flow
     */
    public record Edge(String producer, String consumer, DependencyEdge declared, ObservedEdge observed) {

        public List<Provenance> provenance() {
            List<Provenance> provenance = new ArrayList<>();
            if (declared != null) {
                provenance.add(Provenance.DECLARED);
            }
            if (observed != null) {
                provenance.add(Provenance.OBSERVED);
            }
            return provenance;
        }
    }

    public record Graph(List<AssetNode> nodes, List<Edge> edges, boolean truncated) {}

    private final DependencyService dependencies;
    private final ObservedLineageService observedLineage;

    public CombinedLineage(DependencyService dependencies, ObservedLineageService observedLineage) {
        this.dependencies = dependencies;
        this.observedLineage = observedLineage;
    }

    /**
     * The declared lineage walk from {@code name}, with the observed edges among the assets it reaches and those
     * observed at {@code name} itself in the direction asked, whose far ends join the nodes.
     */
    public Graph lineage(String name, LineageDirection direction, int depth) {
        Subgraph declared = dependencies.lineage(name, direction, depth);
        return combined(
                declared,
                observedLineage.observed(),
                edge -> depth > 0
                        && (direction != LineageDirection.DOWNSTREAM
                                        && edge.consumer().equals(name)
                                || direction != LineageDirection.UPSTREAM
                                        && edge.producer().equals(name)));
    }

    /** A page of the estate, with the observed edges among the assets on it. */
    public Graph estate(String owner, String kind, int limit) {
        return combined(dependencies.estate(owner, kind, limit), observedLineage.observed(), edge -> false);
    }

    /**
     * The consumers OpenLineage runs showed reading {@code name} that declare no dependency on it, so that impact
     * does not miss them: those whose runs read one of {@code fields} (all of them when empty), or whose runs' column
     * lineage named no field.
     */
    public List<ObservedEdge> undeclaredReaders(String name, List<String> fields) {
        Set<String> declaredReaders = dependencies.consumersOf(name).stream()
                .map(Dependency::consumer)
                .collect(Collectors.toSet());
        List<ObservedEdge> readers = new ArrayList<>();
        for (ObservedEdge edge : observedLineage.observed().edges()) {
            boolean declared = declaredReaders.contains(edge.consumer());
            boolean reads = fields.isEmpty()
                    || edge.fieldsRead().isEmpty()
                    || edge.fieldsRead().stream().anyMatch(fields::contains);
            if (edge.producer().equals(name) && !declared && reads) {
                readers.add(edge);
            }
        }
        return readers;
    }

    private Graph combined(Subgraph declared, ObservedLineage observed, Predicate<ObservedEdge> widens) {
        Map<String, AssetNode> nodes = new LinkedHashMap<>();
        declared.nodes().forEach(node -> nodes.put(node.name(), node));
        List<Edge> edges = new ArrayList<>();
        for (DependencyEdge edge : declared.edges()) {
            edges.add(new Edge(
                    edge.producer(),
                    edge.consumer(),
                    edge,
                    observed.edge(edge.producer(), edge.consumer()).orElse(null)));
        }
        Set<List<String>> declaredPairs = declared.edges().stream()
                .map(edge -> List.of(edge.producer(), edge.consumer()))
                .collect(Collectors.toSet());
        for (ObservedEdge edge : observed.edges()) {
            if (declaredPairs.contains(List.of(edge.producer(), edge.consumer()))) {
                continue;
            }
            boolean within = nodes.containsKey(edge.producer()) && nodes.containsKey(edge.consumer());
            if (within || widens.test(edge) && addNode(nodes, edge)) {
                edges.add(new Edge(edge.producer(), edge.consumer(), null, edge));
            }
        }
        return new Graph(List.copyOf(nodes.values()), edges, declared.truncated());
    }

    /** @return false when the far end is no longer in the graph (deleted since the runs) */
    private boolean addNode(Map<String, AssetNode> nodes, ObservedEdge edge) {
        for (String end : List.of(edge.producer(), edge.consumer())) {
            if (!nodes.containsKey(end)) {
                Optional<AssetNode> node = dependencies.node(end);
                if (node.isEmpty()) {
                    return false;
                }
                nodes.put(end, node.get());
            }
        }
        return true;
    }
}
