package dev.watershed.application.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.SchemaCache;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ProfileSummary;
import dev.watershed.domain.profile.Profiler;
import dev.watershed.domain.validation.BatchTooLargeException;
import dev.watershed.domain.validation.JsonRecordReader;
import dev.watershed.domain.validation.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks data against a contract version or against a schema sent with the request, profiles it, and records an
 * observation when asked. Batches are read as streams: memory stays bounded by one record whatever their size. No
 * transaction is held while a batch streams; only the observation is written in one.
 */
@ApplicationScoped
public class ValidationService {

    /**
     * What to do besides validating.
     *
     * @param label  stored with the observation; a label alone asks for one to be recorded
     * @param record record an observation even without a label
     */
    public record Options(boolean profile, String label, boolean record) {

        boolean recordsObservation() {
            return record || label != null;
        }
    }

    private final ContractService contracts;
    private final ObservationService observations;
    private final ValidatorCache cache;
    private final SchemaCache schemas;
    private final JsonRecordReader recordReader;
    private final Clock clock;

    public ValidationService(
            ContractService contracts,
            ObservationService observations,
            ValidatorCache cache,
            SchemaCache schemas,
            Clock clock) {
        this.contracts = contracts;
        this.observations = observations;
        this.cache = cache;
        this.schemas = schemas;
        this.recordReader = new JsonRecordReader(cache.limits());
        this.clock = clock;
    }

    /**
     * Validates a body against a contract version of an asset.
     *
     * @param version a semantic version or {@code latest}; {@code null} means latest
     * @throws dev.watershed.domain.NotFoundException if the asset, the version or any contract is missing
     * @throws UnsupportedBatchFormatException         for an Avro container file against a JSON Schema contract
     * @throws BatchTooLargeException                  beyond {@code watershed.validation.max-records}
     */
    public ValidationOutcome validate(
            Caller caller, String asset, String version, BatchFormat format, InputStream body, Options options) {
        return validate(caller, asset, version, format, body, options, cache.newBudget());
    }

    /**
     * Validates a body against a contract version within a compute budget per record; see
     * {@link #validate(Caller, String, String, BatchFormat, InputStream, Options)}.
     *
     * @param budget what each record may take, renewed for every record; its cancellation stops the batch
     */
    public ValidationOutcome validate(
            Caller caller,
            String asset,
            String version,
            BatchFormat format,
            InputStream body,
            Options options,
            ComputeBudget budget) {
        return run(caller, asset, version, format, body, options, budget).outcome();
    }

    /** A validated batch with its profile itself, not only its summary. */
    public record ProfiledBatch(ValidationOutcome outcome, BatchProfile profile) {}

    /**
     * Validates and profiles a batch against the latest contract of an asset, recording an observation when
     * {@code label} is given, for a caller that needs the profile to compare it (drift).
     *
     * @throws dev.watershed.domain.NotFoundException if the asset or any contract is missing
     */
    public ProfiledBatch profile(Caller caller, String asset, BatchFormat format, InputStream body, String label) {
        return run(caller, asset, null, format, body, new Options(true, label, false), cache.newBudget());
    }

    private ProfiledBatch run(
            Caller caller,
            String asset,
            String version,
            BatchFormat format,
            InputStream body,
            Options options,
            ComputeBudget budget) {
        if (options.recordsObservation()) {
            observations.requireCanRecord(caller, options.label());
        }
        Contract contract = contracts.get(asset, version == null || version.isBlank() ? "latest" : version);
        CompiledContract compiled = cache.get(
                asset, contract.version().toString(), contract.fingerprint(), () -> contracts.schemaOf(contract));
        Profiler profiler = options.profile() ? new Profiler() : null;
        ValidationReport report = run(compiled, format, body, profiler, budget);
        BatchProfile profile = profiler == null ? null : profiler.profile();
        // Summarised before anything is stored, so that a profile that cannot be read back is never recorded.
        ProfileSummary summary = profile == null ? null : profile.summary();
        Long observationId = null;
        if (options.recordsObservation()) {
            observationId = observations
                    .record(
                            caller,
                            new Observation(
                                    null,
                                    asset,
                                    contract.version().toString(),
                                    options.label(),
                                    clock.instant(),
                                    report.total(),
                                    report.valid(),
                                    report.invalid(),
                                    report.errorCount(),
                                    profile == null ? null : profile.serialize(),
                                    caller.label(),
                                    null,
                                    false))
                    .id();
        }
        return new ProfiledBatch(
                new ValidationOutcome(asset, contract.version().toString(), report, summary, observationId), profile);
    }

