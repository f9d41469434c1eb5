package dev.watershed.domain.validation;

/**
 * An error of one record of a batch.
 *
 * @param recordIndex 0-based position of the record in the batch (blank NDJSON lines are not records)
 * @param line        where a person finds the record: the 1-based line of an NDJSON body (blank lines counted), 1 for
 *                    a single JSON record, the 1-based record number of an Avro container
 * @param path        JSON Pointer into the record
 * @param keyword     the failed schema keyword or rule, or {@code null} when the record could not be read
 * @param message     a human explanation
 */
public record ReportedError(long recordIndex, long line, String path, String keyword, String message) {}
