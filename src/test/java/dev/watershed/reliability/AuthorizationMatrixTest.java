package dev.watershed.reliability;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.adapter.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every write operation of the live OpenAPI document (POST, PUT, PATCH, DELETE under {@code /api/v1}) tried by four
 * callers who must not change anything: no token (401), a garbage token (401), an editor of a team that owns none of
 * the objects (403) and a revoked token of the owning team (401). The path parameters name real objects of a
 * {@link Fixture} and the bodies are valid, so neither a 404 nor a 422 can hide a missing check. A new write endpoint
 * fails this test until it is given a request here, so it cannot ship unguarded.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Intruder {
        NO_TOKEN(401, "UNAUTHENTICATED"),
        GARBAGE_TOKEN(401, "UNAUTHENTICATED"),
        OTHER_TEAM(403, "FORBIDDEN"),
        REVOKED_TOKEN(401, "UNAUTHENTICATED");

        final int status;
        final String code;

        Intruder(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    /** A valid request for one operation; the body is JSON unless {@code contentType} says otherwise. */
    private record Write(String query, String contentType, Function<Fixture, Object> body) {}

    /**
     * The writes open by design to some of the intruders, who then succeed (2xx), with why. Keep this short: every
     * entry is an endpoint where a foreign or anonymous caller may change or trigger something.
     */
    private record Open(Set<Intruder> allowed, String reason) {}

    private static final Map<String, Open> OPEN = Map.of(
            "POST /api/v1/compatibility",
                    new Open(
                            EnumSet.of(Intruder.NO_TOKEN, Intruder.OTHER_TEAM),
                            "a stateless check that stores nothing: open like a read, POST only to carry the schemas"),
            "POST /api/v1/validate",
                    new Open(
                            EnumSet.of(Intruder.NO_TOKEN, Intruder.OTHER_TEAM),
                            "stateless validation against a schema in the request: stores nothing, open like a read"),
            "POST /api/v1/assets/{name}/validate",
                    new Open(
                            EnumSet.of(Intruder.OTHER_TEAM),
                            "recording an observation is allowed to any authenticated caller (ObservationService): the"
                                    + " consumers who check their training and serving data are rarely the owners"),
            "POST /api/v1/assets/{name}/baselines",
                    new Open(
                            EnumSet.of(Intruder.OTHER_TEAM),
                            "a baseline merges recorded observations and, like recording them, is open to any"
                                    + " authenticated caller (BaselineService.createBaseline); another team's baseline merges"
                                    + " only what that team recorded and never becomes the owner's current one"),
            "POST /api/v1/assets/{name}/drift",
                    new Open(
                            EnumSet.of(Intruder.OTHER_TEAM),
                            "a drift check of an observation or a batch is open to any authenticated caller, like recording"
                                    + " observations (DriftService.checkObservation, checkBatch)"),
            "POST /api/v1/lineage",
                    new Open(
                            EnumSet.of(Intruder.OTHER_TEAM),
                            "an OpenLineage event records what a job read and wrote and changes no one's declarations:"
                                    + " any team's pipeline may report it (LineageIngestion.ingest)"));

    private static final Map<String, Write> REQUESTS = Map.ofEntries(
            entry(
                    "POST /api/v1/teams",
                    json(fixture -> Map.of("name", Api.unique("team"), "email", "matrix@example.org"))),
            entry("POST /api/v1/tokens", json(fixture -> Map.of("team", fixture.team(), "role", "EDITOR"))),
            entry("DELETE /api/v1/tokens/{id}", none()),
            entry(
                    "POST /api/v1/assets",
                    json(fixture ->
                            Map.of("name", Api.unique("matrix.asset"), "kind", "SOURCE", "owner", fixture.team()))),
            entry(
                    "PUT /api/v1/assets/{name}",
                    json(fixture -> Map.of(
                            "name",
                            fixture.producer(),
                            "kind",
                            "DATASET",
                            "owner",
                            fixture.team(),
                            "description",
                            "changed by an intruder"))),
            entry("DELETE /api/v1/assets/{name}", none()),
            entry(
                    "POST /api/v1/assets/{name}/contracts",
                    json(fixture -> Map.of(
                            "format",
                            "JSON_SCHEMA",
                            "schema",
                            Map.of(
                                    "type",
                                    "object",
                                    "properties",
                                    Map.of("id", Map.of("type", "integer"), "extra", Map.of("type", "string")))))),
            entry("POST /api/v1/assets/{name}/contracts/{version}/deprecate", none()),
            entry("POST /api/v1/assets/{name}/rollback", json(fixture -> Map.of("to", "1.0.0"))),
            entry(
                    "PUT /api/v1/assets/{name}/dependencies/{producer}",
                    json(fixture -> Map.of("versionRange", "^1", "fields", List.of("/id")))),
            entry("DELETE /api/v1/assets/{name}/dependencies/{producer}", none()),
            entry(
                    "POST /api/v1/assets/{name}/validate",
                    new Write("label=matrix", Fixture.NDJSON, fixture -> Fixture.batch(5))),
            entry("POST /api/v1/assets/{name}/baselines", json(fixture -> Map.of("label", "training"))),
            entry("POST /api/v1/assets/{name}/drift", json(fixture -> Map.of("observation", fixture.observationId()))),
            entry(
                    "POST /api/v1/lineage",
                    json(fixture -> Map.of(
                            "eventType", "COMPLETE",
                            "eventTime", "2026-06-01T10:00:00Z",
                            "run", Map.of("runId", UUID.randomUUID().toString()),
                            "job", Map.of("namespace", "matrix", "name", "job"),
                            "inputs", List.of(Map.of("namespace", "matrix", "name", "in")),
                            "outputs", List.of(Map.of("namespace", "matrix", "name", "out"))))),
            entry("POST /api/v1/assets/{name}/observations/{id}/accept", none()),
            entry(
                    "POST /api/v1/plans",
                    json(fixture -> Map.of(
                            "assets",
                            List.of(Map.of(
                                    "name",
                                    fixture.producer(),
                                    "kind",
                                    "SOURCE",
                                    "owner",
                                    fixture.team(),
                                    "description",
                                    "changed by an intruder's plan"))))),
            entry(
                    "POST /api/v1/subscriptions",
                    json(fixture -> Map.of(
                            "team",
                            fixture.team(),
                            "events",
                            List.of("contract.published"),
                            "channel",
                            "EMAIL",
                            "target",
                            "matrix@example.org"))),
            entry("DELETE /api/v1/subscriptions/{id}", none()),
            entry("POST /api/v1/notifications/{id}/read", none()),
            entry("POST /api/v1/deliveries/{id}/retry", none()),
            entry(
                    "POST /api/v1/compatibility",
                    json(fixture -> Map.of(
                            "format",
                            "JSON_SCHEMA",
                            "mode",
                            "BACKWARD",
                            "schema",
                            Map.of("type", "object"),
                            "previous",
                            List.of(Map.of("type", "object"))))),
            entry(
                    "POST /api/v1/validate",
                    json(fixture -> Map.of(
                            "format", "JSON_SCHEMA", "schema", Fixture.SCHEMA, "records", List.of(Map.of("id", 1))))));

    @Test
    void noWriteAnswersACallerWhoMayNotMakeIt() {
        OpenApiOperations api = OpenApiOperations.load();
        List<OpenApiOperations.Operation> writes = api.writes();
        Set<String> documented = new TreeSet<>();
        writes.forEach(operation -> documented.add(operation.key()));

        List<String> uncovered =
                documented.stream().filter(key -> !REQUESTS.containsKey(key)).toList();
        assertThat(uncovered)
                .as("write operations in /q/openapi without a request in AuthorizationMatrixTest."
                        + "REQUESTS: add a valid request for each (query, content type and body, using the Fixture's objects;"
                        + " extend Fixture.create() and Fixture.pathValue() for a new kind of path parameter), so that it is"
                        + " tried with every caller who may not make it; if some of those callers may make it by design, add"
                        + " the operation to OPEN with the reason")
                .isEmpty();
        Set<String> stale = new TreeSet<>(REQUESTS.keySet());
        stale.addAll(OPEN.keySet());
        stale.removeAll(documented);
        assertThat(stale)
                .as("entries of REQUESTS or OPEN for operations the document no longer has: remove them")
                .isEmpty();

        Fixture fixture = Fixture.create();
        Map<Intruder, String> tokens = new LinkedHashMap<>();
        tokens.put(Intruder.NO_TOKEN, null);
        tokens.put(Intruder.GARBAGE_TOKEN, "wst_" + "x".repeat(40));
        tokens.put(Intruder.OTHER_TEAM, fixture.otherEditorToken());
        tokens.put(Intruder.REVOKED_TOKEN, fixture.revokedToken());

        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (OpenApiOperations.Operation operation : writes) {
            Write write = REQUESTS.get(operation.key());
            Map<String, String> values = new LinkedHashMap<>();
            operation
                    .pathParameters()
                    .forEach(parameter ->
                            values.put(parameter.name(), fixture.pathValue(operation.path(), parameter.name())));
            String uri = operation.expand(values) + (write.query() == null ? "" : "?" + write.query());
            Open open = OPEN.get(operation.key());
            for (Map.Entry<Intruder, String> intruder : tokens.entrySet()) {
                Response response = request(intruder.getValue(), write, fixture).request(operation.method(), uri);
                tried++;
                boolean allowed = open != null && open.allowed().contains(intruder.getKey());
                String problem = allowed ? expectSuccess(response) : expectRefusal(response, intruder.getKey());
                if (problem != null) {
                    wrong.add(operation.method() + " " + uri + " as " + intruder.getKey() + ": " + problem + "; body: "
                            + FuzzTest.truncate(response.asString(), 300));
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + writes.size() + " write operations x " + tokens.size()
                + " callers = " + tried + " requests, " + OPEN.size() + " open by design");
        assertThat(wrong)
                .as("writes that answered a caller who may not make them wrongly")
                .isEmpty();
    }

    private static String expectRefusal(Response response, Intruder intruder) {
        if (response.statusCode() != intruder.status) {
            return "expected " + intruder.status + " " + intruder.code + ", got " + response.statusCode();
        }
        String code = response.path("code");
        if (!intruder.code.equals(code) || !response.contentType().startsWith("application/problem+json")) {
            return "expected a problem with code " + intruder.code + ", got " + response.contentType() + " " + code;
        }
        return null;
    }

    private static String expectSuccess(Response response) {
        return response.statusCode() / 100 == 2
                ? null
                : "open by design (see OPEN) but refused with " + response.statusCode();
    }

    private static RequestSpecification request(String token, Write write, Fixture fixture) {
        RequestSpecification request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (write.body() != null) {
            Object body = write.body().apply(fixture);
            request.contentType(write.contentType());
            if (body instanceof byte[] bytes) {
                request.body(bytes);
            } else {
                request.body(body);
            }
        }
        return request;
    }

    private static Write json(Function<Fixture, Object> body) {
        return new Write(null, "application/json", body);
    }

    private static Write none() {
        return new Write(null, null, null);
    }
}
