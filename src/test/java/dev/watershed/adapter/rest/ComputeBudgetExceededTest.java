package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.compatibility.FanOutSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a budget of 1 s (and a step limit too high to matter), every kind of request that compares or validates
 * stops when its budget runs out, with 422 COMPUTE_BUDGET_EXCEEDED, and stores nothing.
 */
@QuarkusTest
@TestProfile(ComputeBudgetExceededTest.SmallComputeBudget.class)
class ComputeBudgetExceededTest {

    public static class SmallComputeBudget implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "watershed.limits.compute-budget", "1s", "watershed.limits.max-comparison-steps", "1000000000000");
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Accepted at once, but comparing it with itself would take hours: no level's outcome can be reused. */
    private static final ObjectNode EXPENSIVE = FanOutSchemas.recursiveProperties(30, "string");

    private static void exceeded(ValidatableResponse response) {
        response.statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("COMPUTE_BUDGET_EXCEEDED"))
                .body("detail", containsString("more than 1s"))
                .body("detail", containsString("watershed.limits.compute-budget"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aStatelessCheckStopsAtTheBudget() {
        ObjectNode body = NODES.objectNode().put("format", "JSON_SCHEMA").put("mode", "BACKWARD");
        body.set("schema", EXPENSIVE);
        body.putArray("previous").add(EXPENSIVE);

        exceeded(given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/compatibility")
                .then());
    }

    @Test
    void aRecordWhoseValidationWouldTakeHoursStopsAtTheBudget() {
        ObjectNode body = NODES.objectNode().put("format", "JSON_SCHEMA");
        body.set("schema", FanOutSchemas.allOf(40));
        body.putArray("records").addObject();

        exceeded(given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/validate")
                .then());

        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", FanOutSchemas.allOf(40)))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        exceeded(asAdmin()
                .contentType(MediaTypes.NDJSON)
                .body("{}\n{}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/validate")
                .then());
    }

    /**
     * Transitively, the expensive first version is compared with itself whenever it comes back: in a dry run, a
     * publish, a rollback to it, and a diff of it with itself. The cheap second version compares at once.
     */
    @Test
    void publishingItsDryRunARollbackAndADiffStopAtTheBudget() {
        String team = Api.createTeam();
        String asset = Api.unique("budget.events");
        asAdmin()
                .body(Map.of("name", asset, "kind", "SOURCE", "owner", team, "compatibility", "BACKWARD_TRANSITIVE"))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        String contracts = "/api/v1/assets/" + asset + "/contracts";
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", EXPENSIVE))
                .post(contracts)
                .then()
                .statusCode(201)
                .body("version", equalTo("1.0.0"));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object")))
                .post(contracts)
                .then()
                .statusCode(201);

        exceeded(asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", EXPENSIVE))
                .post(contracts + "?dryRun=true")
                .then());
        exceeded(asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", EXPENSIVE))
                .post(contracts)
                .then());
        exceeded(asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + asset + "/rollback?dryRun=true")
                .then());
        exceeded(asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + asset + "/rollback")
                .then());
        exceeded(given().get(contracts + "/1.0.0/diff/1.0.0").then());
        given().get(contracts).then().statusCode(200).body("", hasSize(2));
    }
}
