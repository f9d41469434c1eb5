package dev.watershed.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never lose an acknowledged write: the packaged registry under concurrent publishers is killed with SIGKILL at a
 * random moment, started again, and every version it answered 201 for must be there with the same fingerprint. Some
 * cycles stop it with SIGTERM instead, where in-flight requests are drained. Runs on whatever database the jar was
 * built for (the embedded H2 file, or the PostgreSQL that {@code QUARKUS_DATASOURCE_*} point at).
 *
 * <p>{@code -Dwatershed.crash.cycles=20} for the long run (default 3); {@code -Dwatershed.crash.seed=N} repeats
 * the kill moments of an earlier run.
 */
class CrashIT {

    private static final String TOKEN = "crash-test-admin-token";
    private static final int WRITERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedPublishesSurviveKillNine() throws Exception {
        int cycles = Integer.getInteger("watershed.crash.cycles", 3);
        long seed = Long.getLong("watershed.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = Long.toString(Math.abs(seed % 1_000_000_000L), 36);
        Map<String, String> settings = Map.of(
                "watershed.data-dir",
                workDir.resolve("data").toString(),
                "watershed.auth.bootstrap-token",
                TOKEN,
                "watershed.examples.load",
                "false");
        // Two writers per asset: the row lock and the durability of commits are both at stake.
        List<String> assets = List.of("crash-" + run + ".orders", "crash-" + run + ".payments");
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        int lost = 0;

        try (RunningRegistry first = RunningRegistry.start(workDir, settings)) {
            call(first, "POST", "/api/v1/teams", Map.of("name", "crash-" + run, "email", "crash@example.org"), 201);
            for (String asset : assets) {
                call(
                        first,
                        "POST",
                        "/api/v1/assets",
                        Map.of("name", asset, "kind", "DATASET", "owner", "crash-" + run),
                        201);
            }
        }
        for (int cycle = 0; cycle < cycles; cycle++) {
            // Every third cycle is a graceful stop, which must drain what is in flight.
            boolean graceful = cycle % 3 == 2;
            long runFor = 1_500 + random.nextInt(2_500);
            RunningRegistry registry = RunningRegistry.start(workDir, settings);
            try {
                lost += missing(registry, acknowledged).size();
                writeUntilStopped(registry, assets, cycle, acknowledged, runFor, graceful);
            } finally {
                registry.close();
            }
            System.out.printf(
                    "crash cycle %d/%d (%s after %d ms): %d acknowledged so far%n",
                    cycle + 1, cycles, graceful ? "SIGTERM" : "SIGKILL", runFor, acknowledged.size());
        }
        List<String> gone;
        try (RunningRegistry last = RunningRegistry.start(workDir, settings)) {
            gone = missing(last, acknowledged);
        }
        System.out.printf(
                "crash test (seed %d): %d cycles, %d publishes acknowledged, %d lost%n",
                seed, cycles, acknowledged.size(), gone.size() + lost);
        assertThat(acknowledged).as("publishes acknowledged").hasSizeGreaterThan(cycles * 10);
        assertThat(gone)
                .as("acknowledged versions missing after the restarts (seed %d)", seed)
                .isEmpty();
        assertThat(lost)
                .as("acknowledged versions missing after an intermediate restart (seed %d)", seed)
                .isZero();
    }

    /** Publishes from {@link #WRITERS} threads until the registry is killed (or stopped) after {@code runFor}. */
    private void writeUntilStopped(
            RunningRegistry registry,
            List<String> assets,
            int cycle,
            Queue<Acknowledged> acknowledged,
            long runFor,
            boolean graceful)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger serverErrors = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String asset = assets.get(w % assets.size());
            String writer = "c" + cycle + "w" + w;
            running.add(writers.submit(() -> {
                for (int i = 0; ; i++) {
                    HttpResponse<String> response;
                    try {
                        response = send(
                                registry,
                                "POST",
                                "/api/v1/assets/" + asset + "/contracts",
                                publishBody(writer + "_" + i));
                    } catch (IOException gone) {
                        if (stopping.get()) {
                            return null;
                        }
                        throw gone;
                    }
                    if (response.statusCode() == 201) {
                        JsonNode body = JSON.readTree(response.body());
                        String version = body.get("version").asText();
                        acknowledged.add(new Acknowledged(
                                asset, version, body.get("fingerprint").asText()));
                    } else if (response.statusCode() >= 500 && !(stopping.get() && response.statusCode() == 503)) {
                        serverErrors.incrementAndGet();
                        System.out.println("publish answered " + response.statusCode() + ": " + response.body());
                    }
                    if (stopping.get() && graceful) {
                        return null;
                    }
                }
            }));
        }
        Thread.sleep(runFor);
        stopping.set(true);
        if (graceful) {
            registry.close();
        } else {
            registry.kill();
        }
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdownNow();
        assertThat(serverErrors.get())
                .as("publishes answered 5xx while the registry was up")
                .isZero();
    }

    /** The acknowledged versions the registry does not list with the fingerprint it acknowledged. */
    private List<String> missing(RunningRegistry registry, Queue<Acknowledged> acknowledged) throws Exception {
        Map<String, Map<String, String>> listed = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Acknowledged ack : acknowledged) {
            Map<String, String> versions = listed.computeIfAbsent(ack.asset(), asset -> list(registry, asset));
            if (!ack.fingerprint().equals(versions.get(ack.version()))) {
                missing.add(ack.asset() + "@" + ack.version());
            }
        }
        return missing;
    }

    private Map<String, String> list(RunningRegistry registry, String asset) {
        try {
            HttpResponse<String> response = send(registry, "GET", "/api/v1/assets/" + asset + "/contracts", null);
            assertThat(response.statusCode())
                    .as("listing %s: %s", asset, response.body())
                    .isEqualTo(200);
            Map<String, String> versions = new HashMap<>();
            for (JsonNode contract : JSON.readTree(response.body())) {
                versions.put(
                        contract.get("version").asText(),
                        contract.get("fingerprint").asText());
            }
            return versions;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> publishBody(String property) {
        return Map.of(
                "format",
                "JSON_SCHEMA",
                "schema",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("id", Map.of("type", "string"), property, Map.of("type", "string"))));
    }

    private void call(RunningRegistry registry, String method, String path, Object body, int expected)
            throws Exception {
        HttpResponse<String> response = send(registry, method, path, body);
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(expected);
    }

    private HttpResponse<String> send(RunningRegistry registry, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .version(HttpClient.Version.HTTP_1_1);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Acknowledged(String asset, String version, String fingerprint) {}
}
