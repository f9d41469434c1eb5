package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.JsonSchemaDialects;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.validation.AvroContainerBatchValidator;
import dev.watershed.domain.validation.AvroRecordValidator;
import dev.watershed.domain.validation.JsonRecordReader;
import dev.watershed.domain.validation.JsonSchemaRecordValidator;
import dev.watershed.domain.validation.NdjsonBatchValidator;
import dev.watershed.domain.validation.RecordError;
import dev.watershed.domain.validation.RecordValidator;
import dev.watershed.domain.validation.ReportedError;
import dev.watershed.domain.validation.ValidationLimits;
import dev.watershed.domain.validation.ValidationOptions;
import dev.watershed.domain.validation.ValidationReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Validates a data file (JSON, NDJSON or an Avro container) against an asset's contract in the registry, streaming
 * it, or offline against a schema file with the registry's own validators. Exit 1 when any record is invalid.
 */
@Command(
        name = "validate",
        description = "Validate a JSON, NDJSON (.ndjson/.jsonl) or Avro (.avro) file against an"
                + " asset's contract (--asset, through the registry) or a schema file (--schema, offline).")
final class ValidateCommand extends ReportingCommand {

    static final class Target {

        @Option(
                names = "--asset",
                paramLabel = "NAME",
                required = true,
                description = "Validate against this asset's contract in the registry")
        String asset;

        @Option(
                names = "--schema",
                paramLabel = "FILE",
                required = true,
                description = "Validate offline against this schema file (.json JSON Schema, .avsc Avro)")
        Path schema;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Mixin
    RegistryOptions registry;

    @Option(
            names = "--contract-version",
            paramLabel = "VERSION",
            description = "With --asset: the contract version (default: latest)")
    String contractVersion;

    @Option(
            names = "--schema-format",
            paramLabel = "FORMAT",
            description = "With --schema, when the extension does not say: ${COMPLETION-CANDIDATES}")
    SchemaFormat schemaFormat;

    @Option(
            names = "--label",
            paramLabel = "LABEL",
            description = "With --asset: record the batch as an observation with this label (profiled; needs a"
                    + " token), the one drift --against previous --label LABEL compares the next batch with")
    String label;

    @Parameters(paramLabel = "FILE", description = "The data: .json (one record), .ndjson/.jsonl, .avro")
    Path data;

    @Override
    Report report() {
        if (!Files.isRegularFile(data)) {
            throw new CliException(data + ": no such file");
        }
        String contentType = contentType(data);
        if (label != null && target.asset == null) {
            throw new CliException("--label records the batch in the registry: use it with --asset, not --schema");
        }
        JsonNode result = target.asset != null ? remote(contentType) : offline(contentType);
        List<Report.Finding> findings = new ArrayList<>();
        for (JsonNode error : result.path("errors")) {
            findings.add(new Report.Finding(Report.Severity.ERROR, data, lineOf(error), message(error)));
        }
        List<String> details = new ArrayList<>();
        if (result.path("errorsTruncated").asBoolean()) {
            details.add("... " + result.path("errorCount").asLong() + " errors in all");
        }
        if (result.hasNonNull("observationId")) {
            details.add(
                    "recorded as observation " + result.path("observationId").asLong() + " (label " + label
                            + "): drift --against previous --label " + label + " compares the next batch with it");
        }
        long invalid = result.path("invalid").asLong();
        String against = target.asset != null
                ? target.asset + " " + result.path("version").asText()
                : ReportWriter.display(target.schema);
        String summary = result.path("total").asLong() + " records against " + against + ": "
                + result.path("valid").asLong() + " valid, " + invalid + " invalid";
        String name = ReportWriter.display(data);
        int line = findings.isEmpty() ? 1 : findings.get(0).line();
        Report.Item item = new Report.Item(
                name,
                data,
                line,
                invalid > 0 ? Report.Outcome.FAILED : Report.Outcome.PASSED,
                summary,
                details,
                findings,
                result);
        return new Report.Builder("validate").add(item).build();
    }

