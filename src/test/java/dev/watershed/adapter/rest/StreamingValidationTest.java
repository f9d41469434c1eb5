package dev.watershed.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A large chunked NDJSON body must stream through the endpoint: the live heap may not grow by anything like the
 * body's size. The body is generated while it is sent, so the client holds only one chunk of it too.
 */
@QuarkusTest
class StreamingValidationTest {

    private static final long BODY_BYTES = 256L << 20;
    private static final long MAX_HEAP_GROWTH = 64L << 20;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aQuarterGigabyteStreamsInBoundedHeap() throws Exception {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, Map.of("type", "object", "properties", Map.of("p", Map.of("type", "string"))), 201);
        String line = "{\"p\":\"" + "x".repeat(1_017) + "\"}\n";
        byte[] chunk = line.repeat(64).getBytes(StandardCharsets.UTF_8);
        long records = BODY_BYTES / line.length();
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/v1/assets/" + asset + "/validate?profile=false"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new RepeatingInputStream(chunk, records * line.length())))
                .build();
        HttpResponse<String> response;
        long growth;
        try (HeapSampler heap = new HeapSampler(250)) {
            // HTTP/1.1 on purpose: the JDK client's default h2c upgrade makes Vert.x buffer the upgrade request's
            // whole body before the resource sees it (measured: live heap grew by the body's size).
            response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            growth = heap.growth();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(records);
        assertThat(body.get("valid").asLong()).isEqualTo(records);
        assertThat(growth)
                .as("live heap growth while streaming %d MiB", BODY_BYTES >> 20)
                .isLessThan(MAX_HEAP_GROWTH);
    }
}
