package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.compatibility.FanOutSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small bodies that used to keep a core busy for hours, or read the server's files: each is answered at once, or
 * refused with a code, and a client that hangs up leaves no work running.
 */
@QuarkusTest
class ComputeAbuseTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Locally these take milliseconds; the bound only has to tell them from the hours they took before. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @Inject
    ComputeBudgets budgets;

    private static ObjectNode check(String format, Object schema, Object previous) {
        ObjectNode body = NODES.objectNode().put("format", format).put("mode", "FULL_TRANSITIVE");
        body.putPOJO("schema", schema);
        body.putArray("previous").addPOJO(previous);
        return body;
    }

    private static ValidatableResponse post(String path, JsonNode body) {
        long start = System.nanoTime();
        ValidatableResponse response = given().contentType(ContentType.JSON)
                .body(body.toString())
                .post(path)
                .then();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
        return response;
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 40})
    void aJsonSchemaWhoseReferencesFanOutComparesAtOnce(int levels) {
        post(
                        "/api/v1/compatibility",
                        check(
                                "JSON_SCHEMA",
                                FanOutSchemas.properties(levels, "string"),
                                FanOutSchemas.properties(levels, "string")))
                .statusCode(200)
                .body("compatible", equalTo(true))
                .body("differences", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 40})
    void aChangeReportedAlongMillionsOfPathsIsRefusedWithACode(int levels) {
        post(
                        "/api/v1/compatibility",
                        check(
                                "JSON_SCHEMA",
                                FanOutSchemas.properties(levels, "integer"),
                                FanOutSchemas.properties(levels, "string")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("SCHEMA_TOO_COMPLEX"))
                .body("detail", containsString("differ in more than 10000 places"));
    }

    @Test
    void aRecursiveFanOutStopsAtTheStepLimit() {
        ObjectNode schema = FanOutSchemas.recursiveProperties(30, "string");

        post("/api/v1/compatibility", check("JSON_SCHEMA", schema, schema))
                .statusCode(422)
                .body("code", equalTo("SCHEMA_TOO_COMPLEX"))
                .body("detail", containsString("watershed.limits.max-comparison-steps"));
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 40})
    void avroNamedTypesReusedLevelAfterLevelAreRefusedWithACode(int levels) {
        post(
                        "/api/v1/compatibility",
                        check(
                                "AVRO",
                                FanOutSchemas.flatAvro(levels, "string"),
                                FanOutSchemas.flatAvro(levels, "string")))
                .statusCode(422)
                .body("code", equalTo("SCHEMA_TOO_COMPLEX"))
                .body("detail", containsString("named type is written out at every place it is used"));
    }

    @Test
    void avroNamedTypesReusedWithinTheLimitCompareAtOnce() {
        post(
                        "/api/v1/compatibility",
                        check("AVRO", FanOutSchemas.flatAvro(15, "string"), FanOutSchemas.flatAvro(15, "string")))
                .statusCode(200)
                .body("compatible", equalTo(true));
    }

    @Test
    void publishingADryRunAndADiffOfAFanOutAnswerAtOnce() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        ObjectNode first = FanOutSchemas.properties(40, "string");
        ObjectNode documented = first.deepCopy();
        ((ObjectNode) documented.path("$defs").path("d40")).put("description", "the same, documented");
        String contracts = "/api/v1/assets/" + asset + "/contracts";
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", first))
                .post(contracts)
                .then()
                .statusCode(201);

        long start = System.nanoTime();
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", documented))
                .post(contracts + "?dryRun=true")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0.1"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", FanOutSchemas.properties(40, "integer")))
                .post(contracts + "?dryRun=true")
                .then()
                .statusCode(422)
                .body("code", equalTo("SCHEMA_TOO_COMPLEX"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", documented))
                .post(contracts)
                .then()
                .statusCode(201);
        given().get(contracts + "/1.0.0/diff/1.0.1")
                .then()
                .statusCode(200)
                .body("differences", hasSize(1))
                .body("differences[0].kind", equalTo("DOCUMENTATION_CHANGED"));
        asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + asset + "/rollback?dryRun=true")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0.2"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
    }

    static Stream<Arguments> forbiddenReferences() {
        String jar = JsonNode.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        return Stream.of(
                Arguments.of("classpath:application.properties", "quarkus.datasource"),
                Arguments.of("resource:/db/migration/V1__create_registry.sql", "CREATE TABLE"),
                Arguments.of("classpath:contract-format/watershed-teams.schema.json", "watershed.dev/schemas"),
                Arguments.of("file:///etc/passwd", "root:"),
                Arguments.of("jar:" + jar + "!/META-INF/MANIFEST.MF", "Manifest-Version"),
                Arguments.of(
                        "https://json-schema.org/draft/2020-12/../../application.properties", "quarkus.datasource"),
                Arguments.of("http://169.254.169.254/latest/meta-data/", "ami-id"));
    }

    @ParameterizedTest
    @MethodSource("forbiddenReferences")
    void aReferenceToTheServersFilesIsRefusedWithItsPointer(String reference, String contentOfTheFile) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties").putObject("leak").put("$ref", reference);
        ObjectNode validate = NODES.objectNode().put("format", "JSON_SCHEMA");
        validate.set("schema", schema);
        validate.putObject("record").put("leak", 1);
        ObjectNode publish = NODES.objectNode().put("format", "JSON_SCHEMA");
        publish.set("schema", schema);
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");

        for (ValidatableResponse response : List.of(
                post("/api/v1/compatibility", check("JSON_SCHEMA", schema, NODES.objectNode())),
                post("/api/v1/validate", validate),
                asAdmin()
                        .body(publish.toString())
                        .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                        .then(),
                asAdmin()
                        .body(publish.toString())
                        .post("/api/v1/assets/" + asset + "/contracts")
                        .then())) {
            response.statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("REF_NOT_ALLOWED"))
                    .body("pointer", equalTo("/schema/properties/leak/$ref"))
                    .body("detail", containsString(reference))
                    .body(not(containsString(contentOfTheFile)))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("networknt")));
        }
        given().get("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void aReferenceRelativeToAnIdOnTheClassPathIsRefused() {
        ObjectNode schema = NODES.objectNode().put("$id", "classpath:/db/migration/");
        schema.putObject("properties").putObject("leak").put("$ref", "V1__create_registry.sql");

        post("/api/v1/compatibility", check("JSON_SCHEMA", schema, schema))
                .statusCode(422)
                .body("code", equalTo("REF_NOT_ALLOWED"))
                .body("pointer", equalTo("/schema/properties/leak/$ref"))
                .body(not(containsString("CREATE TABLE")));
    }

    /**
     * A client sends a validation that would run until its budget (30 s in tests) and hangs up after a moment: the
     * work stops with the connection, long before the budget would have stopped it.
     */
    @Test
    void aClientThatHangsUpLeavesNoWorkRunning() throws Exception {
        ObjectNode body = NODES.objectNode().put("format", "JSON_SCHEMA");
        body.set("schema", FanOutSchemas.allOf(40));
        body.putObject("record");
        byte[] content = body.toString().getBytes(StandardCharsets.UTF_8);
        int before = budgets.running();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            awaitWithin(Duration.ofSeconds(10), () -> budgets.running() > before);
        }
        long hungUp = System.nanoTime();

        awaitWithin(Duration.ofSeconds(10), () -> budgets.running() == before);
        assertThat(Duration.ofNanos(System.nanoTime() - hungUp)).isLessThan(Duration.ofSeconds(10));
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