    /**
     * Where a person finds the record: the registry's {@code line} (NDJSON lines counted from 1, blank ones too), or
     * the 1-based record number from an older registry that only sends the 0-based {@code record}.
     */
    private static int lineOf(JsonNode error) {
        long line = error.hasNonNull("line")
                ? error.path("line").asLong()
                : error.path("record").asLong() + 1;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, line));
    }

    private String message(JsonNode error) {
        String path = error.path("path").asText();
        String where = contentType(data).equals("application/avro")
                ? "record " + lineOf(error)
                : "record at line " + lineOf(error);
        return where + ", " + (path.isEmpty() ? "(root)" : path) + ": "
                + error.path("message").asText()
                + (error.hasNonNull("keyword") ? " [" + error.path("keyword").asText() + "]" : "");
    }

    private JsonNode remote(String contentType) {
        RegistryClient client = registry.client();
        if (label != null && !client.hasToken()) {
            // The registry keeps observations per team, so recording one needs a token.
            throw new CliException(
                    "--label records an observation, which needs a token: set --token or WATERSHED_TOKEN");
        }
        // A labelled batch is profiled, so that drift --against previous has a distribution to compare with.
        String query = (label == null ? "?profile=false" : "?profile=true&label=" + RegistryClient.encode(label))
                + (contractVersion == null ? "" : "&version=" + RegistryClient.encode(contractVersion));
        RegistryClient.Reply reply =
                client.postFile("/api/v1/assets/" + target.asset + "/validate" + query, data, contentType);
        if (!reply.ok()) {
            throw new CliException("the registry could not validate " + data + ": " + reply.problem());
        }
        return reply.body();
    }

    private JsonNode offline(String contentType) {
        SchemaFormat format = SchemaFiles.formatOf(target.schema, schemaFormat);
        ParsedSchema schema = SchemaFiles.read(target.schema, format);
        ValidationLimits limits = ValidationLimits.defaults();
        ValidationReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(data))) {
            report = switch (contentType) {
                case "application/x-ndjson" -> new NdjsonBatchValidator(validator(schema), limits).validate(in);
                case "application/avro" -> {
                    if (schema.avro() == null) {
                        throw new CliException("an Avro file can only be checked against an Avro schema (.avsc)");
                    }
                    yield new AvroContainerBatchValidator(new AvroRecordValidator(schema.avro()), limits).validate(in);
                }
                default -> {
                    ValidationReport single = new ValidationReport(limits.maxErrors());
                    JsonNode record = new JsonRecordReader(limits).read(in);
                    List<RecordError> errors = validator(schema).validate(record);
                    if (errors.isEmpty()) {
                        single.recordValid();
                    } else {
                        single.recordInvalid(0, errors);
                    }
                    yield single;
                }
            };
        } catch (NoSuchFileException e) {
            throw new CliException(data + ": no such file");
        } catch (IOException e) {
            throw new CliException(data + ": cannot be read: " + e.getMessage(), e);
        } catch (WatershedException e) {
            throw new CliException(data + ": " + e.getMessage(), e);
        }
        ObjectNode result = Declarations.JSON.createObjectNode();
        result.put("schema", ReportWriter.display(target.schema))
                .put("total", report.total())
                .put("valid", report.valid())
                .put("invalid", report.invalid())
                .put("errorCount", report.errorCount())
                .put("errorsTruncated", report.errorsTruncated());
        ArrayNode errors = result.putArray("errors");
        for (ReportedError error : report.errors()) {
            errors.addObject()
                    .put("record", error.recordIndex())
                    .put("line", error.line())
                    .put("path", error.path())
                    .put("keyword", error.keyword())
                    .put("message", error.message());
        }
        return result;
    }

    private static RecordValidator validator(ParsedSchema schema) {
        return schema.format() == SchemaFormat.AVRO
                ? new AvroRecordValidator(schema.avro())
                : new JsonSchemaRecordValidator(
                        schema.document(), ValidationOptions.defaults(), JsonSchemaDialects.named(schema.dialect()));
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".avro")) {
            return "application/avro";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        throw new CliException(file + ": unknown data format; name it .json, .ndjson, .jsonl or .avro");
    }
}