    /**
     * Validates records against a schema sent with the request; nothing is stored.
     *
     * @param records the records, already parsed from the request body
     * @throws BatchTooLargeException beyond {@code watershed.validation.max-records}
     */
    public ValidationOutcome validate(
            SchemaFormat format, JsonNode schema, List<JsonNode> records, String recordsPointer, boolean profile) {
        return validate(format, schema, records, recordsPointer, profile, cache.newBudget());
    }

    /**
     * Validates records against a schema sent with the request within a compute budget: for parsing the schema,
     * then renewed for each record.
     *
     * @param records the records, already parsed from the request body
     * @throws BatchTooLargeException beyond {@code watershed.validation.max-records}
     */
    public ValidationOutcome validate(
            SchemaFormat format,
            JsonNode schema,
            List<JsonNode> records,
            String recordsPointer,
            boolean profile,
            ComputeBudget budget) {
        if (records.size() > cache.limits().maxRecords()) {
            throw new BatchTooLargeException(cache.limits().maxRecords());
        }
        ParsedSchema parsed = schemas.parse(format, schema, "/schema", budget);
        CompiledContract compiled = cache.get(null, null, parsed.fingerprint(), () -> parsed);
        for (int i = 0; i < records.size(); i++) {
            recordReader.requireDepth(records.get(i), recordsPointer == null ? "/record" : recordsPointer + "/" + i);
        }
        Profiler profiler = profile ? new Profiler() : null;
        ValidationReport report = new ValidationReport(cache.limits().maxErrors());
        for (int i = 0; i < records.size(); i++) {
            check(compiled, records.get(i), i, report, profiler, budget.renewed());
        }
        return new ValidationOutcome(
                null, null, report, profiler == null ? null : profiler.profile().summary(), null);
    }

    private ValidationReport run(
            CompiledContract compiled, BatchFormat format, InputStream body, Profiler profiler, ComputeBudget budget) {
        Consumer<JsonNode> observer = profiler == null ? null : profiler::add;
        return switch (format) {
            case JSON -> {
                ValidationReport report = new ValidationReport(cache.limits().maxErrors());
                check(compiled, recordReader.read(body), 0, report, profiler, budget);
                yield report;
            }
            case NDJSON -> compiled.ndjson().validate(body, observer, budget);
            case AVRO_CONTAINER -> {
                if (compiled.container() == null) {
                    throw new UnsupportedBatchFormatException("an Avro container file can only be checked against"
                            + " an Avro contract; this contract is " + compiled.format()
                            + ": send application/json or application/x-ndjson");
                }
                try {
                    yield compiled.container().validate(body, observer, budget);
                } catch (UncheckedIOException e) {
                    throw new UnreadableBatchException(
                            "the body is not a readable Avro object container file: "
                                    + e.getCause().getMessage(),
                            e);
                }
            }
        };
    }

    private static void check(
            CompiledContract compiled,
            JsonNode record,
            long index,
            ValidationReport report,
            Profiler profiler,
            ComputeBudget budget) {
        var errors = compiled.record().validate(record, budget);
        if (errors.isEmpty()) {
            report.recordValid();
        } else {
            report.recordInvalid(index, errors);
        }
        if (profiler != null) {
            profiler.add(record);
        }
    }

    /** Refuses a request that names both or neither of {@code record} and {@code records}. */
    public static void requireOneShape(JsonNode record, List<JsonNode> records) {
        if ((record == null) == (records == null)) {
            throw new InvalidInputException(null, "send either 'record' (one JSON value) or 'records' (an array)");
        }
    }
}
