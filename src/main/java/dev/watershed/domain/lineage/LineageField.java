package dev.watershed.domain.lineage;

import java.util.List;
import java.util.Objects;

/**
 * One field of an OpenLineage {@code schema} dataset facet.
 *
 * @param name   the field's name within its parent
 * @param type   the type as the emitter wrote it ({@code string}, {@code integer}, {@code BIGINT}, {@code struct},
 *               {@code array}, ...); {@code null} when the facet gives none
 * @param fields the nested fields of a struct, or of an array's items (facet version 1-1-0); empty when none
 */
public record LineageField(String name, String type, String description, List<LineageField> fields) {

    public LineageField {
        Objects.requireNonNull(name, "name");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
