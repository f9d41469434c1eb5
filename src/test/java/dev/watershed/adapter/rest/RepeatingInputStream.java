package dev.watershed.adapter.rest;

import java.io.InputStream;

/** Streams {@code chunk} over and over up to {@code length} bytes, without ever holding more than the chunk. */
public final class RepeatingInputStream extends InputStream {

    private final byte[] chunk;
    private final long length;
    private long position;

    public RepeatingInputStream(byte[] chunk, long length) {
        this.chunk = chunk;
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return chunk[(int) (position++ % chunk.length)] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int start = (int) (position % chunk.length);
        int n = (int) Math.min(Math.min(count, chunk.length - start), length - position);
        System.arraycopy(chunk, start, buffer, offset, n);
        position += n;
        return n;
    }
}
