package dev.watershed.domain.graph;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.Objects;

/**
 * A data asset in the dependency graph.
 *
 * @param name          unique name, e.g. {@code payments.transactions}
 * @param kind          free-form kind such as {@code SOURCE}, {@code DATASET}, {@code FEATURE}, {@code MODEL}; a
 *                      string so the graph does not need changing when a team invents a new kind
 * @param owner         owning team; {@code null} when unknown
 * @param latestVersion latest published contract version; {@code null} when the asset has no contract yet
 */
public record AssetNode(String name, String kind, String owner, SemanticVersion latestVersion) {

    public AssetNode {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an asset needs a name");
        }
        Objects.requireNonNull(kind, "kind");
    }
}
