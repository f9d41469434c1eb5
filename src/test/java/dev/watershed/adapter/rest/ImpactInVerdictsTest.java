package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verdicts name the consumers a breaking change hurts, with field precision. */
@QuarkusTest
class ImpactInVerdictsTest {

    private static final Map<String, Object> V1 = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "number"),
                    "currency",
                    Map.of("type", "string")),
            List.of("id"));
    private static final Map<String, Object> AMOUNT_AS_STRING = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "string"),
                    "currency",
                    Map.of("type", "string")),
            List.of("id"));

    private String producer;
    private String readsAmount;
    private String readsCurrency;
    private String downstream;

    @BeforeEach
    void estate() {
        String team = Api.createTeam();
        producer = Api.createAsset(team, "SOURCE");
        Api.publish(producer, V1, 201);
        readsAmount = consumer(team, "FEATURE", producer, List.of("amount"));
        readsCurrency = consumer(team, "FEATURE", producer, List.of("/currency"));
        downstream = consumer(team, "MODEL", readsAmount, List.of());
    }

    private static String consumer(String team, String kind, String reads, List<String> fields) {
        String name = Api.createAsset(team, kind);
        Api.publish(name, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1.0", "fields", fields, "usage", "TRAINING"))
                .put("/api/v1/assets/" + name + "/dependencies/" + reads)
                .then()
                .statusCode(201);
        return name;
    }

    @Test
    void aRejectedPublishNamesOnlyTheConsumersOfTheChangedField() {
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", AMOUNT_AS_STRING))
                .post("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(409)
                .body("impacted.name", containsInAnyOrder(readsAmount, downstream))
                .body("impacted.find { it.name == '" + readsAmount + "' }.direct", equalTo(true))
                .body("impacted.find { it.name == '" + readsAmount + "' }.fields", equalTo(List.of("/amount")))
                .body("impacted.find { it.name == '" + downstream + "' }.direct", equalTo(false))
                .body("detail", containsString(readsAmount));
    }

    @Test
    void aDryRunSaysWhoStaysOnTheOldMajor() {
        asAdmin()
                .body(Map.of("compatibility", "NONE"))
                .put("/api/v1/assets/" + producer)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "schema", AMOUNT_AS_STRING))
                .post("/api/v1/assets/" + producer + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("version", equalTo("2.0.0"))
                .body("impacted.find { it.name == '" + readsAmount + "' }.keepsOldMajor", equalTo(true))
                .body("impacted.find { it.name == '" + readsAmount + "' }.versionRange", equalTo("^1.0"))
                .body(
                        "impacted.find { it.name == '" + readsAmount + "' }.note",
                        containsString("stays on 1.x until it migrates"));
    }

    @Test
    void aCompatibleChangeImpactsNobody() {
        Map<String, Object> withNote = Api.objectSchema(
                Map.of(
                        "id",
                        Map.of("type", "string"),
                        "amount",
                        Map.of("type", "number"),
                        "currency",
                        Map.of("type", "string"),
                        "note",
                        Map.of("type", "string")),
                List.of("id"));
        given().contentType("application/json")
                .body(Map.of("format", "JSON_SCHEMA", "schema", withNote))
                .post("/api/v1/assets/" + producer + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("impacted", empty());
    }

    @Test
    void theStatelessCheckReportsImpactForANamedAsset() {
        given().contentType("application/json")
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD",
                        "schema",
                        Api.objectSchema(
                                Map.of(
                                        "id",
                                        Map.of("type", "string"),
                                        "amount",
                                        Map.of("type", "number"),
                                        "currency",
                                        Map.of("type", "integer")),
                                List.of("id")),
                        "previous",
                        List.of(V1),
                        "asset",
                        producer))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("impacted.name", equalTo(List.of(readsCurrency)));
    }
}
