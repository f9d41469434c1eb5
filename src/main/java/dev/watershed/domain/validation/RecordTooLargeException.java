package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/** A single record larger than {@link ValidationLimits#maxRecordBytes()}; it was not read to its end. */
public class RecordTooLargeException extends WatershedException {

    public RecordTooLargeException(int maxRecordBytes) {
        super(
                "RECORD_TOO_LARGE",
                "The record has more than " + maxRecordBytes + " bytes (watershed.validation.max-record-bytes).");
    }
}
