package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Validates an Avro object container file ({@code application/avro}) record by record as it streams in. The file's
 * writer schema must be readable by the contract schema (Avro schema resolution); records are then decoded into the
 * contract's shape, so defaults are filled in and removed fields dropped exactly as a consumer would see them.
 */
public final class AvroContainerBatchValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AvroRecordValidator validator;
    private final ValidationLimits limits;

    /** A batch validator for container files checked against {@code validator}'s schema. */
    public AvroContainerBatchValidator(AvroRecordValidator validator, ValidationLimits limits) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Validates every record of the container file. See {@link #validate(InputStream, Consumer)}. */
    public ValidationReport validate(InputStream container) {
        return validate(container, null);
    }

    /**
     * Validates every record of the container file.
     *
     * @param observer receives each record as plain JSON (unions unwrapped) when not {@code null}; converting costs
     *                 time, so pass {@code null} unless profiling
     * @throws UnreadableWriterSchemaException if the writer schema cannot be read with the contract schema
     * @throws BatchTooLargeException          if the file holds more than {@link ValidationLimits#maxRecords()}
     * @throws BlockTooLargeException          if a block, stored or decompressed, is larger than
     *                                         {@link ValidationLimits#maxBlockBytes()}; it is refused before it is
     *                                         held in memory, so a compressed bomb costs at most that much
     * @throws UncheckedIOException            if the stream is not an Avro container file or cannot be read
     */
    public ValidationReport validate(InputStream container, Consumer<JsonNode> observer) {
        Schema contract = validator.schema();
        ValidationReport report = new ValidationReport(limits.maxErrors());
        try {
            AvroContainerReader file = new AvroContainerReader(container, limits.maxBlockBytes());
            checkReadable(contract, file.writerSchema());
            GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(file.writerSchema(), contract);
            BinaryDecoder decoder = null;
            GenericRecord reuse = null;
            long index = 0;
            for (AvroContainerReader.Block block = file.next(); block != null; block = file.next()) {
                decoder = DecoderFactory.get().binaryDecoder(block.data(), 0, block.length(), decoder);
                for (long inBlock = 0; inBlock < block.records(); inBlock++) {
                    if (index == limits.maxRecords()) {
                        throw new BatchTooLargeException(limits.maxRecords());
                    }
                    GenericRecord record;
                    try {
                        record = datumReader.read(reuse, decoder);
                    } catch (IOException | AvroRuntimeException e) {
                        // A corrupt block cannot be skipped reliably: report this record and stop.
                        report.recordInvalid(index, new RecordError("", null, "undecodable record: "
                                + e.getMessage()));
                        return report;
                    }
                    reuse = record;
                    List<RecordError> errors = validator.validateDatum(record);
                    if (errors.isEmpty()) {
                        report.recordValid();
                    } else {
                        report.recordInvalid(index, errors);
                    }
                    if (observer != null) {
                        observer.accept(JSON.readTree(GenericData.get().toString(record)));
                    }
                    index++;
                }
                if (!decoder.isEnd()) {
                    report.recordInvalid(index, new RecordError("", null, "undecodable record: a block holds more"
                            + " bytes than its " + block.records() + " records"));
                    return report;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the Avro container file failed: " + e.getMessage(), e);
        }
        return report;
    }

    private static void checkReadable(Schema contract, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(contract, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            StringBuilder detail = new StringBuilder("The file's writer schema ").append(writer.getFullName())
                    .append(" cannot be read with the contract schema ").append(contract.getFullName()).append(':');
            for (SchemaCompatibility.Incompatibility incompatibility
                    : compatibility.getResult().getIncompatibilities()) {
                detail.append(' ').append(incompatibility.getLocation()).append(' ')
                        .append(incompatibility.getMessage()).append(';');
            }
            throw new UnreadableWriterSchemaException(detail.toString());
        }
    }
}
