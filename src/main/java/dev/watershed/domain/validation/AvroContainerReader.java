package dev.watershed.domain.validation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Reads the framing of an Avro object container file (magic, metadata, then blocks of records) within a byte limit
 * per block. Avro's own {@code DataFileStream} trusts the sizes a file declares: it allocates a block's stored size
 * as given (up to 2 GiB, from a header of a few bytes) and inflates a block until Avro's JVM-wide cap
 * ({@code org.apache.avro.limits.decompress.maxLength}, 200 MB) before anything can look at it. Here the stored
 * size is checked before the block is read, and inflating stops as soon as the output would pass the limit, so one
 * file never holds more than two blocks' worth of the limit in memory (the stored block and its decompressed form).
 *
 * <p>Codecs: {@code null}, {@code deflate} and {@code bzip2}, the ones this build can decompress; a file in another
 * codec (snappy, xz, zstandard need libraries that are not on the class path) is refused as unreadable.
 */
final class AvroContainerReader {

    /** One block's records, decompressed: {@code data[0, length)} holds {@code records} records. */
    record Block(long records, byte[] data, int length) {}

    private static final byte[] MAGIC = {'O', 'b', 'j', 1};
    private static final int SYNC_BYTES = 16;
    private static final int INITIAL_OUTPUT_BYTES = 64 * 1024;

    private final BufferedInputStream stream;
    private final BinaryDecoder in;
    private final int maxBlockBytes;
    private final Schema writerSchema;
    private final String codec;
    private final byte[] sync = new byte[SYNC_BYTES];
    private final byte[] blockSync = new byte[SYNC_BYTES];
    private byte[] stored = new byte[0];

    /**
     * Reads the header.
     *
     * @param maxBlockBytes largest block, stored or decompressed, and largest header
     * @throws BlockTooLargeException if the header is larger than {@code maxBlockBytes}
     * @throws IOException            if the stream is not an Avro container file
     */
    AvroContainerReader(InputStream container, int maxBlockBytes) throws IOException {
        // A direct decoder reads exactly what it decodes, so the framing and the end of the file stay ours to see.
        this.stream = new BufferedInputStream(container, 64 * 1024);
        this.in = DecoderFactory.get().directBinaryDecoder(stream, null);
        this.maxBlockBytes = maxBlockBytes;
        byte[] magic = new byte[MAGIC.length];
        in.readFixed(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("the body does not start with the Avro container magic bytes 'Obj' 1");
        }
        Map<String, byte[]> metadata = readMetadata();
        in.readFixed(sync);
        byte[] schema = metadata.get("avro.schema");
        if (schema == null) {
            throw new IOException("the file header has no avro.schema");
        }
        try {
            // As leniently as Avro's DataFileStream: a reader takes the names and defaults a writer chose.
            this.writerSchema = new Schema.Parser(NameValidator.NO_VALIDATION)
                    .setValidateDefaults(false)
                    .parse(new String(schema, StandardCharsets.UTF_8));
        } catch (AvroRuntimeException e) {
            throw new IOException(
                    "the writer schema in the file header is not a valid Avro schema: " + e.getMessage(), e);
        }
        byte[] codecName = metadata.get("avro.codec");
        this.codec = codecName == null ? "null" : new String(codecName, StandardCharsets.UTF_8);
        if (!codec.equals("null") && !codec.equals("deflate") && !codec.equals("bzip2")) {
            throw new IOException("the file is compressed with the '" + codec + "' codec, which this registry cannot"
                    + " read: write it with deflate, bzip2 or no codec");
        }
    }

    /** The schema the file was written with. */
    Schema writerSchema() {
        return writerSchema;
    }

    /**
     * Reads and decompresses the next block. The returned array is reused by the next call.
     *
     * @return the block, or {@code null} at the end of the file
     * @throws BlockTooLargeException if the block, stored or decompressed, is larger than the limit
     * @throws IOException            if the file is truncated or corrupt
     */
    Block next() throws IOException {
        stream.mark(1);
        if (stream.read() < 0) {
            return null;
        }
        stream.reset();
        long records = in.readLong();
        long size = in.readLong();
        if (records < 0 || size < 0) {
            throw new IOException("corrupt block header: " + records + " records in " + size + " bytes");
        }
        if (size > maxBlockBytes) {
            throw BlockTooLargeException.stored(size, maxBlockBytes);
        }
        if (stored.length < size) {
            stored = new byte[(int) Math.min(maxBlockBytes, Math.max(size, stored.length * 2L))];
        }
        in.readFixed(stored, 0, (int) size);
        in.readFixed(blockSync);
        if (!Arrays.equals(sync, blockSync)) {
            throw new IOException("corrupt file: a block does not end with the file's sync marker");
        }
        return switch (codec) {
            case "deflate" -> inflate(records, (int) size);
            case "bzip2" -> bunzip(records, (int) size);
            default -> new Block(records, stored, (int) size);
        };
    }

    private Block inflate(long records, int size) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 0, size);
            byte[] output = new byte[Math.min(INITIAL_OUTPUT_BYTES, maxBlockBytes + 1)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == output.length) {
                    output = grow(output);
                }
                int inflated = inflater.inflate(output, length, output.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("corrupt deflate block: it ends before its data does");
                }
                length += inflated;
            }
            return new Block(records, output, length);
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private Block bunzip(long records, int size) throws IOException {
        try (InputStream bzip = new BZip2CompressorInputStream(new ByteArrayInputStream(stored, 0, size))) {
            byte[] output = new byte[Math.min(INITIAL_OUTPUT_BYTES, maxBlockBytes + 1)];
            int length = 0;
            while (true) {
                if (length == output.length) {
                    output = grow(output);
                }
                int read = bzip.read(output, length, output.length - length);
                if (read < 0) {
                    return new Block(records, output, length);
                }
                length += read;
            }
        }
    }

    /** Doubles the output, up to one byte past the limit: reaching that byte proves the block is too large. */
    private byte[] grow(byte[] output) {
        if (output.length > maxBlockBytes) {
            throw BlockTooLargeException.decompressed(maxBlockBytes);
        }
        return Arrays.copyOf(output, (int) Math.min(maxBlockBytes + 1L, output.length * 2L));
    }

    private Map<String, byte[]> readMetadata() throws IOException {
        Map<String, byte[]> metadata = new HashMap<>();
        long budget = maxBlockBytes;
        for (long count = in.readMapStart(); count != 0; count = in.mapNext()) {
            for (long i = 0; i < count; i++) {
                byte[] key = readBytes(budget);
                budget -= key.length;
                byte[] value = readBytes(budget);
                budget -= value.length;
                metadata.put(new String(key, StandardCharsets.UTF_8), value);
            }
        }
        return metadata;
    }

    /** A length-prefixed byte string, refused before allocation when it is longer than what is left of the budget. */
    private byte[] readBytes(long budget) throws IOException {
        long length = in.readLong();
        if (length < 0) {
            throw new EOFException("corrupt file header: negative length " + length);
        }
        if (length > budget) {
            throw BlockTooLargeException.header(maxBlockBytes);
        }
        byte[] bytes = new byte[(int) length];
        in.readFixed(bytes);
        return bytes;
    }
}
