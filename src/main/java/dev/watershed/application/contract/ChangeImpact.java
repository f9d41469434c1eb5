package dev.watershed.application.contract;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.List;
import java.util.Optional;

/**
 * Which consumers a schema change hurts, asked by publishing and by the dry-run check. A port: the dependency
 * capability answers it from the graph, so that contracts need not know how dependencies are kept.
 */
public interface ChangeImpact {

    /**
     * @param differences the change; only the differences that break some reader count, and nothing is impacted
     *                    when none does
     * @param newVersion  the version the change would be published as, to tell direct consumers whether their
     *                    range follows it
     * @return the consumers impacted, nearest first; empty when nothing breaks or the asset has no consumer
     */
    List<ImpactView> impactOf(String asset, List<DifferenceView> differences, Optional<SemanticVersion> newVersion);
}
