package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * An Avro container file whose one block inflates from about 130 KB to 128 MiB is refused when its decompressed
 * size passes watershed.validation.max-block-bytes (16 MiB), before it is inflated further; eight at once leave the
 * live heap far below what inflating them would take (8 × 128 MiB), and the registry serves others meanwhile.
 */
@QuarkusTest
class DecompressionBombTest {

    private static final String SCHEMA =
            "{\"type\":\"record\",\"name\":\"Note\",\"fields\":[" + "{\"name\":\"text\",\"type\":\"string\"}]}";
    private static final int BOMBS = 8;
    private static final long MAX_HEAP_GROWTH = 400L << 20;

    @TestHTTPResource("/")
    URI base;

    @Test
    void eightDeflateBombsAreRefusedWith413InBoundedMemoryWhileOthersAreServed() throws Exception {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", SCHEMA))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        byte[] bomb = bomb(128, 1 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/assets/" + asset + "/validate"))
                .header("Content-Type", "application/avro")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                .build();

        List<HttpResponse<String>> responses = new ArrayList<>();
        long growth;
        try (HeapSampler heap = new HeapSampler(100)) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < BOMBS; i++) {
                sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            long started = System.nanoTime();
            asAdmin().get("/api/v1/teams").then().statusCode(200);
            // Served while the bombs are being refused; the bound is loose because a loaded CI machine is slow, and a
            // registry whose workers the bombs held would not answer until they had all been inflated.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                responses.add(response.join());
            }
            growth = heap.growth();
        }

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = new ObjectMapper().readTree(response.body());
            assertThat(problem.get("code").asText()).isEqualTo("DECOMPRESSED_BLOCK_TOO_LARGE");
            assertThat(problem.get("detail").asText()).contains("watershed.validation.max-block-bytes");
        }
        assertThat(growth).as("live heap growth with %d bombs at once", BOMBS).isLessThan(MAX_HEAP_GROWTH);
    }

    /** {@code records} records of {@code textBytes} repeated characters, all in one deflate block. */
    private static byte[] bomb(int records, int textBytes) throws IOException {
        Schema schema = new Schema.Parser().parse(SCHEMA);
        String text = "a".repeat(textBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.setCodec(CodecFactory.deflateCodec(9));
            writer.setSyncInterval(1 << 30);
            writer.create(schema, out);
            for (int i = 0; i < records; i++) {
                GenericRecord record = new GenericData.Record(schema);
                record.put("text", text);
                writer.append(record);
            }
        }
        return out.toByteArray();
    }
}
