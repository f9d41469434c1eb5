package dev.watershed.domain.validation;

/**
 * How often one kind of error occurred in a batch.
 *
 * @param path    JSON Pointer with array indices replaced by {@code *}, so {@code /lines/3/price} and
 *                {@code /lines/7/price} count together
 * @param keyword the failed keyword, or {@code null} for unreadable records
 * @param count   exact number of occurrences
 */
public record ErrorCount(String path, String keyword, long count) {}
