package dev.watershed.application.lineage;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.SchemaViolation;
import java.time.Instant;
import java.util.List;

/**
 * A dataset's observed schema (an OpenLineage {@code schema} facet) broke its asset's latest contract. Fired
 * synchronously inside the ingesting transaction, like {@code DriftDetected}, so that the outbox entry commits with
 * the event.
 *
 * @param job       the job that reported it; {@code null} for a dataset event
 * @param runId     {@code null} unless a run reported it
 * @param eventType the run's state; {@code null} unless a run reported it
 */
public record ContractViolated(
        String asset,
        SemanticVersion version,
        DatasetId dataset,
        JobId job,
        String runId,
        String eventType,
        Instant eventTime,
        List<SchemaViolation> violations) {

    public ContractViolated {
        violations = List.copyOf(violations);
    }

    /** The contract fields concerned, for field-precise impact. */
    public List<String> fields() {
        return violations.stream().map(SchemaViolation::field).distinct().toList();
    }
}
