package dev.watershed.application.lineage;

import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.SchemaViolation;
import java.util.List;

/**
 * What an ingested event changed.
 *
 * @param replayed true when the same event was stored before: nothing changed
 * @param datasets each dataset of the event, with what its schema facet showed; empty for a replay
 */
public record IngestResult(boolean replayed, String eventKey, List<DatasetCheck> datasets) {

    /** What a dataset's schema facet showed against its asset's contract. */
    public enum SchemaStatus {
        /** The event has no schema facet for the dataset: the last schema stands. */
        NOT_REPORTED,
        /** No asset declares the dataset, or its asset has no contract yet. */
        NOT_CHECKED,
        /** Everything the contract says holds. */
        MATCHES,
        /** It holds, with fields the contract does not name but allows: recorded, no alarm. */
        EXTENDS,
        /** A required field is missing, a type changed or a field is not allowed: {@code contract.violated}. */
        VIOLATES
    }

    /**
     * @param asset           the asset that declares it; {@code null} when none does (listed as unmatched)
     * @param contractVersion the contract it was checked against; {@code null} when not checked
     * @param addedFields     observed fields the contract does not name, as JSON Pointers
     */
    public record DatasetCheck(
            DatasetId dataset,
            String asset,
            String contractVersion,
            SchemaStatus schema,
            List<SchemaViolation> violations,
            List<String> addedFields) {}

    public IngestResult {
        datasets = List.copyOf(datasets);
    }
}
