package dev.watershed.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their bodies slowly, or hold many streams open, cost the registry a connection each but never
 * the threads that serve everyone else: other endpoints and readiness answer promptly throughout. The test profile
 * measures the body rate over 1 s windows (watershed.limits.body-rate-window) so that cuts come within seconds.
 */
@QuarkusTest
class SlowClientTest {

    /** How promptly the bystanders must be served: generous, to hold on a loaded build machine. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TestHTTPResource("/")
    URI base;

    private LogCapture log;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        log = new LogCapture();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws InterruptedException {
        log.close();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void bodiesTrickledAByteAtATimeAreCutWhileEveryoneElseIsServed() throws Exception {
        List<Future<RawHttp.Response>> slow = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // The stateless validation of the issue, and a write that needs a token it never gets to send.
            String path = i % 2 == 0 ? "/api/v1/validate" : "/api/v1/teams";
            slow.add(threads.submit(() -> trickle(path, "application/json")));
        }

        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            servedPromptly("/api/v1/teams", 200);
            servedPromptly("/q/health/ready", 200);
            Thread.sleep(200);
        }

        for (Future<RawHttp.Response> client : slow) {
            RawHttp.Response response = client.get(10, TimeUnit.SECONDS);
            HttpErrorsTest.assertProblem(response, 408, "BODY_TOO_SLOW");
            assertThat(HttpErrorsTest.problem(response).get("detail").asText())
                    .contains("watershed.limits.body-min-rate");
        }
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void streamsBeyondTheSlotsGet503AndReadinessSaysSoWhileEveryoneElseIsServed() throws Exception {
        String asset = assetWithContract();
        int limit = capacity().get("limit").asInt();
        List<RawHttp> streams = new ArrayList<>();
        AtomicBoolean feeding = new AtomicBoolean(true);
        try {
            for (int i = 0; i < limit; i++) {
                streams.add(stream(asset).chunk(bytes("{\"n\":1}\n")));
            }
            // Well above the minimum rate: these are legitimate long batches, not slow clients.
            Future<?> feeder = threads.submit(() -> {
                byte[] blankLines = "\n".repeat(8192).getBytes(StandardCharsets.UTF_8);
                while (feeding.get()) {
                    for (RawHttp stream : streams) {
                        stream.chunk(blankLines);
                    }
                    Thread.sleep(250);
                }
                return null;
            });
            awaitSlotsInUse(limit);

            try (RawHttp oneMore = stream(asset)) {
                RawHttp.Response refused = oneMore.response(PROMPT);
                HttpErrorsTest.assertProblem(refused, 503, "VALIDATION_CAPACITY_EXHAUSTED");
                assertThat(refused.header("Retry-After")).isNotBlank();
            }
            JsonNode readiness = servedPromptly("/q/health/ready", 503);
            assertThat(readiness.get("status").asText()).isEqualTo("DOWN");
            assertThat(check(readiness).get("status").asText()).isEqualTo("DOWN");
            servedPromptly("/api/v1/teams", 200);
            servedPromptly("/api/v1/assets/" + asset, 200);

            feeding.set(false);
            feeder.get(10, TimeUnit.SECONDS);
            for (RawHttp stream : streams) {
                stream.chunk(bytes("{\"n\":2}\n")).chunk(new byte[0]);
            }
            for (RawHttp stream : streams) {
                RawHttp.Response done = stream.response(Duration.ofSeconds(10));
                assertThat(done.status()).as(done.body()).isEqualTo(200);
                assertThat(JSON.readTree(done.body()).get("total").asInt()).isEqualTo(2);
            }
            awaitSlotsInUse(0);
            servedPromptly("/q/health/ready", 200);
        } finally {
            feeding.set(false);
            for (RawHttp stream : streams) {
                stream.close();
            }
        }
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void aStreamThatStallsIsCutAndGivesItsSlotBack() throws Exception {
        String asset = assetWithContract();
        try (RawHttp stalled = stream(asset).chunk(bytes("{\"n\":1}\n"))) {
            RawHttp.Response cut = stalled.response(Duration.ofSeconds(5));

            HttpErrorsTest.assertProblem(cut, 408, "BODY_TOO_SLOW");
            assertThat(stalled.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        awaitSlotsInUse(0);
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void aClientThatLeavesMidStreamGivesItsSlotBackWithoutAnErrorInTheLog() throws Exception {
        String asset = assetWithContract();
        RawHttp leaving = stream(asset).chunk(bytes("{\"n\":1}\n{\"n\":2}\n"));
        awaitSlotsInUse(1);

        leaving.close();

        awaitSlotsInUse(0);
        assertThat(log.problems()).isEmpty();
    }

    /** Sends the head, then one byte of body every 300 ms until the server answers or closes the connection. */
    private RawHttp.Response trickle(String path, String contentType) throws Exception {
        try (RawHttp http = RawHttp.open(base)) {
            http.head("POST " + path + " HTTP/1.1", "Content-Type: " + contentType, "Transfer-Encoding: chunked");
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (!http.answered() && System.nanoTime() < giveUp) {
                    http.chunk(bytes(" "));
                    Thread.sleep(300);
                }
            } catch (IOException closedByTheServer) {
                // The answer is already on its way, or lost with the connection: read what there is.
            }
            return http.response(Duration.ofSeconds(5));
        }
    }

    private RawHttp stream(String asset) throws IOException {
        return RawHttp.open(base)
                .head(
                        "POST /api/v1/assets/" + asset + "/validate?profile=false HTTP/1.1",
                        "Content-Type: application/x-ndjson",
                        "Transfer-Encoding: chunked");
    }

    private static String assetWithContract() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, Map.of("type", "object"), 201);
        return asset;
    }

    /** GETs a path with a fresh connection, asserts the status and that it came within {@link #PROMPT}. */
    private JsonNode servedPromptly(String path, int status) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
        assertThat(took).as("time to answer %s", path).isLessThan(PROMPT);
        return JSON.readTree(response.body());
    }

    private JsonNode capacity() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return check(JSON.readTree(response.body())).get("data");
    }

    private static JsonNode check(JsonNode readiness) {
        for (JsonNode check : readiness.get("checks")) {
            if (check.get("name").asText().equals("validation-capacity")) {
                return check;
            }
        }
        throw new AssertionError("no validation-capacity check in " + readiness);
    }

    /** Waits (at most 5 s: the watchdog looks every second) until exactly {@code count} slots are taken. */
    private void awaitSlotsInUse(int count) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int inUse = capacity().get("inUse").asInt();
        while (inUse != count && System.nanoTime() < giveUp) {
            Thread.sleep(100);
            inUse = capacity().get("inUse").asInt();
        }
        assertThat(inUse).as("validation slots in use").isEqualTo(count);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
