package dev.watershed.domain.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of validating a batch: exact counts, the first {@code maxErrors} errors in full and an exact
 * per-(path, keyword) summary of all of them. It is filled while the batch streams by and is not thread-safe.
 */
public final class ValidationReport {

    private final int maxErrors;
    private final List<ReportedError> errors = new ArrayList<>();
    private final ErrorSummary summary = new ErrorSummary();
    private long total;
    private long invalid;
    private long errorCount;

    /** An empty report that keeps at most {@code maxErrors} individual errors. */
    public ValidationReport(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Counts a record that conforms. */
    public void recordValid() {
        total++;
    }

    /**
     * Counts a record that does not conform, with its errors (at least one); its line is its 1-based position, as for
     * an Avro container or a single record.
     */
    public void recordInvalid(long recordIndex, List<RecordError> recordErrors) {
        recordInvalid(recordIndex, recordIndex + 1, recordErrors);
    }

    /**
     * Counts a record that does not conform, with its errors (at least one), found at {@code line} of the input (an
     * NDJSON body's blank lines make the two differ).
     */
    public void recordInvalid(long recordIndex, long line, List<RecordError> recordErrors) {
        total++;
        invalid++;
        for (RecordError error : recordErrors) {
            errorCount++;
            summary.add(error.path(), error.keyword());
            if (errors.size() < maxErrors) {
                errors.add(new ReportedError(recordIndex, line, error.path(), error.keyword(), error.message()));
            }
        }
    }

    /** Counts a record that does not conform for a single reason. */
    public void recordInvalid(long recordIndex, RecordError error) {
        recordInvalid(recordIndex, List.of(error));
    }

    /** Records seen, valid or not. */
    public long total() {
        return total;
    }

    public long valid() {
        return total - invalid;
    }

    public long invalid() {
        return invalid;
    }

    /** All errors of all records, including those not kept in {@link #errors()}. */
    public long errorCount() {
        return errorCount;
    }

    /** The first {@code maxErrors} errors in batch order. */
    public List<ReportedError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** True when {@link #errors()} holds fewer errors than occurred. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }

    /** Exact error counts per (path, keyword), most frequent first. */
    public List<ErrorCount> errorSummary() {
        return summary.toList();
    }
}
