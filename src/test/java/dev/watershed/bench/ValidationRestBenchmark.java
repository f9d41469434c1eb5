package dev.watershed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.watershed.adapter.rest.Api;
import dev.watershed.adapter.rest.HeapSampler;
import dev.watershed.adapter.rest.RepeatingInputStream;
import dev.watershed.domain.validation.Re2jRegularExpressionFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REST NDJSON throughput against raw in-process networknt on the same 30-field schema and records, in one run:
 * {@code ./mvnw -o test -Pbench -Dtest=ValidationRestBenchmark}. The body is generated while it is sent (a distinct
 * set of records repeated), over HTTP/1.1 chunked, so neither side holds it. Each round times raw networknt (JDK
 * regex and, as the registry compiles contracts, RE2/J), then the endpoint without and with profiling; every ratio
 * is against the raw rate of its own round, and the medians over the rounds are the result, so a burst of load from
 * elsewhere on the machine moves one round rather than the figure. The live heap is sampled (a full collection every
 * second) in a pass of its own after the timed rounds, so that the collections it forces are not timed.
 */
@QuarkusTest
@Tag("benchmark")
class ValidationRestBenchmark {

    private static final int DISTINCT = 20_000;
    private static final int RECORDS = 200_000;
    private static final int WARM_UP_ROUNDS = 1;
    private static final int ROUNDS = 5;

    @TestHTTPResource("/")
    URI base;

    @Test
    void restNdjsonAgainstRawNetworknt() throws Exception {
        List<JsonNode> records = ValidationFixtures.records(DISTINCT, 42);
        byte[] ndjson = ValidationFixtures.ndjson(records);
        long bodyBytes = (long) ndjson.length * (RECORDS / DISTINCT);
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, ValidationFixtures.SCHEMA, 201);
        Schema raw = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()))
                .getSchema(ValidationFixtures.schema());
        // The same, configured as the registry compiles contracts (linear-time RE2/J patterns): the ratio against
        // it is the cost of the endpoint itself, without the difference between the two regex engines.
        Schema rawRe2j = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .regularExpressionFactory(Re2jRegularExpressionFactory.INSTANCE)
                                .build()))
                .getSchema(ValidationFixtures.schema());
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.printf(
                "%,d records per REST request (%,d distinct), %.1f MB body, %.0f bytes/record, %d cores%n",
                RECORDS,
                DISTINCT,
                bodyBytes / 1e6,
                (double) ndjson.length / DISTINCT,
                Runtime.getRuntime().availableProcessors());

        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            double rawRate = rawRate(raw, records);
            double rawRe2jRate = rawRate(rawRe2j, records);
            long start = System.nanoTime();
            post(client, asset, ndjson, bodyBytes, false);
            double plainRate = RECORDS / seconds(start);
            start = System.nanoTime();
            post(client, asset, ndjson, bodyBytes, true);
            double profiledRate = RECORDS / seconds(start);
            Round measured = new Round(rawRate, rawRe2jRate, plainRate, profiledRate);
            boolean warmUp = round < WARM_UP_ROUNDS;
            if (!warmUp) {
                rounds.add(measured);
            }
            System.out.printf(
                    "round %d%s: raw %,.0f rec/s, raw RE2/J %,.0f | REST %,.0f rec/s: %.2f x raw, %.2f x RE2/J"
                            + " | REST + profile %,.0f rec/s: %.2f x raw, %.2f x RE2/J%n",
                    round,
                    warmUp ? " (warm-up)" : "",
                    rawRate,
                    rawRe2jRate,
                    plainRate,
                    plainRate / rawRate,
                    plainRate / rawRe2jRate,
                    profiledRate,
                    profiledRate / rawRate,
                    profiledRate / rawRe2jRate);
        }
        long heapGrowth;
        try (HeapSampler heap = new HeapSampler(1_000)) {
            post(client, asset, ndjson, bodyBytes, true);
            heapGrowth = heap.growth();
        }
        System.out.printf(
                "RESULT median of %d rounds: raw networknt %,.0f rec/s, raw with RE2/J patterns %,.0f rec/s%n",
                ROUNDS, median(rounds, Round::raw), median(rounds, Round::rawRe2j));
        System.out.printf(
                "RESULT REST NDJSON %,.0f rec/s: %.2f x raw, %.2f x raw RE2/J%n",
                median(rounds, Round::plain),
                median(rounds, r -> r.plain() / r.raw()),
                median(rounds, r -> r.plain() / r.rawRe2j()));
        System.out.printf(
                "RESULT REST NDJSON + profile %,.0f rec/s: %.2f x raw, %.2f x raw RE2/J%n",
                median(rounds, Round::profiled),
                median(rounds, r -> r.profiled() / r.raw()),
                median(rounds, r -> r.profiled() / r.rawRe2j()));
        System.out.printf(
                "RESULT live-heap growth while streaming %.0f MB: %d MiB%n", bodyBytes / 1e6, heapGrowth >> 20);
    }

    /** Records per second of one round, each rate measured in it. */
    private record Round(double raw, double rawRe2j, double plain, double profiled) {}

    private static double rawRate(Schema schema, List<JsonNode> records) {
        long start = System.nanoTime();
        for (int pass = 0; pass < RECORDS / DISTINCT; pass++) {
            for (JsonNode record : records) {
                schema.validate(record);
            }
        }
        return RECORDS / seconds(start);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private void post(HttpClient client, String asset, byte[] chunk, long length, boolean profile) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/v1/assets/" + asset + "/validate?profile=" + profile))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingInputStream(chunk, length)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
