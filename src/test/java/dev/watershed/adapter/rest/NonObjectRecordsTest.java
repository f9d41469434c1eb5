package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record is any JSON value, not only an object: JSON Schema validates strings, numbers, null and arrays as well,
 * and an Avro schema may be a primitive. Every step that handles records (validation, profiling, observations,
 * baselines, drift and skew) must take them, profiling a root that is not an object at the path "".
 */
@QuarkusTest
class NonObjectRecordsTest {

    private static final String NDJSON = "application/x-ndjson";

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "5", "null", "[1]", "true", "{}"})
    void theStatelessCheckTakesAnyJsonValueAsARecord(String record) {
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":{\"type\":\"string\"},\"record\":" + record + "}")
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("valid", equalTo(record.equals("\"abc\"") ? 1 : 0))
                .body("profile.records", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"enum\":[1,2]}", "{\"const\":1}", "{\"multipleOf\":0.5}"})
    void aNumberBeyondADoublesRangeIsAnInvalidRecordAtItsPathNotAFailure(String amountSchema) {
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":{\"properties\":{\"amount\":" + amountSchema
                        + "}},\"records\":[{\"amount\":1e999},{\"amount\":1}]}")
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("invalid", equalTo(1))
                .body("errors[0].record", equalTo(0))
                .body("errors[0].path", equalTo("/amount"));
    }

    @Test
    void aMixOfScalarsArraysAndObjectsIsProfiledPathByPath() {
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":{},\"records\":[\"a\",5,null,[1,2],{\"x\":1},{\"x\":2}]}")
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("valid", equalTo(6))
                .body("profile.records", equalTo(6))
                .body("profile.fields[''].count", equalTo(4))
                .body("profile.fields[''].missing", equalTo(0))
                .body("profile.fields['/*'].count", equalTo(2))
                // Two of the six records were objects, and both had x.
                .body("profile.fields['/x'].count", equalTo(2))
                .body("profile.fields['/x'].missing", equalTo(0));
    }

    @Test
    void scalarRecordsGoThroughObservationsBaselinesDriftAndSkew() {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "FEATURE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", List.of("number", "null"))))
                .post("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(201);
        String model = Api.createAsset(team, "MODEL");
        asAdmin()
                .body(Map.of("versionRange", "^1"))
                .put("/api/v1/assets/" + model + "/dependencies/" + producer)
                .then()
                .statusCode(201);

        long training = asAdmin()
                .contentType(NDJSON)
                .body(bytes(numbers(0, 500)))
                .post("/api/v1/assets/" + producer + "/validate?label=training")
                .then()
                .statusCode(200)
                .body("valid", equalTo(500))
                .body("profile.fields[''].numbers.count", equalTo(500))
                .extract()
                .jsonPath()
                .getLong("observationId");
        asAdmin()
                .contentType(NDJSON)
                .body(bytes(numbers(1_000, 500) + "null\n"))
                .post("/api/v1/assets/" + producer + "/validate?label=serving")
                .then()
                .statusCode(200);

        given().get("/api/v1/assets/" + producer + "/observations")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[1].id", equalTo((int) training))
                .body("[1].profile.fields[''].count", equalTo(500));
        asAdmin()
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + producer + "/baselines")
                .then()
                .statusCode(201)
                .body("records", equalTo(500));
        asAdmin()
                .contentType(NDJSON)
                .body(bytes(numbers(1_000, 500)))
                .post("/api/v1/assets/" + producer + "/drift")
                .then()
                .statusCode(200)
                .body("drifted", equalTo(true))
                .body("anomalies[0].field", equalTo(""));
        given().get("/api/v1/assets/" + model + "/skew")
                .then()
                .statusCode(200)
                .body("skewed", equalTo(true))
                .body("producers[0].producer", equalTo(producer));
    }

    @Test
    void anAvroPrimitiveContractValidatesAndProfilesItsValues() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", "\"string\""))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);

        asAdmin()
                .contentType("application/json")
                .body("\"abc\"")
                .post("/api/v1/assets/" + asset + "/validate?label=daily")
                .then()
                .statusCode(200)
                .body("valid", equalTo(1))
                .body("observationId", notNullValue());
        asAdmin()
                .contentType(NDJSON)
                .body(bytes("\"a\"\n5\n\"b\"\n"))
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("valid", equalTo(2))
                .body("invalid", equalTo(1))
                .body("errors[0].record", equalTo(1));
        given().get("/api/v1/assets/" + asset + "/observations")
                .then()
                .statusCode(200)
                .body("[0].profile.fields[''].types.string", equalTo(1));
    }

    @Test
    void anNdjsonLineThatIsAScalarIsARecordLikeAnyOther() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object")))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        asAdmin()
                .contentType(NDJSON)
                .body(bytes("{\"a\":1}\n5\n[1]\n"))
                .post("/api/v1/assets/" + asset + "/validate?label=mixed")
                .then()
                .statusCode(200)
                .body("valid", equalTo(1))
                .body("invalid", equalTo(2))
                .body("profile.fields['/a'].missing", equalTo(0));
        given().get("/api/v1/assets/" + asset + "/observations?label=mixed")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].profile.records", equalTo(3));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String numbers(int offset, int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(offset + i % 100).append('\n');
        }
        return body.toString();
    }
}
