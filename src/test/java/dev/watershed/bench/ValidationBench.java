package dev.watershed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.watershed.domain.profile.Profiler;
import dev.watershed.domain.validation.JsonSchemaRecordValidator;
import dev.watershed.domain.validation.NdjsonBatchValidator;
import dev.watershed.domain.validation.ValidationLimits;
import dev.watershed.domain.validation.ValidationReport;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * In-process throughput: networknt on pre-parsed nodes (the ceiling) against the NDJSON path from bytes, with and
 * without profiling. Run with {@code java -cp <test classpath> dev.watershed.bench.ValidationBench [records] [sequential]}.
 */
public final class ValidationBench {

    private static final int ROUNDS = 5;

    private ValidationBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<JsonNode> records = ValidationFixtures.records(count, 42);
        byte[] ndjson = ValidationFixtures.ndjson(records);
        JsonNode schemaNode = ValidationFixtures.schema();
        Schema raw = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()))
                .getSchema(schemaNode);
        ExecutorService threads = Executors.newCachedThreadPool();
        NdjsonBatchValidator batch = new NdjsonBatchValidator(
                new JsonSchemaRecordValidator(schemaNode),
                ValidationLimits.defaults(),
                args.length > 1 && args[1].equals("sequential") ? null : threads);
        System.out.printf(
                "%d records, %.1f MB NDJSON, %.0f bytes/record%n",
                count, ndjson.length / 1e6, (double) ndjson.length / count);

        double rawRate = 0;
        double ndjsonRate = 0;
        double profiledRate = 0;
        long invalid = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long rawInvalid = 0;
            for (JsonNode record : records) {
                if (!raw.validate(record).isEmpty()) {
                    rawInvalid++;
                }
            }
            rawRate = rate(count, start);

            start = System.nanoTime();
            ValidationReport report = batch.validate(new ByteArrayInputStream(ndjson));
            ndjsonRate = rate(count, start);

            start = System.nanoTime();
            Profiler profiler = new Profiler();
            batch.validate(new ByteArrayInputStream(ndjson), profiler::add);
            profiler.profile().summary();
            profiledRate = rate(count, start);
            invalid = report.invalid();
            System.out.printf(
                    "round %d: raw %,.0f rec/s (%d invalid) | ndjson %,.0f rec/s (%d invalid)"
                            + " | ndjson+profile %,.0f rec/s%n",
                    round, rawRate, rawInvalid, ndjsonRate, invalid, profiledRate);
        }
        System.out.printf(
                "last round: ndjson/raw = %.2f, ndjson+profile/raw = %.2f (%.1f%% invalid)%n",
                ndjsonRate / rawRate, profiledRate / rawRate, 100.0 * invalid / count);
        threads.shutdown();
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }
}
