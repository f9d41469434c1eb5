package dev.watershed.domain.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Bounds that keep one batch from exhausting memory or stack.
 *
 * @param maxRecordBytes largest record (one NDJSON line) in bytes; longer records are reported invalid and skipped
 * @param maxDepth       deepest nesting of objects and arrays in a record; deeper records are reported invalid
 * @param maxRecords     most records in one batch; more fails the whole batch with {@link BatchTooLargeException}
 * @param maxErrors      most individual errors kept in a {@link ValidationReport}; counts stay exact beyond it
 */
public record ValidationLimits(int maxRecordBytes, int maxDepth, long maxRecords, int maxErrors) {

    /** 1 MiB per record. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final long DEFAULT_MAX_RECORDS = 10_000_000L;
    public static final int DEFAULT_MAX_ERRORS = 100;

    public ValidationLimits {
        if (maxRecordBytes < 1 || maxDepth < 1 || maxRecords < 1 || maxErrors < 0) {
            throw new IllegalArgumentException("limits must be positive (maxErrors may be 0)");
        }
    }

    /** 1 MiB, depth 64, 10 million records, 100 errors. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_RECORDS,
                DEFAULT_MAX_ERRORS);
    }

    public ValidationLimits withMaxRecordBytes(int value) {
        return new ValidationLimits(value, maxDepth, maxRecords, maxErrors);
    }

    public ValidationLimits withMaxDepth(int value) {
        return new ValidationLimits(maxRecordBytes, value, maxRecords, maxErrors);
    }

    public ValidationLimits withMaxRecords(long value) {
        return new ValidationLimits(maxRecordBytes, maxDepth, value, maxErrors);
    }

    public ValidationLimits withMaxErrors(int value) {
        return new ValidationLimits(maxRecordBytes, maxDepth, maxRecords, value);
    }

    /**
     * A JSON reader that enforces these limits while parsing: Jackson counts depth as it reads, so a hostile record
     * fails fast instead of overflowing the stack of the parser, of networknt or of the profiler. Trailing content
     * after the value is refused.
     */
    public ObjectReader jsonReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxRecordBytes)
                        .build())
                .build();
        return new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
