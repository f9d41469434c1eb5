package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/** A batch with more records than {@link ValidationLimits#maxRecords()} allows; nothing of it is reported. */
public class BatchTooLargeException extends WatershedException {

    private final long maxRecords;

    public BatchTooLargeException(long maxRecords) {
        super("BATCH_TOO_LARGE", "The batch has more than " + maxRecords + " records; split it into smaller requests.");
        this.maxRecords = maxRecords;
    }

    /** The limit that was exceeded. */
    public long maxRecords() {
        return maxRecords;
    }
}
