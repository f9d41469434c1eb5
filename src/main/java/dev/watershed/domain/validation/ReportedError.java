package dev.watershed.domain.validation;

/**
 * An error of one record of a batch.
 *
 * @param recordIndex 0-based position of the record in the batch (blank NDJSON lines are not records)
 * @param path        JSON Pointer into the record
 * @param keyword     the failed schema keyword or rule, or {@code null} when the record could not be read
 * @param message     a human explanation
 */
public record ReportedError(long recordIndex, String path, String keyword, String message) {}
