package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroContainerBatchValidatorTest {

    private static final Schema WRITER = AvroRecordValidator.parseSchema("""
            {"type": "record", "name": "Event", "fields": [
              {"name": "id", "type": "long"}, {"name": "kind", "type": "string"}]}
            """);

    private static byte[] containerFile(Schema schema, int records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, out);
            for (int i = 0; i < records; i++) {
                GenericRecord record = new GenericData.Record(schema);
                record.put("id", (long) i);
                record.put("kind", "k" + (i % 3));
                writer.append(record);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aContainerOfPrimitiveValuesIsCheckedAgainstAPrimitiveContract() throws IOException {
        Schema strings = Schema.create(Schema.Type.STRING);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(strings))) {
            writer.create(strings, out);
            writer.append("a");
            writer.append("b");
        }
        List<JsonNode> seen = new ArrayList<>();

        ValidationReport report = new AvroContainerBatchValidator(
                        new AvroRecordValidator(strings), ValidationLimits.defaults())
                .validate(new ByteArrayInputStream(out.toByteArray()), seen::add);

        assertThat(report.valid()).isEqualTo(2);
        assertThat(seen).extracting(JsonNode::asText).containsExactly("a", "b");
    }

    @Test
    void streamsRecordsOfAReadableFile() throws IOException {
        Schema contract = AvroRecordValidator.parseSchema("""
                {"type": "record", "name": "Event", "fields": [
                  {"name": "id", "type": "long"}, {"name": "kind", "type": "string"},
                  {"name": "source", "type": "string", "default": "unknown"}]}
                """);
        List<JsonNode> seen = new ArrayList<>();

        ValidationReport report = new AvroContainerBatchValidator(
                        new AvroRecordValidator(contract), ValidationLimits.defaults())
                .validate(new ByteArrayInputStream(containerFile(WRITER, 2_500)), seen::add);

        assertThat(report.total()).isEqualTo(2_500);
        assertThat(report.valid()).isEqualTo(2_500);
        assertThat(seen).hasSize(2_500);
        assertThat(seen.get(7).get("source").asText()).isEqualTo("unknown");
        assertThat(seen.get(7).get("id").asLong()).isEqualTo(7);
    }

    @Test
    void unreadableWriterSchemaIsReported() throws IOException {
        Schema contract = AvroRecordValidator.parseSchema("""
                {"type": "record", "name": "Event", "fields": [
                  {"name": "id", "type": "long"}, {"name": "kind", "type": "int"},
                  {"name": "source", "type": "string"}]}
                """);
        AvroContainerBatchValidator validator =
                new AvroContainerBatchValidator(new AvroRecordValidator(contract), ValidationLimits.defaults());

        assertThatThrownBy(() -> validator.validate(new ByteArrayInputStream(containerFile(WRITER, 3))))
                .isInstanceOf(UnreadableWriterSchemaException.class)
                .hasMessageContaining("/fields/1/type")
                .hasMessageContaining("source");
    }

    @Test
    void tooManyRecordsFailsTheBatch() throws IOException {
        AvroContainerBatchValidator validator = new AvroContainerBatchValidator(
                new AvroRecordValidator(WRITER), ValidationLimits.defaults().withMaxRecords(10));

        assertThatThrownBy(() -> validator.validate(new ByteArrayInputStream(containerFile(WRITER, 11))))
                .isInstanceOf(BatchTooLargeException.class);
    }
}
