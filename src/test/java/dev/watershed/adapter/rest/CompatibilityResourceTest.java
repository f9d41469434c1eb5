package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompatibilityResourceTest {

    private static Map<String, Object> payment(Map<String, Object> extraProperties, List<String> required) {
        Map<String, Object> properties =
                new HashMap<>(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")));
        properties.putAll(extraProperties);
        return Api.objectSchema(properties, required);
    }

    private static String assetWithFirstVersion(String compatibility) {
        String team = Api.createTeam();
        String asset = Api.unique("compat.payments");
        asAdmin()
                .body(Map.of("name", asset, "kind", "SOURCE", "owner", team, "compatibility", compatibility))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.publish(asset, payment(Map.of(), List.of("id", "amount")), 201);
        return asset;
    }

    @Test
    void refusesABreakingChangeNamingEachDifference() {
        String asset = assetWithFirstVersion("BACKWARD");
        Map<String, Object> breaking = payment(
                Map.of("amount", Map.of("type", "string"), "currency", Map.of("type", "string")),
                List.of("id", "amount", "currency"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", breaking))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("INCOMPATIBLE_SCHEMA"))
                .body("mode", equalTo("BACKWARD"))
                .body("latestVersion", equalTo("1.0.0"))
                .body("differences.path", hasItem("/amount"))
                .body("differences.path", hasItem("/currency"))
                .body("differences.kind", hasItem("REQUIRED_ADDED"))
                .body("differences[0].message", containsString("`"))
                .body("differences[0].againstVersions", equalTo(List.of("1.0.0")))
                .body("detail", containsString("amount"));
        given().get("/api/v1/assets/" + asset + "/contracts").then().body("", hasSize(1));
    }

    @Test
    void bumpsMinorForACompatibleChangeAndPatchForDocumentation() {
        String asset = assetWithFirstVersion("FULL");
        Map<String, Object> withNote = payment(Map.of("note", Map.of("type", "string")), List.of("id", "amount"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", withNote))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("1.1.0"));
        Map<String, Object> documented = new HashMap<>(withNote);
        documented.put("description", "A card payment");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", documented))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("1.1.1"));
    }

    @Test
    void bumpsMinorForAChangeThatBreaksOnlyReadersTheModeDoesNotProtect() {
        String asset = assetWithFirstVersion("BACKWARD");
        // integer-valued amounts stay readable by new readers; only old readers of new data could break.
        Map<String, Object> widened =
                payment(Map.of("id", Map.of("type", List.of("string", "null"))), List.of("id", "amount"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", widened))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("1.1.0"));
    }

    @Test
    void publishesABreakingChangeAsANewMajorUnderNone() {
        String asset = assetWithFirstVersion("NONE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        Api.objectSchema(Map.of("id", Map.of("type", "integer")), List.of("id"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("2.0.0"));
    }

    @Test
    void acceptsAHigherVersionButNeverALowerOne() {
        String asset = assetWithFirstVersion("NONE");
        Map<String, Object> breaking = Api.objectSchema(Map.of("id", Map.of("type", "integer")), List.of("id"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", breaking, "version", "1.1.0"))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("VERSION_TOO_LOW"))
                .body("detail", containsString("MAJOR"))
                .body("detail", containsString("2.0.0"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", breaking, "version", "3.0.0"))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("3.0.0"));
    }

    @Test
    void dryRunGivesTheVerdictAndVersionAndStoresNothing() {
        String asset = assetWithFirstVersion("BACKWARD");
        Map<String, Object> removesAmount = Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id"));
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "schema", removesAmount))
                .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                // Readers of the new schema still read old data (BACKWARD holds); only old readers that require
                // `amount` could break on new data, and BACKWARD lets them upgrade first: a MINOR.
                .body("compatible", equalTo(true))
                .body("version", equalTo("1.1.0"))
                .body("bump", equalTo("MINOR"))
                .body("differences.kind", hasItem("PROPERTY_REMOVED"))
                .body("differences.kind", hasItem("REQUIRED_REMOVED"));
        Map<String, Object> breaking = payment(Map.of("amount", Map.of("type", "string")), List.of("id", "amount"));
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "schema", breaking))
                .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("version", equalTo("2.0.0"))
                .body("bump", equalTo("MAJOR"));
        given().get("/api/v1/assets/" + asset + "/contracts").then().body("", hasSize(1));
    }

    @Test
    void strictAssetsReadOpenContentModelsLiterally() {
        String team = Api.createTeam();
        String asset = Api.unique("compat.strict");
        asAdmin()
                .body(Map.of(
                        "name",
                        asset,
                        "kind",
                        "SOURCE",
                        "owner",
                        team,
                        "compatibility",
                        "FORWARD",
                        "strictCompatibility",
                        true))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.publish(asset, payment(Map.of(), List.of("id")), 201);
        // Removing a property from an open model: lenient by default, breaking FORWARD when strict.
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(409);
    }

    @Test
    void diffsTwoStoredVersions() {
        String asset = assetWithFirstVersion("NONE");
        Api.publish(asset, Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id")), 201);
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/diff/latest")
                .then()
                .statusCode(200)
                .body("from", equalTo("1.0.0"))
                .body("to", equalTo("2.0.0"))
                .body("bump", equalTo("MAJOR"))
                .body("differences.kind", hasItem("PROPERTY_REMOVED"))
                .body("differences.path", hasItem("/amount"));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/diff/7.0.0")
                .then()
                .statusCode(404);
    }

    @Test
    void statelessCheckHonoursTransitiveModes() {
        Map<String, Object> v1 = payment(Map.of("legacy", Map.of("type", "string")), List.of("id"));
        Map<String, Object> v2 = payment(Map.of(), List.of("id"));
        Map<String, Object> next = payment(Map.of("legacy", Map.of("type", "integer")), List.of("id"));
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "mode", "BACKWARD", "schema", next, "previous", List.of(v1, v2)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(true));
        given().contentType("application/json")
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD_TRANSITIVE",
                        "schema",
                        next,
                        "previous",
                        List.of(v1, v2)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body(
                        "differences.find { it.path == '/legacy' && it.breaksBackward }.againstVersions",
                        equalTo(List.of("previous[0]")));
    }

    @Test
    void statelessCheckChecksAvroWithAvrosRules() {
        String v1 = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"amount\",\"type\":\"double\"}]}";
        String next = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"amount\",\"type\":\"string\"}]}";
        given().contentType("application/json")
                .body(Map.of("format", "AVRO", "mode", "FULL", "schema", next, "previous", List.of(v1)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("bump", equalTo("MAJOR"))
                .body("differences[0].path", equalTo("/amount"))
                .body("differences[0].message", containsString("amount"));
    }

    @Test
    void statelessCheckNamesTheInvalidSchema() {
        given().contentType("application/json")
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD",
                        "schema",
                        Map.of("type", "object"),
                        "previous",
                        List.of(Map.of("type", 12))))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("pointer", equalTo("/previous/0"));
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object"), "previous", List.of()))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/mode"));
    }

    @Test
    void recursiveReferencesAreCheckedWithoutLooping() {
        Map<String, Object> tree = Map.of(
                "$defs",
                Map.of(
                        "node",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "name",
                                        Map.of("type", "string"),
                                        "children",
                                        Map.of("type", "array", "items", Map.of("$ref", "#/$defs/node"))))),
                "$ref",
                "#/$defs/node");
        Map<String, Object> narrowed = Map.of(
                "$defs",
                Map.of(
                        "node",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "name",
                                        Map.of("type", "string", "maxLength", 10),
                                        "children",
                                        Map.of("type", "array", "items", Map.of("$ref", "#/$defs/node"))))),
                "$ref",
                "#/$defs/node");
        given().contentType("application/json")
                .body(Map.of(
                        "format", "JSON_SCHEMA", "mode", "BACKWARD", "schema", narrowed, "previous", List.of(tree)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("differences.kind", hasItem("MAX_LENGTH_DECREASED"));
    }

    @Test
    void aSchemaNestedAThousandLevelsDeepIsRefusedCleanly() {
        String deep = "{\"type\":\"object\",\"properties\":{\"a\":".repeat(1000) + "{\"type\":\"string\"}"
                + "}}".repeat(1000);
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"mode\":\"BACKWARD\",\"schema\":" + deep + ",\"previous\":[" + deep
                        + "]}")
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void schemasTheParsersChokedOnAreInvalidSchemaProblemsNot500() {
        // Found by the reliability fuzzing (FuzzTest): each of these answered 500 INTERNAL_ERROR.
        asAdmin()
                .body("{\"format\":\"JSON_SCHEMA\",\"mode\":\"BACKWARD\",\"schema\":{\"type\":\"number\","
                        + "\"maximum\":1e400},\"previous\":[]}")
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("pointer", equalTo("/schema/maximum"));
        asAdmin()
                .body(Map.of(
                        "format",
                        "AVRO",
                        "mode",
                        "BACKWARD",
                        "previous",
                        List.of(),
                        "schema",
                        Map.of(
                                "type",
                                "record",
                                "name",
                                "Order",
                                "fields",
                                List.of(Map.of("name", "amount", "type", "double", "default", "x")))))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("detail", containsString("not a number"));
        asAdmin()
                .body(Map.of("format", "AVRO", "mode", "BACKWARD", "previous", List.of(), "schema", "nope"))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("detail", containsString("primitive type"));
    }
}
