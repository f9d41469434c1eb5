package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract, asset and Confluent reads are answered from memory (ReadCache) until the estate changes: each test reads
 * first, so that the answer is held, then changes what it shows and reads again at once.
 */
@QuarkusTest
class ReadCacheTest {

    @Inject
    AgroalDataSource database;

    private static Map<String, Object> schema(String... properties) {
        return Api.objectSchema(
                java.util.Arrays.stream(properties)
                        .collect(java.util.stream.Collectors.toMap(p -> p, p -> Map.of("type", "string"))),
                List.of());
    }

    private static void latestIs(String asset, String version) {
        given().get("/api/v1/assets/" + asset + "/contracts/latest")
                .then()
                .statusCode(200)
                .body("version", equalTo(version));
    }

    @Test
    void aPublishShowsInLatestAssetAndConfluentReadsAtOnce() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, schema("id"), 201);
        latestIs(asset, "1.0.0");
        given().get("/api/v1/assets/" + asset).then().body("latestVersion", equalTo("1.0.0"));
        given().get("/apis/ccompat/v7/subjects/" + asset + "-value/versions/latest")
                .then()
                .statusCode(200)
                .body("version", equalTo(1));

        Api.publish(asset, schema("id", "amount"), 201);

        latestIs(asset, "1.1.0");
        given().get("/api/v1/assets/" + asset).then().body("latestVersion", equalTo("1.1.0"));
        given().get("/apis/ccompat/v7/subjects/" + asset + "-value/versions/latest")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().get("/api/v1/assets/" + asset + "/contracts/latest/fields")
                .then()
                .statusCode(200)
                .body("path", hasItem("/amount"));
    }

    @Test
    void aDeprecationShowsAtOnce() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, schema("id"), 201);
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0").then().body("status", equalTo("ACTIVE"));

        asAdmin()
                .post("/api/v1/assets/" + asset + "/contracts/1.0.0/deprecate")
                .then()
                .statusCode(200);

        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0").then().body("status", equalTo("DEPRECATED"));
        given().get("/api/v1/assets/" + asset + "/contracts").then().body("[0].status", equalTo("DEPRECATED"));
    }

    @Test
    void anAssetUpdateShowsInItsReadAndInTheList() {
        String team = Api.createTeam();
        String asset = Api.createAsset(team, "SOURCE");
        given().get("/api/v1/assets/" + asset).then().statusCode(200);
        given().queryParam("q", asset).get("/api/v1/assets").then().body("items[0].description", equalTo(null));

        asAdmin()
                .body(Map.of("name", asset, "kind", "SOURCE", "owner", team, "description", "now described"))
                .put("/api/v1/assets/" + asset)
                .then()
                .statusCode(200);

        given().get("/api/v1/assets/" + asset).then().body("description", equalTo("now described"));
        given().queryParam("q", asset)
                .get("/api/v1/assets")
                .then()
                .body("items[0].description", equalTo("now described"));
    }

    /**
     * Another replica's write reaches this one only through the database: made here with plain SQL and the estate
     * change counter moved, as every write does, the next read shows it without anything said to this process.
     */
    @Test
    void anotherReplicasWriteShowsThroughTheChangeCounter() throws Exception {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, schema("id"), 201);
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0").then().body("status", equalTo("ACTIVE"));

        try (Connection connection = database.getConnection()) {
            try (PreparedStatement deprecate =
                    connection.prepareStatement("UPDATE contract SET status = 'DEPRECATED' WHERE version = '1.0.0'"
                            + " AND asset_id = (SELECT id FROM asset WHERE name = ?)")) {
                deprecate.setString(1, asset);
                deprecate.executeUpdate();
            }
            try (PreparedStatement counter =
                    connection.prepareStatement("UPDATE estate_version SET version = version + 1 WHERE id = 1")) {
                counter.executeUpdate();
            }
        }

        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0").then().body("status", equalTo("DEPRECATED"));
    }
}
