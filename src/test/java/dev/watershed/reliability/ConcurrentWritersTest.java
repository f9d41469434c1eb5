package dev.watershed.reliability;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.adapter.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many clients changing one asset at once, as CI jobs of several teams do: every change is serialized on the
 * asset, so versions are consecutive and unique, nothing answers 5xx, and every acknowledged version is listed.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final int WRITERS = 16;
    private static final int PUBLISHES_EACH = 20;

    @Test
    void sixteenWritersPublishingToOneAssetGetConsecutiveUniqueVersions() throws Exception {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Queue results = new Queue();
        runConcurrently(WRITERS, writer -> {
            for (int i = 0; i < PUBLISHES_EACH; i++) {
                // Each publish adds an optional property: compatible under the default BACKWARD mode.
                results.add(publish(asset, "w" + writer + "_" + i));
            }
        });

        assertThat(results.serverErrors()).as("5xx answers").isEmpty();
        List<String> acknowledged = results.versionsWithStatus(201);
        assertThat(acknowledged).hasSize(WRITERS * PUBLISHES_EACH).doesNotHaveDuplicates();
        // 1.0.0 for the first, then one minor version per compatible addition, with no gap.
        List<String> expected = IntStream.range(0, WRITERS * PUBLISHES_EACH)
                .mapToObj(n -> "1." + n + ".0")
                .toList();
        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(expected);
        List<String> listed = given().get("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("version");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void publishesRollbacksAndDeprecationsOfOneAssetTakeTurns() throws Exception {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        asAdmin()
                .body(Map.of("compatibility", "NONE"))
                .put("/api/v1/assets/" + asset)
                .then()
                .statusCode(200);
        results(publish(asset, "first")).requireStatus(201);
        Queue results = new Queue();
        runConcurrently(8, writer -> {
            for (int i = 0; i < 8; i++) {
                switch ((writer + i) % 4) {
                    case 0 ->
                        results.add(
                                asAdmin().body(Map.of("to", "1.0.0")).post("/api/v1/assets/" + asset + "/rollback"));
                    case 1 -> results.add(asAdmin().post("/api/v1/assets/" + asset + "/contracts/1.0.0/deprecate"));
                    default -> results.add(publish(asset, "p" + writer + "_" + i));
                }
            }
        });

        assertThat(results.serverErrors()).as("5xx answers").isEmpty();
        // A rollback to a schema that is already the latest is refused with 409; everything else is stored.
        assertThat(results.statuses()).allMatch(status -> status == 200 || status == 201 || status == 409);
        List<String> created = results.versionsWithStatus(201);
        assertThat(created).doesNotHaveDuplicates();
        List<String> listed = given().get("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("version");
        assertThat(listed).hasSize(created.size() + 1).containsAll(created);
    }

    @Test
    void creatingTheSameNameFromManyClientsAtOnceStoresOneAndRefusesTheRest() throws Exception {
        String team = Api.unique("race-team");
        String asset = Api.unique("race.asset");
        Queue teams = new Queue();
        Queue assets = new Queue();
        runConcurrently(
                WRITERS,
                writer -> teams.add(asAdmin()
                        .body(Map.of("name", team, "email", "race@example.org"))
                        .post("/api/v1/teams")));
        runConcurrently(
                WRITERS,
                writer -> assets.add(asAdmin()
                        .body(Map.of("name", asset, "kind", "SOURCE", "owner", team))
                        .post("/api/v1/assets")));

        for (Queue answers : List.of(teams, assets)) {
            assertThat(answers.serverErrors()).as("5xx answers").isEmpty();
            assertThat(answers.statuses()).filteredOn(status -> status == 201).hasSize(1);
            assertThat(answers.statuses()).filteredOn(status -> status != 201).containsOnly(409);
        }
    }

    private static Response publish(String asset, String property) {
        Map<String, Object> schema = Map.of(
                "type",
                "object",
                "properties",
                Map.of("id", Map.of("type", "string"), property, Map.of("type", "string")));
        return asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", schema))
                .post("/api/v1/assets/" + asset + "/contracts");
    }

    /** Runs {@code body} on {@code threads} threads that start together, and waits for all of them. */
    private static void runConcurrently(int threads, WriterBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < threads; writer++) {
                int id = writer;
                running.add(pool.submit(() -> {
                    start.await();
                    body.run(id);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface WriterBody {
        void run(int writer);
    }

    private static Queue results(Response response) {
        Queue queue = new Queue();
        queue.add(response);
        return queue;
    }

    /** Status and version of every answer, collected from all writers. */
    private static final class Queue {

        private record Answer(int status, String version, String body) {}

        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

        void add(Response response) {
            String body = response.asString();
            String version = response.statusCode() < 300 && body.contains("\"version\"")
                    ? response.jsonPath().getString("version")
                    : null;
            answers.add(new Answer(response.statusCode(), version, body));
        }

        List<String> serverErrors() {
            return answers.stream()
                    .filter(a -> a.status() >= 500)
                    .map(a -> a.status() + " " + a.body())
                    .toList();
        }

        List<Integer> statuses() {
            return answers.stream().map(Answer::status).toList();
        }

        List<String> versionsWithStatus(int status) {
            List<String> versions = new ArrayList<>();
            answers.stream().filter(a -> a.status() == status).forEach(a -> versions.add(a.version()));
            return Collections.unmodifiableList(versions);
        }

        void requireStatus(int status) {
            assertThat(statuses()).containsOnly(status);
        }
    }
}
