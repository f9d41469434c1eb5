package dev.watershed.application.dependency;

import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import java.util.List;

/**
 * Everything the dependency graph holds, read from the store in bulk.
 *
 * @param version the estate change counter read before the rows, so a later change is never mistaken as included
 */
public record EstateSnapshot(List<AssetNode> assets, List<DependencyEdge> dependencies, long version) {}
