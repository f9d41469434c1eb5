package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.schema.AvroExpansion;
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
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Validates an Avro object container file ({@code application/avro}) record by record as it streams in. The file's
 * writer schema must be readable by the contract schema (Avro schema resolution); records are then decoded into the
 * contract's shape, so defaults are filled in and removed fields dropped exactly as a consumer would see them.
 */
public final class AvroContainerBatchValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Incompatibilities named in the refusal of a writer schema; the rest are counted. */
    private static final int MAX_LISTED = 20;

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

    /** Validates every record with no time limit. See {@link #validate(InputStream, Consumer, ComputeBudget)}. */
    public ValidationReport validate(InputStream container, Consumer<JsonNode> observer) {
        return validate(container, observer, ComputeBudget.unlimited());
    }

    /**
     * Validates every record of the container file.
     *
     * @param observer receives each record as plain JSON (unions unwrapped) when not {@code null}; converting costs
     *                 time, so pass {@code null} unless profiling
     * @param budget   checked for cancellation before each record (decoding one costs what the record weighs)
     * @throws UnreadableWriterSchemaException if the writer schema cannot be read with the contract schema, or is
     *                                         too large to check (named types reused along too many paths)
     * @throws BatchTooLargeException          if the file holds more than {@link ValidationLimits#maxRecords()}
     * @throws BlockTooLargeException          if a block, stored or decompressed, is larger than
     *                                         {@link ValidationLimits#maxBlockBytes()}; it is refused before it is
     *                                         held in memory, so a compressed bomb costs at most that much
     * @throws UncheckedIOException            if the stream is not an Avro container file or cannot be read
     */
    public ValidationReport validate(InputStream container, Consumer<JsonNode> observer, ComputeBudget budget) {
        Schema contract = validator.schema();
        ValidationReport report = new ValidationReport(limits.maxErrors());
        try {
            AvroContainerReader file = new AvroContainerReader(container, limits.maxBlockBytes());
            checkReadable(contract, file.writerSchema());
            // Object, not GenericRecord: a contract may be a primitive ("string"), an array, a map or a union.
            GenericDatumReader<Object> datumReader = new GenericDatumReader<>(file.writerSchema(), contract);
            BinaryDecoder decoder = null;
            Object reuse = null;
            long index = 0;
            for (AvroContainerReader.Block block = file.next(); block != null; block = file.next()) {
                decoder = DecoderFactory.get().binaryDecoder(block.data(), 0, block.length(), decoder);
                for (long inBlock = 0; inBlock < block.records(); inBlock++) {
                    budget.checkCancelled();
                    if (index == limits.maxRecords()) {
                        throw new BatchTooLargeException(limits.maxRecords());
                    }
                    Object record;
                    try {
                        record = datumReader.read(reuse, decoder);
                    } catch (IOException | AvroRuntimeException e) {
                        // A corrupt block cannot be skipped reliably: report this record and stop.
                        report.recordInvalid(index, new RecordError("", null, "undecodable record: " + e.getMessage()));
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
                    report.recordInvalid(
                            index,
                            new RecordError(
                                    "",
                                    null,
                                    "undecodable record: a block holds more" + " bytes than its " + block.records()
                                            + " records"));
                    return report;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the Avro container file failed: " + e.getMessage(), e);
        }
        return report;
    }

    private static void checkReadable(Schema contract, Schema writer) {
        // The writer schema comes with the file: Avro's check, which cannot be interrupted, only gets one of sane size.
        if (AvroExpansion.exceeds(writer, AvroExpansion.DEFAULT_LIMIT)) {
            throw new UnreadableWriterSchemaException("The file's writer schema " + writer.getFullName() + " has more"
                    + " than " + AvroExpansion.DEFAULT_LIMIT + " types when each named type is written out at every"
                    + " place it is used; write the file with a schema whose named types reuse each other less");
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(contract, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            StringBuilder detail = new StringBuilder("The file's writer schema ")
                    .append(writer.getFullName())
                    .append(" cannot be read with the contract schema ")
                    .append(contract.getFullName())
                    .append(':');
            List<SchemaCompatibility.Incompatibility> incompatibilities =
                    compatibility.getResult().getIncompatibilities();
            for (SchemaCompatibility.Incompatibility incompatibility :
                    incompatibilities.subList(0, Math.min(MAX_LISTED, incompatibilities.size()))) {
                detail.append(' ')
                        .append(incompatibility.getLocation())
                        .append(' ')
                        .append(incompatibility.getMessage())
                        .append(';');
            }
            if (incompatibilities.size() > MAX_LISTED) {
                detail.append(" and ")
                        .append(incompatibilities.size() - MAX_LISTED)
                        .append(" more;");
            }
            throw new UnreadableWriterSchemaException(detail.toString());
        }
    }
}
