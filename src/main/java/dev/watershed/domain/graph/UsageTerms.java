package dev.watershed.domain.graph;

import dev.watershed.domain.contract.FieldPath;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ML consumer declares about how it uses a producer, beyond which fields: how a train/evaluation split was
 * made, which fields it learns to predict, and what the data costs and is worth.
 *
 * @param splitKey     how the rows were split between training and evaluation: a JSON Pointer into the producer's
 *                     contract (e.g. {@code /patient_id}) or free text (e.g. "by sale_date, before 2025-01-01");
 *                     {@code null} when not declared
 * @param targetFields fields the consumer learns to predict (a model's label) or, for a feature table or dataset,
 *                     carries through as the label; canonical JSON Pointers, never {@code null}
 * @param cost         {@code null} when not declared
 * @param benefit      {@code null} when not declared
 */
public record UsageTerms(String splitKey, List<String> targetFields, Cost cost, Benefit benefit) {

    /** Nothing declared. */
    public static final UsageTerms NONE = new UsageTerms(null, List.of(), null, null);

    public UsageTerms {
        targetFields = normalize(targetFields);
    }

    /**
     * Whether {@code field} (a canonical pointer) is, or lies inside, a target field ({@link FieldPath#isPrefixOf},
     * so {@code *} stands for any array item on either side).
     */
    public boolean isTarget(String field) {
        for (String target : targetFields) {
            if (FieldPath.isPrefixOf(target, field)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> normalize(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return List.of();
        }
        Set<String> canonical = new LinkedHashSet<>();
        fields.forEach(field -> canonical.add(FieldPath.normalize(field)));
        return List.copyOf(canonical);
    }
}
