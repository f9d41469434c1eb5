package dev.watershed.application.dependency;

import dev.watershed.application.contract.ChangeImpact;
import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.ImpactView;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.FieldImpactAnalysis;
import dev.watershed.domain.graph.ImpactedAsset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the breaking differences of a schema change into the consumers it hurts, with field precision: a consumer
 * that reads none of the changed fields is not impacted, nor is anything downstream of it through that consumer.
 */
@ApplicationScoped
public class ChangeImpactService implements ChangeImpact {

    private final EstateGraph estate;

    public ChangeImpactService(EstateGraph estate) {
        this.estate = estate;
    }

    @Override
    public List<ImpactView> impactOf(
            String asset, List<DifferenceView> differences, Optional<SemanticVersion> newVersion) {
        List<DifferenceView> breaking =
                differences.stream().filter(DifferenceView::breaks).toList();
        DependencyGraph graph = estate.read();
        if (breaking.isEmpty() || graph.node(asset).isEmpty()) {
            return List.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        for (DifferenceView difference : breaking) {
            if (difference.path().isEmpty()) {
                // A change to the schema as a whole touches every field: every consumer is impacted.
                fields.clear();
                break;
            }
            fields.add(difference.path());
        }
        List<ImpactView> impacted = new ArrayList<>();
        for (ImpactedAsset consumer : new FieldImpactAnalysis(graph).impact(asset, fields)) {
            Optional<DependencyEdge> edge =
                    consumer.direct() ? graph.dependency(asset, consumer.name()) : Optional.empty();
            String range =
                    edge.map(dependency -> dependency.versionRange().toString()).orElse(null);
            boolean keepsOldMajor = edge.isPresent()
                    && newVersion.isPresent()
                    && !edge.get().versionRange().matches(newVersion.get());
            impacted.add(ImpactView.of(
                    consumer, range, keepsOldMajor, note(asset, consumer, edge, keepsOldMajor, newVersion)));
        }
        return impacted;
    }

    /** One line naming who is hurt, for the detail of a rejection: "`fraud.scorer` (owner risk-ml) reads ...". */
    private static String note(
            String asset,
            ImpactedAsset consumer,
            Optional<DependencyEdge> edge,
            boolean keepsOldMajor,
            Optional<SemanticVersion> newVersion) {
        if (!consumer.direct()) {
            return consumer.name() + " (owner " + consumer.owner() + ") is " + consumer.reason();
        }
        String reads = consumer.fields().isEmpty()
                ? "reads the whole contract"
                : "reads "
                        + consumer.fields().stream()
                                .map(field -> "`" + field + "`")
                                .collect(Collectors.joining(", "));
        String range = edge.map(dependency -> " with range " + dependency.versionRange())
                .orElse("");
        if (keepsOldMajor) {
            SemanticVersion resolved = edge.flatMap(dependency -> Optional.ofNullable(dependency.resolvedVersion()))
                    .orElse(null);
            String stays = resolved != null ? resolved.major() + ".x" : "its current version";
            return consumer.name() + " (owner " + consumer.owner() + ") " + reads + " of " + asset + range
                    + ": " + newVersion.map(SemanticVersion::toString).orElse("the new version")
                    + " is outside its range, so it stays on " + stays + " until it migrates";
        }
        return consumer.name() + " (owner " + consumer.owner() + ") " + reads + " of " + asset + range
                + " and would receive the change";
    }
}
