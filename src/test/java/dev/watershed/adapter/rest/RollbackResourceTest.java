package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.notification.Eventually;
import dev.watershed.adapter.notification.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rolling an asset's contract back to a stored version: a new version with the old schema. */
@QuarkusTest
class RollbackResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> V1 =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id"));
    private static final Map<String, Object> V1_WITH_NOTE = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "number"),
                    "note",
                    Map.of("type", "string")),
            List.of("id"));
    private static final Map<String, Object> AMOUNT_AS_STRING =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "string")), List.of("id"));

    @Test
    void aRollbackPublishesTheOldSchemaAsANewVersionAndTellsTheConsumers() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String team = Api.createTeam();
            String producer = Api.createAsset(team, "SOURCE");
            asAdmin()
                    .body(Map.of(
                            "format",
                            "JSON_SCHEMA",
                            "schema",
                            V1,
                            "fields",
                            Map.of("amount", Map.of("description", "Amount in euros", "pii", false))))
                    .post("/api/v1/assets/" + producer + "/contracts")
                    .then()
                    .statusCode(201);
            Api.publish(producer, V1_WITH_NOTE, 201);
            String consumerTeam = Api.createTeam();
            String consumer = Api.createAsset(consumerTeam, "FEATURE");
            Api.publish(consumer, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
            asAdmin()
                    .body(Map.of("versionRange", "^1", "fields", List.of("note")))
                    .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                    .then()
                    .statusCode(201);
            as(Api.editorToken(consumerTeam))
                    .body(Map.of(
                            "team",
                            consumerTeam,
                            "events",
                            List.of("contract.rolled-back"),
                            "channel",
                            "WEBHOOK",
                            "target",
                            receiver.url(),
                            "secret",
                            "secret-of-" + consumerTeam + "-0123456789"))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201);

            JsonPath rolledBack = as(Api.editorToken(team))
                    .body(Map.of("to", "1.0.0"))
                    .post("/api/v1/assets/" + producer + "/rollback")
                    .then()
                    .statusCode(201)
                    .header("Location", endsWith("/api/v1/assets/" + producer + "/contracts/1.2.0"))
                    .body("version", equalTo("1.2.0"))
                    .body("rolledBackTo", equalTo("1.0.0"))
                    .body("changelog", equalTo("Rollback to 1.0.0, replacing 1.1.0"))
                    .body("fields.'/amount'.description", equalTo("Amount in euros"))
                    .extract()
                    .jsonPath();
            assertThat(rolledBack.getMap("schema"))
                    .isEqualTo(given().get("/api/v1/assets/" + producer + "/contracts/1.0.0/schema")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""));
            given().get("/api/v1/assets/" + producer + "/contracts/latest")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo("1.2.0"))
                    .body("rolledBackTo", equalTo("1.0.0"));
            given().get("/api/v1/assets/" + producer + "/contracts/1.1.0")
                    .then()
                    .statusCode(200)
                    .body("rolledBackTo", nullValue());
            given().get("/api/v1/assets/" + consumer + "/dependencies")
                    .then()
                    .statusCode(200)
                    .body("find { it.producer == '" + producer + "' }.resolvedVersion", equalTo("1.2.0"));

            Eventually.within(
                    WAIT,
                    "the consumer's owner is told",
                    () -> !inbox(consumerTeam).isEmpty());
            Map<String, Object> notification = inbox(consumerTeam).get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) notification.get("data");
            assertThat(data)
                    .containsEntry("asset", producer)
                    .containsEntry("version", "1.2.0")
                    .containsEntry("rolledBackTo", "1.0.0")
                    .containsEntry("replacedVersion", "1.1.0")
                    .containsEntry("bump", "MINOR")
                    .containsEntry("forced", false);
            assertThat(data.get("differences").toString()).contains("/note");

            Eventually.within(
                    WAIT,
                    "the webhook got the event",
                    () -> !receiver.accepted().isEmpty());
            JsonNode event = read(receiver.accepted().get(0).body());
            assertThat(event.get("type").asText()).isEqualTo("dev.watershed.contract.rolled-back");
            assertThat(event.get("subject").asText()).isEqualTo(producer);
            assertThat(event.at("/data/rolledBackTo").asText()).isEqualTo("1.0.0");

            String summary = given().get("/api/v1/assets/" + consumer + "/timeline?types=contract.rolled-back")
                    .then()
                    .statusCode(200)
                    .body("entries", hasSize(1))
                    .extract()
                    .path("entries[0].summary");
            assertThat(summary)
                    .startsWith(
                            producer + " rolled back to 1.0.0 as 1.2.0 (MINOR, replacing 1.1.0)" + " changed /note: ");
        }
    }

    @Test
    void goingBackOverABreakingChangeIs409UntilAnAdminForcesItAsTheNextMajor() {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "SOURCE");
        Api.publish(producer, V1, 201);
        String consumerTeam = Api.createTeam();
        String consumer = Api.createAsset(consumerTeam, "FEATURE");
        Api.publish(consumer, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "*", "fields", List.of("amount")))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
        asAdmin()
                .body(Map.of("compatibility", "NONE"))
                .put("/api/v1/assets/" + producer)
                .then()
                .statusCode(200);
        Api.publish(producer, AMOUNT_AS_STRING, 201);
        asAdmin()
                .body(Map.of("compatibility", "BACKWARD"))
                .put("/api/v1/assets/" + producer)
                .then()
                .statusCode(200);
        String editor = Api.editorToken(team);

        as(editor)
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + producer + "/rollback")
                .then()
                .statusCode(409)
                .body("code", equalTo("INCOMPATIBLE_SCHEMA"))
                .body("differences[0].path", equalTo("/amount"))
                .body("impacted.name", hasItem(consumer))
                .body("detail", org.hamcrest.Matchers.containsString("\"force\": true"));
        as(editor)
                .body(Map.of("to", "1.0.0", "force", true))
                .post("/api/v1/assets/" + producer + "/rollback")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));

        asAdmin()
                .body(Map.of("to", "1.0.0", "force", true, "changelog", "Back to numbers, agreed with readers"))
                .post("/api/v1/assets/" + producer + "/rollback")
                .then()
                .statusCode(201)
                .body("version", equalTo("3.0.0"))
                .body("rolledBackTo", equalTo("1.0.0"))
                .body("changelog", equalTo("Back to numbers, agreed with readers"));
        given().get("/api/v1/assets/" + consumer + "/timeline?types=contract.rolled-back")
                .then()
                .statusCode(200)
                .body("entries[0].data.forced", equalTo(true))
                .body("entries[0].data.replacedVersion", equalTo("2.0.0"))
                .body(
                        "entries[0].summary",
                        org.hamcrest.Matchers.startsWith(producer
                                + " rolled back to 1.0.0 as 3.0.0 (MAJOR, forced, replacing 2.0.0) changed /amount: "));
    }

    @Test
    void unknownSameAndMalformedTargetsAndOtherTeamsAreRefused() {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "SOURCE");
        Api.publish(producer, V1, 201);
        Api.publish(producer, V1_WITH_NOTE, 201);
        String url = "/api/v1/assets/" + producer + "/rollback";

        asAdmin()
                .body(Map.of("to", "0.9.0"))
                .post(url)
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
        asAdmin()
                .body(Map.of("to", "1.1.0"))
                .post(url)
                .then()
                .statusCode(409)
                .body("code", equalTo("ROLLBACK_TO_LATEST_SCHEMA"));
        asAdmin().body(Map.of("to", "one")).post(url).then().statusCode(422).body("pointer", equalTo("/to"));
        asAdmin()
                .body(Map.of("changelog", "no target"))
                .post(url)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/to"));
        as(Api.editorToken(Api.createTeam()))
                .body(Map.of("to", "1.0.0"))
                .post(url)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType("application/json")
                .body(Map.of("to", "1.0.0"))
                .post(url)
                .then()
                .statusCode(401);
        asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/no.such-asset/rollback")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
    }

    @Test
    void aDryRunReturnsThePlanAndStoresNothing() {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "SOURCE");
        Api.publish(producer, V1, 201);
        asAdmin()
                .body(Map.of("compatibility", "NONE"))
                .put("/api/v1/assets/" + producer)
                .then()
                .statusCode(200);
        Api.publish(producer, AMOUNT_AS_STRING, 201);
        Api.publish(producer, noteAndAmountAsString(), 201);
        asAdmin()
                .body(Map.of("compatibility", "BACKWARD"))
                .put("/api/v1/assets/" + producer)
                .then()
                .statusCode(200);
        String url = "/api/v1/assets/" + producer + "/rollback?dryRun=true";

        given().contentType("application/json")
                .body(Map.of("to", "2.0.0"))
                .post(url)
                .then()
                .statusCode(200)
                .body("asset", equalTo(producer))
                .body("rolledBackTo", equalTo("2.0.0"))
                .body("compatible", equalTo(true))
                .body("forced", equalTo(false))
                .body("latestVersion", equalTo("2.1.0"))
                .body("version", equalTo("2.2.0"))
                .body("bump", equalTo("MINOR"))
                .body("differences.path", hasItem("/note"));
        given().contentType("application/json")
                .body(Map.of("to", "1.0.0"))
                .post(url)
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("forced", equalTo(false))
                .body("differences.path", hasItem("/amount"));
        // force is an admin's decision, in a dry run as in the real rollback.
        given().contentType("application/json")
                .body(Map.of("to", "1.0.0", "force", true))
                .post(url)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as(Api.editorToken(team))
                .body(Map.of("to", "1.0.0", "force", true))
                .post(url)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        asAdmin()
                .body(Map.of("to", "1.0.0", "force", true))
                .post(url)
                .then()
                .statusCode(200)
                .body("forced", equalTo(true))
                .body("version", equalTo("3.0.0"))
                .body("bump", equalTo("MAJOR"));

        given().get("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("version", not(hasItem("2.2.0")));
        given().get("/api/v1/assets/" + producer + "/timeline?types=contract.rolled-back")
                .then()
                .statusCode(200)
                .body("entries", hasSize(0));
    }

    private static Map<String, Object> noteAndAmountAsString() {
        return Api.objectSchema(
                Map.of(
                        "id",
                        Map.of("type", "string"),
                        "amount",
                        Map.of("type", "string"),
                        "note",
                        Map.of("type", "string")),
                List.of("id"));
    }

    private static List<Map<String, Object>> inbox(String team) {
        return asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.type == 'contract.rolled-back' }");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
