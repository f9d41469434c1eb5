package dev.watershed.domain.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than one line of at most {@code maxLineBytes}: a longer
 * line is skipped byte by byte and only reported. The line buffer is reused, so callers must consume
 * {@link #buffer()} before the next call to {@link #next()}.
 */
final class BoundedLineReader {

    /** What {@link #next()} found. */
    enum Status {
        LINE,
        TOO_LONG,
        END
    }

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int INITIAL_LINE_BYTES = 8 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int chunkPos;
    private int chunkLimit;
    private byte[] line = new byte[INITIAL_LINE_BYTES];
    private int lineLength;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line; on {@link Status#LINE} its bytes are {@code buffer()[0, length())}, without EOL. */
    Status next() throws IOException {
        lineLength = 0;
        boolean tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                int read = in.read(chunk, 0, CHUNK_BYTES);
                if (read < 0) {
                    if (!sawAnything) {
                        return Status.END;
                    }
                    return finish(tooLong);
                }
                chunkPos = 0;
                chunkLimit = read;
            }
            sawAnything = true;
            int start = chunkPos;
            int newline = indexOfNewline(start);
            int end = newline < 0 ? chunkLimit : newline;
            if (!tooLong) {
                tooLong = !append(start, end - start);
            }
            if (newline >= 0) {
                chunkPos = newline + 1;
                return finish(tooLong);
            }
            chunkPos = chunkLimit;
        }
    }

    private Status finish(boolean tooLong) {
        if (tooLong) {
            lineLength = 0;
            return Status.TOO_LONG;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return Status.LINE;
    }

    private int indexOfNewline(int from) {
        byte[] bytes = chunk;
        for (int i = from, limit = chunkLimit; i < limit; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Copies into the line buffer; false when the line would exceed the limit (a trailing CR is tolerated). */
    private boolean append(int from, int count) {
        int needed = lineLength + count;
        if (needed > maxLineBytes + 1) {
            return false;
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxLineBytes + 1));
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength = needed;
        if (needed == maxLineBytes + 1 && line[needed - 1] != '\r') {
            return false;
        }
        return true;
    }

    byte[] buffer() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** True when the current line holds only JSON whitespace. */
    boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
