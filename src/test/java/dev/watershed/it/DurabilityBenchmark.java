package dev.watershed.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durable acknowledgements cost on the embedded H2 database: compatible publishes from 8 connections (one asset
 * each, so that the row lock does not serialize them) against the packaged jar, with every commit written before it
 * is acknowledged (the default) and with H2's former 500 ms write delay, in one run, alternating. Not part of the
 * test suite: {@code ./mvnw package -DskipTests && ./mvnw test -Pbench -Dtest=DurabilityBenchmark}.
 */
@Tag("benchmark")
class DurabilityBenchmark {

    private static final String TOKEN = "durability-benchmark-token";
    private static final int CONNECTIONS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void publishesPerSecondWithAndWithoutDurableCommits() throws Exception {
        Map<String, List<Result>> results = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String mode : List.of("durable", "write-delay-500ms")) {
                results.computeIfAbsent(mode, key -> new ArrayList<>()).add(measure(mode, round));
            }
        }
        Result durable = best(results.get("durable"));
        Result delayed = best(results.get("write-delay-500ms"));
        System.out.printf(
                "%nCompatible publishes, %d connections, H2 file, best of 2 rounds of %d s:%n",
                CONNECTIONS, MEASURED.toSeconds());
        System.out.printf(
                "  write delay 500 ms (not durable): %7.1f publishes/s, p99 %5.1f ms%n",
                delayed.rate(), delayed.p99Millis());
        System.out.printf(
                "  durable (WRITE_DELAY 0, default): %7.1f publishes/s, p99 %5.1f ms%n",
                durable.rate(), durable.p99Millis());
        System.out.printf("  durable / not durable: %.2f×%n%n", durable.rate() / delayed.rate());
        assertThat(durable.rate()).isPositive();
    }

    private Result measure(String mode, int round) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(mode + "-" + round));
        Map<String, String> settings = new HashMap<>(Map.of(
                "watershed.data-dir",
                dir.toString(),
                "watershed.auth.bootstrap-token",
                TOKEN,
                "watershed.examples.load",
                "false"));
        if (!mode.equals("durable")) {
            settings.put(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:" + dir.resolve("watershed")
                            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500;LOCK_TIMEOUT=10000");
        }
        try (RunningRegistry registry = RunningRegistry.start(dir, settings)) {
            send(registry, "/api/v1/teams", Map.of("name", "bench", "email", "bench@example.org"));
            for (int c = 0; c < CONNECTIONS; c++) {
                send(
                        registry,
                        "/api/v1/assets",
                        Map.of("name", "bench.asset-" + c, "kind", "DATASET", "owner", "bench"));
            }
            publishFor(registry, WARM_UP, "warm");
            return publishFor(registry, MEASURED, "run");
        }
    }

    /** Publishes compatible versions (one optional property more each time) from every connection for a while. */
    private Result publishFor(RunningRegistry registry, Duration duration, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            String asset = "bench.asset-" + c;
            connections.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; System.nanoTime() < end; i++) {
                    Map<String, Object> schema = Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("id", Map.of("type", "string"), prefix + i, Map.of("type", "string")));
                    long start = System.nanoTime();
                    send(
                            registry,
                            "/api/v1/assets/" + asset + "/contracts",
                            Map.of("format", "JSON_SCHEMA", "schema", schema));
                    latencies.add(System.nanoTime() - start);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> connection : connections) {
            Arrays.stream(connection.get(duration.toSeconds() + 60, TimeUnit.SECONDS))
                    .forEach(all::add);
        }
        pool.shutdownNow();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                sorted.length / (double) duration.toSeconds(),
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }

    private void send(RunningRegistry registry, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.baseUrl + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Result best(List<Result> rounds) {
        return rounds.stream().max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
    }

    private record Result(double rate, double p99Millis) {}
}
