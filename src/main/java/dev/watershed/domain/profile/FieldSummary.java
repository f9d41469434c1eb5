package dev.watershed.domain.profile;

import java.util.Map;

/**
 * Profile of one field path, ready for JSON.
 *
 * @param count       occurrences (null included): records for top-level fields, elements for paths under arrays
 * @param nulls       occurrences whose value was {@code null}
 * @param missing     times the enclosing object was present without this field
 * @param types       occurrences per JSON type ({@code string}, {@code integer}, ...), zero counts left out
 * @param numbers     stats of numeric values, or {@code null} when there were none
 * @param strings     stats of string values, or {@code null} when there were none
 * @param arrayLength stats of array lengths, or {@code null} when the field was never an array
 * @param booleans    exact counts of boolean values under {@code true} and {@code false}, plus {@code unknown} for
 *                    booleans merged in from profiles stored before values were counted; {@code null} when the
 *                    field was never a boolean
 */
public record FieldSummary(
        long count,
        long nulls,
        long missing,
        Map<String, Long> types,
        NumericSummary numbers,
        StringSummary strings,
        NumericSummary arrayLength,
        Map<String, Long> booleans) {}
