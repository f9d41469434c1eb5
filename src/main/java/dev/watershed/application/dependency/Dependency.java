package dev.watershed.application.dependency;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import java.time.Instant;
import java.util.List;

/**
 * A stored dependency: the graph's edge plus when and by whom it was declared.
 *
 * @param versionRange    {@code null} when declared without one on a producer that had no contract yet (lineage
 *                        only); the producer's first publish gives it {@code ^<major>} of that version
 * @param resolvedVersion the highest published version of the producer in the range; kept current on publish;
 *                        {@code null} while none is published in the range
 * @param fields          canonical JSON Pointers; empty for the whole contract
 * @param terms           split key, target fields, cost and benefit; {@code null} means none declared
 */
public record Dependency(
        String producer,
        String consumer,
        VersionRange versionRange,
        SemanticVersion resolvedVersion,
        List<String> fields,
        Usage usage,
        String note,
        Instant createdAt,
        String createdBy,
        UsageTerms terms) {

    public Dependency {
        fields = List.copyOf(fields);
        terms = terms == null ? UsageTerms.NONE : terms;
    }

    public DependencyEdge toEdge() {
        return new DependencyEdge(producer, consumer, versionRange, resolvedVersion, fields, usage, note, terms);
    }
}
