package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The findings that compare declared dependencies with what OpenLineage runs reported, through the API. */
@QuarkusTest
class ObservedLineageFindingsTest {

    private static final String NAMESPACE = "postgres://findings.test:5432";

    private record Pair(String team, String producer, String consumer) {}

    /** A producer with a contract {id, amount, channel} and a consumer, known by tables named after them. */
    private static Pair pair() {
        String team = Api.createTeam();
        String producer = asset(team, "DATASET");
        String consumer = asset(team, "FEATURE");
        Api.publish(
                producer,
                Api.objectSchema(
                        Map.of(
                                "id", Map.of("type", "string"),
                                "amount", Map.of("type", "number"),
                                "channel", Map.of("type", "string")),
                        List.of("id")),
                201);
        return new Pair(team, producer, consumer);
    }

    private static String asset(String team, String kind) {
        return Api.createAssetKnownAs(team, kind, NAMESPACE, "");
    }

    /** A completed run of etl/features reading the producer's {@code field} into the consumer, at {@code at}. */
    private static void run(Pair pair, String field, Instant at) {
        String event = """
                {"eventType": "COMPLETE", "eventTime": "%s",
                 "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "features"},
                 "inputs": [{"namespace": "%s", "name": "%s"}],
                 "outputs": [{"namespace": "%s", "name": "%s", "facets": {"columnLineage": {"fields": {
                     "out": {"inputFields": [{"namespace": "%s", "name": "%s", "field": "%s"}]}}}}}]}
                """.formatted(
                        at,
                        UUID.randomUUID(),
                        NAMESPACE,
                        pair.producer(),
                        NAMESPACE,
                        pair.consumer(),
                        NAMESPACE,
                        pair.producer(),
                        field);
        asAdmin().body(event).post("/api/v1/lineage").then().statusCode(201);
    }

    private static void declare(Pair pair, List<String> fields) {
        asAdmin()
                .body(Map.of("fields", fields))
                .put("/api/v1/assets/" + pair.consumer() + "/dependencies/" + pair.producer())
                .then()
                .statusCode(201);
    }

    private static JsonPath findings(String asset) {
        return given().get("/api/v1/assets/" + asset + "/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> codes(String asset) {
        return findings(asset).getList("findings.code");
    }

    @Test
    void anObservedFlowNobodyDeclaredIsAnUndeclaredDependencyWhoseRemedyIsTheDeclaration() {
        Pair pair = pair();
        assertThat(codes(pair.consumer())).doesNotContain("UNDECLARED_DEPENDENCY");
        run(pair, "amount", Instant.now());

        JsonPath found = findings(pair.consumer());
        assertThat(found.getList("findings.code")).contains("UNDECLARED_DEPENDENCY");
        assertThat(found.getString("findings.find { it.code == 'UNDECLARED_DEPENDENCY' }.remedy"))
                .contains("PUT /api/v1/assets/" + pair.consumer() + "/dependencies/" + pair.producer())
                .contains("/amount");

        declare(pair, List.of("/amount"));
        assertThat(codes(pair.consumer())).doesNotContain("UNDECLARED_DEPENDENCY", "FIELD_READ_NOT_DECLARED");
    }

    @Test
    void aFieldTheRunsReadThatTheDeclarationDoesNotListIsReported() {
        Pair pair = pair();
        declare(pair, List.of("/id"));
        run(pair, "amount", Instant.now());

        JsonPath found = findings(pair.consumer());
        assertThat(found.getList("findings.code")).contains("FIELD_READ_NOT_DECLARED");
        assertThat(found.getList("findings.find { it.code == 'FIELD_READ_NOT_DECLARED' }.fields"))
                .containsExactly("/amount");
        assertThat(found.getList("findings.code")).doesNotContain("UNDECLARED_DEPENDENCY");
    }

    @Test
    void aDeclarationNoRunUsedWhileTheConsumersJobsRanIsStale() {
        Pair pair = pair();
        String other = asset(pair.team(), "DATASET");
        declare(pair, List.of());
        // The consumer's job last read the producer 40 days ago, and has not run since: nothing to judge.
        run(pair, "id", Instant.now().minus(40, ChronoUnit.DAYS));
        assertThat(codes(pair.consumer())).doesNotContain("STALE_DECLARATION");

        // Today it ran reading only another table.
        run(new Pair(pair.team(), other, pair.consumer()), "x", Instant.now());
        assertThat(codes(pair.consumer())).contains("STALE_DECLARATION");
        run(pair, "id", Instant.now().minus(1, ChronoUnit.HOURS));
        assertThat(codes(pair.consumer())).doesNotContain("STALE_DECLARATION");
    }
}
