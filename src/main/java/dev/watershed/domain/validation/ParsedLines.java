package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Consecutive records of an NDJSON batch, read and parsed, on their way to be validated: each a parsed record or
 * the reason it could not be read. Handing records over in groups rather than one by one keeps the cost of passing
 * them between threads far below that of validating them; the group closes at {@link #CAPACITY} records or once it
 * holds {@link #MAX_SOURCE_BYTES} of input, so that a few groups in flight stay small in memory whatever the size
 * of the records. Reused from batch to batch; owned by one thread at a time.
 */
final class ParsedLines {

    static final int CAPACITY = 64;
    static final int MAX_SOURCE_BYTES = 64 * 1024;

    private final JsonNode[] records = new JsonNode[CAPACITY];
    private final RecordError[] unreadable = new RecordError[CAPACITY];
    private final long[] lines = new long[CAPACITY];
    private long firstIndex;
    private int size;
    private long sourceBytes;

    /** Empties the group; its next record is record {@code firstIndex} of the batch. */
    void reset(long firstIndex) {
        Arrays.fill(records, 0, size, null);
        Arrays.fill(unreadable, 0, size, null);
        this.firstIndex = firstIndex;
        this.size = 0;
        this.sourceBytes = 0;
    }

    void addRecord(JsonNode record, long line, int bytes) {
        records[size] = record;
        add(line, bytes);
    }

    void addUnreadable(RecordError reason, long line, int bytes) {
        unreadable[size] = reason;
        add(line, bytes);
    }

    private void add(long line, int bytes) {
        lines[size] = line;
        size++;
        sourceBytes += bytes;
    }

    boolean isFull() {
        return size == CAPACITY || sourceBytes >= MAX_SOURCE_BYTES;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The index in the batch of the {@code i}th record of this group. */
    long index(int i) {
        return firstIndex + i;
    }

    /** The 1-based line of the input the {@code i}th record was on. */
    long line(int i) {
        return lines[i];
    }

    /** The parsed record, or {@code null} when it could not be read (see {@link #unreadable(int)}). */
    JsonNode record(int i) {
        return records[i];
    }

    /** Why the {@code i}th record could not be read, or {@code null} when it was. */
    RecordError unreadable(int i) {
        return unreadable[i];
    }
}
