package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared steps for REST tests. Every test makes its own data under unique names, so tests run in any order. */
public final class Api {

    /** The bootstrap admin token configured for the test profile. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private Api() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static String createTeam() {
        String name = unique("team");
        asAdmin()
                .body(Map.of("name", name, "email", name + "@example.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(201);
        return name;
    }

    public static String editorToken(String team) {
        return asAdmin()
                .body(Map.of("team", team, "role", "EDITOR"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    public static String createAsset(String owner, String kind) {
        String name = unique("test.asset");
        asAdmin()
                .body(Map.of("name", name, "kind", kind, "owner", owner, "tags", List.of("test")))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return name;
    }

    /** An asset known to OpenLineage as the dataset {@code tablePrefix + <its name>} of {@code namespace}. */
    public static String createAssetKnownAs(String owner, String kind, String namespace, String tablePrefix) {
        String name = unique("test.asset");
        asAdmin()
                .body(Map.of(
                        "name", name,
                        "kind", kind,
                        "owner", owner,
                        "lineageIds", List.of(Map.of("namespace", namespace, "name", tablePrefix + name))))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return name;
    }

    public static Map<String, Object> objectSchema(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    public static void publish(String asset, Object schema, int expectedStatus) {
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", schema))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(expectedStatus);
    }
}
