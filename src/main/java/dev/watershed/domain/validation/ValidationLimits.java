package dev.watershed.domain.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * @param maxBlockBytes  largest block of an Avro container file, as stored and once decompressed (and largest file
 *                       header); a larger one fails the whole batch with {@link BlockTooLargeException}
 */
public record ValidationLimits(int maxRecordBytes, int maxDepth, long maxRecords, int maxErrors, int maxBlockBytes) {

    /** 1 MiB per record. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final long DEFAULT_MAX_RECORDS = 10_000_000L;
    public static final int DEFAULT_MAX_ERRORS = 100;
    /** 16 MiB: Avro writers cut blocks at 64 KB by default, and a block holds at least one record. */
    public static final int DEFAULT_MAX_BLOCK_BYTES = 16 << 20;

    public ValidationLimits {
        if (maxRecordBytes < 1 || maxDepth < 1 || maxRecords < 1 || maxErrors < 0 || maxBlockBytes < 1) {
            throw new IllegalArgumentException("limits must be positive (maxErrors may be 0)");
        }
    }

    /** 1 MiB, depth 64, 10 million records, 100 errors, 16 MiB per Avro block. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(
                DEFAULT_MAX_RECORD_BYTES,
                DEFAULT_MAX_DEPTH,
                DEFAULT_MAX_RECORDS,
                DEFAULT_MAX_ERRORS,
                DEFAULT_MAX_BLOCK_BYTES);
    }

    public ValidationLimits withMaxRecordBytes(int value) {
        return new ValidationLimits(value, maxDepth, maxRecords, maxErrors, maxBlockBytes);
    }

    public ValidationLimits withMaxDepth(int value) {
        return new ValidationLimits(maxRecordBytes, value, maxRecords, maxErrors, maxBlockBytes);
    }

    public ValidationLimits withMaxRecords(long value) {
        return new ValidationLimits(maxRecordBytes, maxDepth, value, maxErrors, maxBlockBytes);
    }

    public ValidationLimits withMaxErrors(int value) {
        return new ValidationLimits(maxRecordBytes, maxDepth, maxRecords, value, maxBlockBytes);
    }

    public ValidationLimits withMaxBlockBytes(int value) {
        return new ValidationLimits(maxRecordBytes, maxDepth, maxRecords, maxErrors, value);
    }

    /**
     * A JSON reader that enforces these limits while parsing: Jackson counts depth as it reads, so a hostile record
     * fails fast instead of overflowing the stack of the parser, of networknt or of the profiler. Trailing content
     * after the value is refused. Decimals are read with Jackson's fast parser, which rounds exactly as
     * {@link Double#parseDouble} does, only sooner: records are mostly numbers and strings.
     */
    public ObjectReader jsonReader() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxRecordBytes)
                        .build())
                .build();
        return new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
