package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.watershed.adapter.notification.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A producer ships an intended breaking change through a publish that acknowledges it: the next major, the breaking
 * differences it accepts and a migration note for the consumers it breaks.
 */
@QuarkusTest
class BreakingChangeAcknowledgementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> V1 = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "plan", Map.of("type", "string"),
                    "amount", Map.of("type", "number")),
            List.of("id"));
    /** Two type changes, each breaking under BACKWARD: TYPE_CHANGED at /plan and at /amount. */
    private static final Map<String, Object> V2 = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "plan", Map.of("type", "integer"),
                    "amount", Map.of("type", "string")),
            List.of("id"));

    private static final String MIGRATION = "amount is now a decimal string: parse it with BigDecimal";

    private record Estate(String team, String producer, String consumerTeam, String consumer) {}

    /** A BACKWARD producer at 1.0.0 and a consumer of another team reading /amount with range ^1. */
    private static Estate estate() {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "SOURCE");
        given().get("/api/v1/assets/" + producer).then().statusCode(200).body("compatibility", equalTo("BACKWARD"));
        Api.publish(producer, V1, 201);
        String consumerTeam = Api.createTeam();
        String consumer = Api.createAsset(consumerTeam, "FEATURE");
        Api.publish(consumer, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1", "fields", List.of("amount")))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
        return new Estate(team, producer, consumerTeam, consumer);
    }

    private static Map<String, Object> body(Object schema, Map<String, Object> breakingChange) {
        return Map.of("format", "JSON_SCHEMA", "schema", schema, "breakingChange", breakingChange);
    }

    private static Map<String, Object> acknowledgement(String version, List<Object> accepts) {
        return Map.of("version", version, "accepts", accepts, "migration", MIGRATION, "retireOldMajorBy", "2027-03-01");
    }

    private static final List<Object> BOTH = List.of("/plan", Map.of("path", "/amount", "kind", "TYPE_CHANGED"));

    @Test
    void anAcknowledgedBreakingChangeUnderBackwardShipsAsTheNextMajorAndTellsTheConsumers() {
        Estate estate = estate();
        String producerEditor = Api.editorToken(estate.team());

        as(producerEditor)
                .queryParam("dryRun", "true")
                .body(body(V2, acknowledgement("2.0.0", BOTH)))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("version", equalTo("2.0.0"))
                .body("bump", equalTo("MAJOR"))
                .body("breakingChange.acknowledged", equalTo(true))
                .body("breakingChange.unacknowledged", empty())
                .body("breakingChange.migration", equalTo(MIGRATION))
                .body("breakingChange.retireOldMajorBy", equalTo("2027-03-01"))
                .body("impacted.find { it.name == '" + estate.consumer() + "' }.keepsOldMajor", equalTo(true));
        given().get("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(200)
                .body("", hasSize(1));

        as(producerEditor)
                .body(body(V2, acknowledgement("2.0.0", BOTH)))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("2.0.0"))
                .body("breakingChange.acknowledged", equalTo(true));

        // The consumer pinned to ^1 keeps reading the old major.
        given().get("/api/v1/assets/" + estate.consumer() + "/dependencies")
                .then()
                .statusCode(200)
                .body("find { it.producer == '" + estate.producer() + "' }.resolvedVersion", equalTo("1.0.0"));

        Eventually.within(
                WAIT,
                "the consumer's owner is told",
                () -> !published(estate.consumerTeam()).isEmpty());
        Map<String, Object> notification = published(estate.consumerTeam()).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) notification.get("data");
        assertThat(data).containsEntry("version", "2.0.0").containsEntry("compatible", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> breaking = (Map<String, Object>) data.get("breakingChange");
        assertThat(breaking)
                .containsEntry("acknowledged", true)
                .containsEntry("migration", MIGRATION)
                .containsEntry("retireOldMajorBy", "2027-03-01")
                .containsKey("acknowledgedBy");
        assertThat(breaking.get("acknowledgedBy")).isNotNull();
        assertThat(notification.get("reasons").toString()).contains(MIGRATION).contains("2027-03-01");

        String summary = given().get("/api/v1/assets/" + estate.producer() + "/timeline?types=contract.published")
                .then()
                .statusCode(200)
                .extract()
                .path("entries.find { it.summary.contains('2.0.0') }.summary");
        assertThat(summary).contains("breaking change acknowledged by").contains(MIGRATION);

        // Sent again once applied, the acknowledgement is ignored: the schema is the latest version.
        as(producerEditor)
                .body(body(V2, acknowledgement("2.0.0", BOTH)))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(200)
                .body("version", equalTo("2.0.0"))
                .body("breakingChange", nullValue());
    }

    @Test
    void aBreakingDifferenceNotAcceptedKeepsThe409AndNamesIt() {
        Estate estate = estate();

        asAdmin()
                .queryParam("dryRun", "true")
                .body(body(V2, acknowledgement("2.0.0", List.of("/plan"))))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("breakingChange.acknowledged", equalTo(false))
                .body("breakingChange.unacknowledged.path", equalTo(List.of("/amount")))
                .body("breakingChange.unacknowledged.kind", equalTo(List.of("TYPE_CHANGED")));
        asAdmin()
                .body(body(V2, acknowledgement("2.0.0", List.of("/plan"))))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(409)
                .body("code", equalTo("INCOMPATIBLE_SCHEMA"))
                .body("detail", containsString("does not accept /amount TYPE_CHANGED"))
                .body("breakingChange.unacknowledged.path", equalTo(List.of("/amount")));
        given().get("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
    }

    @Test
    void aVersionThatIsNotTheNextMajorIs422() {
        Estate estate = estate();

        asAdmin()
                .body(body(V2, acknowledgement("3.0.0", BOTH)))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("BREAKING_CHANGE_NOT_NEXT_MAJOR"))
                .body("pointer", equalTo("/breakingChange/version"))
                .body("detail", containsString("use 2.0.0"));
    }

    @Test
    void anAcceptanceThatMatchesNoBreakingDifferenceIs422WithItsPointer() {
        Estate estate = estate();

        asAdmin()
                .queryParam("dryRun", "true")
                .body(body(V2, acknowledgement("2.0.0", List.of("/plan", "/id"))))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("BREAKING_CHANGE_ACCEPTS_NOTHING"))
                .body("pointer", equalTo("/breakingChange/accepts/1"))
                .body("detail", containsString("/amount TYPE_CHANGED"));
        asAdmin()
                .body(body(
                        V2,
                        acknowledgement("2.0.0", List.of("/plan", Map.of("path", "/amount", "kind", "ENUM_ADDED")))))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("BREAKING_CHANGE_ACCEPTS_NOTHING"))
                .body("pointer", equalTo("/breakingChange/accepts/1"));
    }

    @Test
    void anAcknowledgementNeedsAMigrationNoteAndAnIsoDate() {
        Estate estate = estate();

        asAdmin()
                .body(body(V2, Map.of("version", "2.0.0", "accepts", BOTH)))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/breakingChange/migration"));
        asAdmin()
                .body(body(
                        V2,
                        Map.of(
                                "version",
                                "2.0.0",
                                "accepts",
                                BOTH,
                                "migration",
                                MIGRATION,
                                "retireOldMajorBy",
                                "March 2027")))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/breakingChange/retireOldMajorBy"));
        asAdmin()
                .body(body(V2, acknowledgement("2.0.0", List.of(Map.of("path", "/amount", "kind", "NOT_A_KIND")))))
                .post("/api/v1/assets/" + estate.producer() + "/contracts")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/breakingChange/accepts/0/kind"));
    }

    private static List<Map<String, Object>> published(String team) {
        return asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.type == 'contract.published' }");
    }
}
