package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/**
 * A block of an Avro container file, stored or decompressed, or the file's header, larger than
 * {@link ValidationLimits#maxBlockBytes()}; the file is refused before the block is held in memory.
 */
public class BlockTooLargeException extends WatershedException {

    private BlockTooLargeException(String code, String detail) {
        super(code, detail);
    }

    static BlockTooLargeException stored(long size, int limit) {
        return new BlockTooLargeException(
                "BLOCK_TOO_LARGE",
                "a block of the Avro file declares " + size
                        + " stored bytes, more than the limit of " + limit
                        + " bytes (watershed.validation.max-block-bytes):"
                        + " write the file with smaller blocks (DataFileWriter.setSyncInterval)");
    }

    static BlockTooLargeException decompressed(int limit) {
        return new BlockTooLargeException(
                "DECOMPRESSED_BLOCK_TOO_LARGE",
                "a block of the Avro file decompresses to"
                        + " more than the limit of " + limit
                        + " bytes (watershed.validation.max-block-bytes): write the file"
                        + " with smaller blocks (DataFileWriter.setSyncInterval)");
    }

    static BlockTooLargeException header(int limit) {
        return new BlockTooLargeException(
                "BLOCK_TOO_LARGE",
                "the Avro file's header is larger than the limit of " + limit
                        + " bytes (watershed.validation.max-block-bytes)");
    }
}
