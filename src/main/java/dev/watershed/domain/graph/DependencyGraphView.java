package dev.watershed.domain.graph;

import java.util.Optional;
import org.jgrapht.Graph;

/**
 * One consistent, read-only state of the dependency graph, as the graph algorithms see it: a JGraphT
 * {@link Graph} whose vertices are asset names and whose edges point the way data flows (producer → consumer),
 * plus the asset each name stands for. Every mutating method throws {@link UnsupportedOperationException}.
 *
 * <p>A {@link GraphSnapshot} is one for good; the live {@link DependencyGraph}'s view is valid only inside
 * {@link ReadableDependencyGraph#read}, so nothing computed from it may keep it.
 *
 * <p>{@link #getEdgeSource} and {@link #getEdgeTarget} answer from the edge itself ({@link DependencyEdge#producer()},
 * {@link DependencyEdge#consumer()}): JGraphT would look the edge up in a map keyed by the whole record, hashing all
 * of its fields, on every step of a traversal.
 */
public interface DependencyGraphView extends Graph<String, DependencyEdge> {

    /**
     * The asset with this name.
     *
     * @return empty when the graph does not hold it
     */
    Optional<AssetNode> asset(String name);

    /**
     * The asset with this name, which must be in the graph.
     *
     * @throws AssetNotInGraphException when the graph does not hold {@code name} (or it is {@code null})
     */
    default AssetNode require(String name) {
        Optional<AssetNode> asset = name == null ? Optional.empty() : asset(name);
        return asset.orElseThrow(() -> AssetNotInGraphException.queried(name));
    }
}
