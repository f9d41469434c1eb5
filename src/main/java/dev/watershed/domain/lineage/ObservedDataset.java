package dev.watershed.domain.lineage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset as one event saw it, with the facets Watershed reads; the others stay in the stored raw event.
 *
 * @param schema        the fields of its {@code schema} facet; {@code null} when the event carries none, which
 *                      leaves the last schema standing
 * @param symlinks      other identifiers of the same dataset ({@code symlinks} facet); empty when none
 * @param columnLineage for an output: each output field name to the input fields it is computed from; empty
 *                      without a {@code columnLineage} facet
 */
public record ObservedDataset(
        DatasetId id,
        List<LineageField> schema,
        List<DatasetId> symlinks,
        Map<String, List<ColumnRead>> columnLineage) {

    public ObservedDataset {
        Objects.requireNonNull(id, "id");
        schema = schema == null ? null : List.copyOf(schema);
        symlinks = symlinks == null ? List.of() : List.copyOf(symlinks);
        columnLineage = columnLineage == null ? Map.of() : Map.copyOf(columnLineage);
    }
}
