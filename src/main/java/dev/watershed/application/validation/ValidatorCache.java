package dev.watershed.application.validation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.JsonSchemaDialects;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.validation.AvroContainerBatchValidator;
import dev.watershed.domain.validation.AvroRecordValidator;
import dev.watershed.domain.validation.JsonSchemaRecordValidator;
import dev.watershed.domain.validation.NdjsonBatchValidator;
import dev.watershed.domain.validation.RecordValidator;
import dev.watershed.domain.validation.ValidationLimits;
import dev.watershed.domain.validation.ValidationOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compiled validators by (asset, version, fingerprint), least recently used evicted beyond
 * {@code watershed.validation.cache-size}. A published version never changes, and the fingerprint in the key makes
 * even a re-created asset with a different schema under the same version miss rather than reuse a stale validator.
 * Stateless requests are keyed by fingerprint alone.
 */
@ApplicationScoped
public class ValidatorCache {

    private record Key(String asset, String version, String fingerprint) {}

    private final Cache<Key, CompiledContract> cache;
    private final ValidationLimits limits;
    private final ValidationOptions options;
    private final Duration computeBudget;
    private final ValidationThreads threads;

    public ValidatorCache(WatershedConfig config, ValidationThreads threads) {
        WatershedConfig.Validation validation = config.validation();
        this.cache = Caffeine.newBuilder().maximumSize(validation.cacheSize()).build();
        this.limits = new ValidationLimits(
                validation.maxRecordBytes(),
                validation.maxDepth(),
                validation.maxRecords(),
                validation.maxErrors(),
                validation.maxBlockBytes());
        this.options = new ValidationOptions(
                validation.formatAssertions(), validation.allowedRefHosts().orElse(Set.of()));
        this.computeBudget = config.limits().computeBudget();
        this.threads = threads;
    }

    /**
     * A budget of {@code watershed.limits.compute-budget} from now, for validation that no client request passed
     * one to (it then has no cancellation); batches renew it for every record.
     */
    ComputeBudget newBudget() {
        return ComputeBudget.of(computeBudget);
    }

    /** The limits every batch is read within. */
    ValidationLimits limits() {
        return limits;
    }

    /**
     * The validators of a contract version; {@code schema} is asked for (parsed) only on a miss.
     *
     * @param asset   {@code null} for a schema sent with the request
     * @param version {@code null} for a schema sent with the request
     */
    CompiledContract get(String asset, String version, String fingerprint, Supplier<ParsedSchema> schema) {
        return cache.get(new Key(asset, version, fingerprint), key -> compile(schema.get()));
    }

    /** Validators compiled so far and still cached. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private CompiledContract compile(ParsedSchema schema) {
        if (schema.format() == SchemaFormat.AVRO) {
            AvroRecordValidator avro = new AvroRecordValidator(schema.avro());
            return new CompiledContract(
                    SchemaFormat.AVRO,
                    avro,
                    new NdjsonBatchValidator(avro, limits, threads),
                    new AvroContainerBatchValidator(avro, limits));
        }
        // The dialect the contract was read as, so that a schema without $schema validates as it was published.
        RecordValidator json =
                new JsonSchemaRecordValidator(schema.document(), options, JsonSchemaDialects.named(schema.dialect()));
        return new CompiledContract(
                SchemaFormat.JSON_SCHEMA, json, new NdjsonBatchValidator(json, limits, threads), null);
    }
}
