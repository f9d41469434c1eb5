package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractResourceTest {

    private static final Map<String, Object> V1 =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id"));

    @Test
    void publishesTheFirstVersionAsOneZeroZero() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        V1,
                        "changelog",
                        "first",
                        "fields",
                        Map.of("/id", Map.of("role", "ID", "pii", true))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assets/" + asset + "/contracts/1.0.0"))
                .body("asset", equalTo(asset))
                .body("version", equalTo("1.0.0"))
                .body("format", equalTo("JSON_SCHEMA"))
                .body("status", equalTo("ACTIVE"))
                .body("fingerprint", matchesPattern("[0-9a-f]{64}"))
                .body("schema.properties.amount.type", equalTo("number"))
                .body("changelog", equalTo("first"))
                .body("fields.'/id'.pii", equalTo(true))
                .body("fields.'/id'.servingAvailable", equalTo(true))
                .body("createdAt", notNullValue())
                .body("createdBy", equalTo("bootstrap-admin"));
    }

    @Test
    void republishingTheSameSchemaIsIdempotent() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, V1, 201);
        // Same schema, keys in another order and as a string: same canonical form.
        String reordered = "{ \"required\": [\"id\"], \"properties\": {\"amount\": {\"type\": \"number\"},"
                + " \"id\": {\"type\": \"string\"}}, \"type\": \"object\" }";
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", reordered))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0.0"));
        given().get("/api/v1/assets/" + asset + "/contracts").then().body("", hasSize(1));
    }

    @Test
    void listsVersionsNewestFirstAndResolvesLatest() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, V1, 201);
        Map<String, Object> v2 = Api.objectSchema(
                Map.of(
                        "id",
                        Map.of("type", "string"),
                        "amount",
                        Map.of("type", "number"),
                        "note",
                        Map.of("type", "string")),
                List.of("id"));
        Api.publish(asset, v2, 201);
        given().get("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of("1.1.0", "1.0.0")));
        given().get("/api/v1/assets/" + asset + "/contracts/latest").then().body("version", equalTo("1.1.0"));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/schema")
                .then()
                .statusCode(200)
                .body("properties.id.type", equalTo("string"))
                .body("properties.note", equalTo(null));
    }

    @Test
    void acceptsAvroSchemasAsObjectsOrStrings() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        String avro = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", avro))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("format", equalTo("AVRO"))
                .body("schema.name", equalTo("Payment"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", V1))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/format"));
    }

    @Test
    void deprecatesAVersionWhichStaysReadable() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, V1, 201);
        asAdmin()
                .post("/api/v1/assets/" + asset + "/contracts/1.0.0/deprecate")
                .then()
                .statusCode(200)
                .body("status", equalTo("DEPRECATED"));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0")
                .then()
                .statusCode(200)
                .body("status", equalTo("DEPRECATED"));
    }

    @Test
    void refusesInvalidSchemasWithTheParsersReason() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "objekt")))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("violations", notNullValue());
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", Map.of("type", "record", "name", "X")))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("detail", containsString("Avro"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", "{not json"))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"));
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        Map.of(
                                "$schema",
                                "http://json-schema.org/draft-07/schema#",
                                "type",
                                "object",
                                "properties",
                                Map.of("n", Map.of("minimum", "zero")))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"));
        asAdmin()
                .body(Map.of("format", "PROTOBUF", "schema", V1))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/format"));
    }

    @Test
    void reportsUnknownAssetsAndVersions() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        given().get("/api/v1/assets/" + asset + "/contracts/latest")
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
        Api.publish(asset, V1, 201);
        given().get("/api/v1/assets/" + asset + "/contracts/9.9.9")
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
        given().get("/api/v1/assets/" + asset + "/contracts/v1")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_VERSION"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", V1))
                .post("/api/v1/assets/no.such.asset/contracts")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void fieldMetadataMustNameSchemaFields() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Map<String, Object> nested = Api.objectSchema(
                Map.of("customer", Map.of("type", "object", "properties", Map.of("email", Map.of("type", "string")))),
                List.of());
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        nested,
                        "fields",
                        Map.of("customer.email", Map.of("pii", true, "servingAvailable", false))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("fields.'/customer/email'.pii", equalTo(true))
                .body("fields.'/customer/email'.servingAvailable", equalTo(false));

        String other = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        nested,
                        "fields",
                        Map.of("/customer/phone", Map.of("pii", true))))
                .post("/api/v1/assets/" + other + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/fields/~1customer~1phone"))
                .body("detail", containsString("/customer/phone"));
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        nested,
                        "fields",
                        Map.of("/customer/email", Map.of("role", "TARGET"))))
                .post("/api/v1/assets/" + other + "/contracts")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/fields/~1customer~1email/role"));
    }

    @Test
    void listsTheFieldsOfAVersionWithTheirMetadata() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Map<String, Object> schema = Map.of(
                "type",
                "object",
                "required",
                List.of("id"),
                "$defs",
                Map.of("money", Map.of("type", "number", "description", "In EUR")),
                "properties",
                Map.of(
                        "id", Map.of("type", "string"),
                        "amount", Map.of("$ref", "#/$defs/money"),
                        "customer",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        Map.of("email", Map.of("type", "string", "description", "Contact address")))));
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        schema,
                        "fields",
                        Map.of(
                                "/id",
                                Map.of("role", "ID"),
                                "customer.email",
                                Map.of("pii", true, "servingAvailable", false))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);

        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/fields")
                .then()
                .statusCode(200)
                .body("path", containsInAnyOrder("/id", "/amount", "/customer", "/customer/email"))
                .body("find { it.path == '/id' }.type", equalTo("string"))
                .body("find { it.path == '/id' }.required", equalTo(true))
                .body("find { it.path == '/id' }.role", equalTo("ID"))
                .body("find { it.path == '/amount' }.type", equalTo("number"))
                .body("find { it.path == '/amount' }.description", equalTo("In EUR"))
                .body("find { it.path == '/amount' }.required", equalTo(false))
                .body("find { it.path == '/amount' }.pii", equalTo(false))
                .body("find { it.path == '/amount' }.servingAvailable", equalTo(true))
                .body("find { it.path == '/amount' }.role", equalTo(null))
                .body("find { it.path == '/customer/email' }.description", equalTo("Contact address"))
                .body("find { it.path == '/customer/email' }.pii", equalTo(true))
                .body("find { it.path == '/customer/email' }.servingAvailable", equalTo(false));
        given().get("/api/v1/assets/" + asset + "/contracts/latest/fields")
                .then()
                .statusCode(200)
                .body("", hasSize(4));
        given().get("/api/v1/assets/" + asset + "/contracts/9.9.9/fields")
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
    }

    @Test
    void listsTheFieldsOfAnAvroContract() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        String avro = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\","
                + "\"doc\":\"Payment id\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", avro))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        given().get("/api/v1/assets/" + asset + "/contracts/latest/fields")
                .then()
                .statusCode(200)
                .body("path", equalTo(List.of("/id", "/note")))
                .body("required", equalTo(List.of(true, false)))
                .body("[0].description", equalTo("Payment id"));
    }
}
