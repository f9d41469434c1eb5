package dev.watershed.domain.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.watershed.domain.ComputeBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Validates newline-delimited JSON (one record per line) as it streams in, in memory bounded by
 * {@link ValidationLimits#maxRecordBytes()} whatever the size of the body. Blank lines are ignored; a line that is
 * too long, not JSON, or nested too deeply is an invalid record and the batch goes on. Immutable and thread-safe:
 * one instance can serve concurrent requests.
 */
public final class NdjsonBatchValidator {

    private final RecordValidator validator;
    private final ValidationLimits limits;
    private final ObjectReader reader;

    /** A batch validator applying {@code validator} to every record within {@code limits}. */
    public NdjsonBatchValidator(RecordValidator validator, ValidationLimits limits) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = limits.jsonReader();
    }

    /**
     * Validates every record of the stream.
     *
     * @param ndjson the body; read to its end but not closed
     * @return the report of the whole batch
     * @throws BatchTooLargeException if the stream holds more than {@link ValidationLimits#maxRecords()} records
     * @throws UncheckedIOException   if reading the stream fails
     */
    public ValidationReport validate(InputStream ndjson) {
        return validate(ndjson, null);
    }

    /**
     * Validates every record of the stream and hands each readable record, valid or not, to {@code observer}
     * (for instance a profiler) after validation.
     *
     * @param observer receives each parsed record; may be {@code null}
     * @throws BatchTooLargeException if the stream holds more than {@link ValidationLimits#maxRecords()} records
     * @throws UncheckedIOException   if reading the stream fails
     */
    public ValidationReport validate(InputStream ndjson, Consumer<JsonNode> observer) {
        return validate(ndjson, observer, ComputeBudget.unlimited());
    }

    /**
     * Validates every record of the stream within a compute budget per record: a batch is as long as the record
     * limits let it be, but no single record may take longer than the budget, and cancelling it (the client hung
     * up) stops the batch at the next record.
     *
     * @param observer receives each parsed record; may be {@code null}
     * @param budget   what each record may take; renewed for every record
     * @throws BatchTooLargeException                             beyond {@link ValidationLimits#maxRecords()}
     * @throws UncheckedIOException                               if reading the stream fails
     * @throws dev.watershed.domain.ComputeBudgetExceededException when a record takes longer than the budget
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    public ValidationReport validate(InputStream ndjson, Consumer<JsonNode> observer, ComputeBudget budget) {
        ValidationReport report = new ValidationReport(limits.maxErrors());
        BoundedLineReader lines = new BoundedLineReader(ndjson, limits.maxRecordBytes());
        long index = 0;
        long line = 0;
        try {
            for (BoundedLineReader.Status status = lines.next();
                    status != BoundedLineReader.Status.END;
                    status = lines.next()) {
                line++;
                if (status == BoundedLineReader.Status.LINE && lines.isBlank()) {
                    continue;
                }
                if (index == limits.maxRecords()) {
                    throw new BatchTooLargeException(limits.maxRecords());
                }
                if (status == BoundedLineReader.Status.TOO_LONG) {
                    report.recordInvalid(
                            index,
                            line,
                            List.of(new RecordError("", null, "record exceeds " + limits.maxRecordBytes() + " bytes")));
                } else {
                    validateLine(lines, index, line, report, observer, budget.renewed());
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the NDJSON body failed", e);
        }
        return report;
    }

    private void validateLine(
            BoundedLineReader lines,
            long index,
            long line,
            ValidationReport report,
            Consumer<JsonNode> observer,
            ComputeBudget budget) {
        JsonNode record;
        try {
            record = reader.readTree(lines.buffer(), 0, lines.length());
        } catch (JsonProcessingException e) {
            report.recordInvalid(
                    index, line, List.of(new RecordError("", null, "malformed JSON: " + JsonRecordReader.reasonOf(e))));
            return;
        } catch (IOException e) {
            // Reading a byte array cannot fail on I/O; anything else is a parse problem of this record.
            report.recordInvalid(
                    index, line, List.of(new RecordError("", null, "unreadable record: " + e.getMessage())));
            return;
        }
        List<RecordError> errors = validator.validate(record, budget);
        if (errors.isEmpty()) {
            report.recordValid();
        } else {
            report.recordInvalid(index, line, errors);
        }
        if (observer != null) {
            observer.accept(record);
        }
    }
}
