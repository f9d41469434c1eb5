package dev.watershed.domain.lineage;

import java.util.Objects;

/** One input field an output field is computed from, as the {@code columnLineage} facet gives it. */
public record ColumnRead(DatasetId input, String field) {

    public ColumnRead {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(field, "field");
    }
}
