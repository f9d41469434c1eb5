package dev.watershed.domain.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.watershed.domain.ComputeBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Validates newline-delimited JSON (one record per line) as it streams in, in memory bounded by
 * {@link ValidationLimits#maxRecordBytes()} whatever the size of the body. Blank lines are ignored; a line that is
 * too long, not JSON, or nested too deeply is an invalid record and the batch goes on. Given threads to validate on,
 * the calling thread reads and parses the body while another validates what it has read (see
 * {@link ValidationPipeline}); the report is the same either way. Immutable and thread-safe: one instance can serve
 * concurrent requests.
 */
public final class NdjsonBatchValidator {

    private final RecordValidator validator;
    private final ValidationLimits limits;
    private final ObjectReader reader;
    private final Executor validationThreads;

    /** A batch validator applying {@code validator} to every record within {@code limits}, on the calling thread. */
    public NdjsonBatchValidator(RecordValidator validator, ValidationLimits limits) {
        this(validator, limits, null);
    }

    /**
     * A batch validator that validates on a thread of {@code validationThreads} while the calling thread reads.
     *
     * @param validationThreads runs the validating side of each batch at once, on a thread of its own (a cached
     *                          pool); {@code null}, or a refusal to run it, validates on the calling thread
     */
    public NdjsonBatchValidator(RecordValidator validator, ValidationLimits limits, Executor validationThreads) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = limits.jsonReader();
        this.validationThreads = validationThreads;
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
     * (for instance a profiler), in order and on the calling thread, as it is read.
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
     * up) stops the batch at the next record. The first failure in the order of the records is thrown.
     *
     * @param observer receives each parsed record, in order and on the calling thread; may be {@code null}
     * @param budget   what each record may take; renewed for every record
     * @throws BatchTooLargeException                             beyond {@link ValidationLimits#maxRecords()}
     * @throws UncheckedIOException                               if reading the stream fails
     * @throws dev.watershed.domain.ComputeBudgetExceededException when a record takes longer than the budget
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    public ValidationReport validate(InputStream ndjson, Consumer<JsonNode> observer, ComputeBudget budget) {
        RecordGroupValidation validation =
                new RecordGroupValidation(validator, budget, new ValidationReport(limits.maxErrors()));
        LinesHandoff handoff =
                validationThreads == null ? null : ValidationPipeline.start(validation, validationThreads);
        return read(ndjson, observer, handoff == null ? LinesHandoff.sequential(validation) : handoff);
    }

    private ValidationReport read(InputStream ndjson, Consumer<JsonNode> observer, LinesHandoff handoff) {
        BoundedLineReader lines = new BoundedLineReader(ndjson, limits.maxRecordBytes());
        long index = 0;
        long line = 0;
        ParsedLines group = null;
        try {
            group = handoff.take(index);
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
                    group.addUnreadable(
                            new RecordError("", null, "record exceeds " + limits.maxRecordBytes() + " bytes"),
                            line,
                            limits.maxRecordBytes());
                } else {
                    parseLine(lines, line, group, observer);
                }
                index++;
                if (group.isFull()) {
                    ParsedLines filled = group;
                    group = null;
                    handoff.put(filled);
                    if (handoff.validationFailed()) {
                        break;
                    }
                    group = handoff.take(index);
                }
            }
            if (group != null) {
                ParsedLines last = group;
                group = null;
                handoff.put(last);
            }
        } catch (IOException e) {
            throw handoff.failedReading(group, new UncheckedIOException("Reading the NDJSON body failed", e));
        } catch (RuntimeException e) {
            throw handoff.failedReading(group, e);
        } catch (Error e) {
            // Still end the batch, so that a validating thread does not wait for groups forever.
            handoff.failedReading(group, new IllegalStateException(e));
            throw e;
        }
        return handoff.finish();
    }

    private void parseLine(BoundedLineReader lines, long line, ParsedLines group, Consumer<JsonNode> observer) {
        JsonNode record;
        try {
            record = reader.readTree(lines.buffer(), 0, lines.length());
        } catch (JsonProcessingException e) {
            group.addUnreadable(
                    new RecordError("", null, "malformed JSON: " + JsonRecordReader.reasonOf(e)), line, lines.length());
            return;
        } catch (IOException e) {
            // Reading a byte array cannot fail on I/O; anything else is a parse problem of this record.
            group.addUnreadable(
                    new RecordError("", null, "unreadable record: " + e.getMessage()), line, lines.length());
            return;
        }
        group.addRecord(record, line, lines.length());
        if (observer != null) {
            observer.accept(record);
        }
    }
}
