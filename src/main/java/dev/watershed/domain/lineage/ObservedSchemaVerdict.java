package dev.watershed.domain.lineage;

import java.util.List;

/**
 * How a dataset's observed schema (an OpenLineage {@code schema} facet) stands against its asset's contract.
 *
 * @param violations  where the observed schema breaks the contract, in the observed schema's order, each level's
 *                    missing fields after its present ones; empty when it keeps the contract
 * @param addedFields canonical JSON Pointers of observed fields the contract does not name but allows (an open
 *                    model, or Avro, whose readers ignore fields they do not know); an added struct is listed once,
 *                    not with its own fields
 */
public record ObservedSchemaVerdict(List<SchemaViolation> violations, List<String> addedFields) {

    public ObservedSchemaVerdict {
        violations = List.copyOf(violations);
        addedFields = List.copyOf(addedFields);
    }

    /** Whether the observed schema breaks the contract anywhere. */
    public boolean violated() {
        return !violations.isEmpty();
    }
}
