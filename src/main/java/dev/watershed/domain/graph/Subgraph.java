package dev.watershed.domain.graph;

import java.util.List;

/**
 * Part of the graph returned by a query.
 *
 * @param nodes     the assets, in the order the query defines
 * @param edges     the dependencies between them that the query followed or selected
 * @param truncated whether the query stopped at its limit with more assets left
 */
public record Subgraph(List<AssetNode> nodes, List<DependencyEdge> edges, boolean truncated) {

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
