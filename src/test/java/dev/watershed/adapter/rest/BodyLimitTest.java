package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * watershed.limits.max-body-bytes (16 MiB) holds for a body that does not declare its length: the bytes are counted
 * as they arrive, the client is answered 413 as soon as it passes the limit, and what it sends after is dropped, not
 * kept. Streamed NDJSON and Avro batches are not bounded by it (StreamingValidationTest streams 256 MiB).
 */
@QuarkusTest
class BodyLimitTest {

    private static final long LIMIT = 16L << 20;
    /** What the client tries to send: far more than the limit, and than the live heap may grow by. */
    private static final long ATTEMPTED = 256L << 20;

    private static final long MAX_HEAP_GROWTH = 64L << 20;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChunkedJsonBodyOverTheLimitIsA413AndIsNotKept() throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (RawHttp http = RawHttp.open(base);
                HeapSampler heap = new HeapSampler(100)) {
            http.head(
                    "POST /api/v1/teams HTTP/1.1",
                    "Authorization: Bearer " + Api.ADMIN_TOKEN,
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            // JSON whitespace, sent as fast as the server takes it, while the answer is read on this thread.
            Future<Long> sent = sender.submit(() -> {
                byte[] spaces = new byte[64 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                long total = 0;
                try {
                    while (total < ATTEMPTED) {
                        http.chunk(spaces);
                        total += spaces.length;
                    }
                } catch (IOException closedByTheServer) {
                    // Expected: the server stops listening once it has answered and drained a little.
                }
                return total;
            });

            RawHttp.Response response = http.response(Duration.ofSeconds(30));

            HttpErrorsTest.assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
            assertThat(HttpErrorsTest.problem(response).get("detail").asText())
                    .contains("watershed.limits.max-body-bytes");
            asAdmin().get("/api/v1/teams").then().statusCode(200);
            long total = sent.get(30, TimeUnit.SECONDS);
            assertThat(total)
                    .as("bytes the server read before closing the connection")
                    .isLessThan(ATTEMPTED)
                    .isGreaterThan(LIMIT);
            assertThat(heap.growth())
                    .as("live heap growth while %d MiB were sent", total >> 20)
                    .isLessThan(MAX_HEAP_GROWTH);
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void aChunkedJsonBodyUnderTheLimitIsServed() throws IOException {
        String name = Api.unique("team");
        try (RawHttp http = RawHttp.open(base)) {
            RawHttp.Response response = http.head(
                            "POST /api/v1/teams HTTP/1.1",
                            "Authorization: Bearer " + Api.ADMIN_TOKEN,
                            "Content-Type: application/json",
                            "Transfer-Encoding: chunked")
                    .chunk(("{\"name\":\"" + name + "\",").getBytes(StandardCharsets.UTF_8))
                    .chunk(("\"email\":\"" + name + "@example.org\"}").getBytes(StandardCharsets.UTF_8))
                    .chunk(new byte[0])
                    .response(Duration.ofSeconds(10));

            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
        asAdmin().get("/api/v1/teams/" + name).then().statusCode(200);
    }
}
