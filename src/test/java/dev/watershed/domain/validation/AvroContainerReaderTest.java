package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The container framing is read within the block limit, whatever sizes a file declares. */
class AvroContainerReaderTest {

    private static final Schema TEXT = AvroRecordValidator.parseSchema("""
            {"type": "record", "name": "Text", "fields": [{"name": "body", "type": "string"}]}
            """);
    private static final int LIMIT = 1 << 20;

    /** {@code records} records of {@code bodyBytes} repeated characters, in one block. */
    static byte[] oneBlock(CodecFactory codec, int records, int bodyBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = "a".repeat(bodyBytes);
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(TEXT))) {
            writer.setCodec(codec);
            writer.setSyncInterval(1 << 30);
            writer.create(TEXT, out);
            for (int i = 0; i < records; i++) {
                GenericRecord record = new GenericData.Record(TEXT);
                record.put("body", body);
                writer.append(record);
            }
        }
        return out.toByteArray();
    }

    private static AvroContainerBatchValidator validator() {
        return new AvroContainerBatchValidator(
                new AvroRecordValidator(TEXT), ValidationLimits.defaults().withMaxBlockBytes(LIMIT));
    }

    @Test
    void readsBlocksWithinTheLimitInEveryCodec() throws IOException {
        for (CodecFactory codec :
                new CodecFactory[] {CodecFactory.nullCodec(), CodecFactory.deflateCodec(9), CodecFactory.bzip2Codec()
                }) {
            ValidationReport report = validator().validate(new ByteArrayInputStream(oneBlock(codec, 90, 10_000)));
            assertThat(report.total()).as(codec.toString()).isEqualTo(90);
            assertThat(report.valid()).as(codec.toString()).isEqualTo(90);
        }
    }

    @Test
    void aDeflateBombIsRefusedAtTheLimit() throws IOException {
        // 16 MiB of one character compresses to about 16 KiB.
        byte[] bomb = oneBlock(CodecFactory.deflateCodec(9), 16, 1 << 20);
        assertThat(bomb.length).isLessThan(LIMIT / 16);

        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(bomb)))
                .isInstanceOf(BlockTooLargeException.class)
                .hasMessageContaining("decompresses to more than the limit of " + LIMIT)
                .extracting(e -> ((BlockTooLargeException) e).code())
                .isEqualTo("DECOMPRESSED_BLOCK_TOO_LARGE");
    }

    @Test
    void aBzip2BombIsRefusedAtTheLimit() throws IOException {
        byte[] bomb = oneBlock(CodecFactory.bzip2Codec(), 4, 1 << 20);

        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(bomb)))
                .isInstanceOf(BlockTooLargeException.class)
                .extracting(e -> ((BlockTooLargeException) e).code())
                .isEqualTo("DECOMPRESSED_BLOCK_TOO_LARGE");
    }

    @Test
    void aBlockThatDeclaresMoreThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // A few bytes that claim a 2 GiB block: Avro's DataFileStream would allocate it.
        byte[] file = container("null", 1, Integer.MAX_VALUE, new byte[0]);

        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(file)))
                .isInstanceOf(BlockTooLargeException.class)
                .hasMessageContaining("declares " + Integer.MAX_VALUE + " stored bytes")
                .extracting(e -> ((BlockTooLargeException) e).code())
                .isEqualTo("BLOCK_TOO_LARGE");
    }

    @Test
    void aHeaderLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'O', 'b', 'j', 1});
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeMapStart();
        encoder.setItemCount(1);
        encoder.startItem();
        encoder.writeString("avro.schema");
        encoder.writeLong(Integer.MAX_VALUE);
        encoder.flush();

        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(BlockTooLargeException.class)
                .hasMessageContaining("header");
    }

    @Test
    void unknownCodecsTruncatedFilesAndBadSyncMarkersAreUnreadable() throws IOException {
        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(container("snappy", 1, 0, new byte[0]))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'snappy' codec");

        byte[] file = oneBlock(CodecFactory.deflateCodec(6), 10, 100);
        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 20))))
                .isInstanceOf(UncheckedIOException.class);

        byte[] badSync = file.clone();
        badSync[badSync.length - 1] ^= 1;
        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream(badSync)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("sync marker");

        assertThatThrownBy(() -> validator().validate(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aBlockWithBytesBeyondItsRecordsIsAnUndecodableRecord() throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(records, null);
        encoder.writeString("one");
        encoder.writeString("two");
        encoder.flush();
        byte[] data = records.toByteArray();

        ValidationReport report =
                validator().validate(new ByteArrayInputStream(container("null", 1, data.length, data)));

        assertThat(report.valid()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(1);
    }

    /** A hand-made container file of one block that declares {@code records} and {@code size}. */
    private static byte[] container(String codec, long records, long size, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'O', 'b', 'j', 1});
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeMapStart();
        encoder.setItemCount(2);
        encoder.startItem();
        encoder.writeString("avro.schema");
        encoder.writeBytes(TEXT.toString().getBytes(StandardCharsets.UTF_8));
        encoder.startItem();
        encoder.writeString("avro.codec");
        encoder.writeBytes(codec.getBytes(StandardCharsets.UTF_8));
        encoder.writeMapEnd();
        byte[] sync = new byte[16];
        encoder.writeFixed(sync);
        encoder.writeLong(records);
        encoder.writeLong(size);
        encoder.writeFixed(data);
        encoder.writeFixed(sync);
        encoder.flush();
        return out.toByteArray();
    }
}
