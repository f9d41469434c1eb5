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
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REST NDJSON throughput against raw in-process networknt on the same 30-field schema and records, in one run:
 * {@code ./mvnw -o test -Pbench -Dtest=ValidationRestBenchmark}. The body is generated while it is sent (a distinct
 * set of records repeated), over HTTP/1.1 chunked, so neither side holds it; the live heap is sampled meanwhile.
 */
@QuarkusTest
@Tag("benchmark")
class ValidationRestBenchmark {

    private static final int DISTINCT = 20_000;
    private static final int RECORDS = 200_000;
    private static final int ROUNDS = 3;

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
                "%,d records per REST request (%,d distinct), %.1f MB body, %.0f bytes/record%n",
                RECORDS, DISTINCT, bodyBytes / 1e6, (double) ndjson.length / DISTINCT);

        post(client, asset, ndjson, ndjson.length, false);
        post(client, asset, ndjson, ndjson.length, true);
        double rawRate = 0;
        double rawRe2jRate = 0;
        double plainRate = 0;
        double profiledRate = 0;
        long heapGrowth = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int pass = 0; pass < RECORDS / DISTINCT; pass++) {
                for (JsonNode record : records) {
                    raw.validate(record);
                }
            }
            rawRate = RECORDS / seconds(start);
            start = System.nanoTime();
            for (int pass = 0; pass < RECORDS / DISTINCT; pass++) {
                for (JsonNode record : records) {
                    rawRe2j.validate(record);
                }
            }
            rawRe2jRate = RECORDS / seconds(start);
            try (HeapSampler heap = new HeapSampler(1_000)) {
                start = System.nanoTime();
                post(client, asset, ndjson, bodyBytes, false);
                plainRate = RECORDS / seconds(start);
                heapGrowth = Math.max(heapGrowth, heap.growth());
            }
            start = System.nanoTime();
            post(client, asset, ndjson, bodyBytes, true);
            profiledRate = RECORDS / seconds(start);
            System.out.printf(
                    "round %d: raw networknt %,.0f rec/s | REST NDJSON %,.0f rec/s (%.2f x raw)"
                            + " | REST NDJSON + profile %,.0f rec/s (%.2f x raw)%n",
                    round, rawRate, plainRate, plainRate / rawRate, profiledRate, profiledRate / rawRate);
        }
        System.out.printf(
                "RESULT raw=%,.0f rest=%,.0f (%.2f) rest+profile=%,.0f (%.2f) liveHeapGrowth=%d MiB%n",
                rawRate, plainRate, plainRate / rawRate, profiledRate, profiledRate / rawRate, heapGrowth >> 20);
        System.out.printf(
                "RESULT against raw networknt with RE2/J patterns (%,.0f rec/s): rest %.2f," + " rest+profile %.2f%n",
                rawRe2jRate, plainRate / rawRe2jRate, profiledRate / rawRe2jRate);
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
