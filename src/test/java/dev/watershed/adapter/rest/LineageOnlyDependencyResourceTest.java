package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.watershed.application.dependency.EstateGraph;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dependencies declared on a producer that has no contract yet: lineage only until it publishes. */
@QuarkusTest
class LineageOnlyDependencyResourceTest {

    @Inject
    EstateGraph estate;

    private static String path(String consumer, String producer) {
        return "/api/v1/assets/" + consumer + "/dependencies/" + producer;
    }

    private static String reason(String producer) {
        return producer + " has no published contract yet; fields are checked once it publishes";
    }

    @Test
    void aProducerWithoutAContractIsDependedOnAsLineageOnlyUntilItPublishes() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");

        asAdmin()
                .body(Map.of("fields", List.of("amount", "customer.email"), "usage", "TRAINING"))
                .put(path(consumer, producer))
                .then()
                .statusCode(201)
                .header("Location", endsWith(path(consumer, producer)))
                .body("versionRange", nullValue())
                .body("resolvedVersion", nullValue())
                .body("fields", contains("/amount", "/customer/email"))
                .body("lineageOnly", equalTo(true))
                .body("lineageOnlyReason", equalTo(reason(producer)));
        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .statusCode(200)
                .body("[0].producer", equalTo(producer))
                .body("[0].versionRange", nullValue())
                .body("[0].lineageOnly", equalTo(true));
        given().get("/api/v1/assets/" + producer + "/consumers")
                .then()
                .statusCode(200)
                .body("[0].consumer", equalTo(consumer))
                .body("[0].lineageOnly", equalTo(true))
                .body("[0].lineageOnlyReason", equalTo(reason(producer)));
        given().queryParam("direction", "upstream")
                .get("/api/v1/lineage/" + consumer)
                .then()
                .statusCode(200)
                .body("edges[0].from", equalTo(producer))
                .body("edges[0].versionRange", equalTo("*"));

        Api.publish(producer, DependencyResourceTest.PAYMENT, 201);

        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .statusCode(200)
                .body("[0].versionRange", equalTo("^1"))
                .body("[0].resolvedVersion", equalTo("1.0.0"))
                .body("[0].fields", contains("/amount", "/customer/email"))
                .body("[0].usage", equalTo("TRAINING"))
                .body("[0].lineageOnly", equalTo(false))
                .body("[0].lineageOnlyReason", nullValue());
        given().queryParam("direction", "upstream")
                .get("/api/v1/lineage/" + consumer)
                .then()
                .body("edges[0].versionRange", equalTo("^1"))
                .body("edges[0].resolvedVersion", equalTo("1.0.0"));
        // As a restart would: the graph read back from the database has the range the publish gave.
        estate.reload();
        given().queryParam("direction", "upstream")
                .get("/api/v1/lineage/" + consumer)
                .then()
                .body("edges[0].versionRange", equalTo("^1"))
                .body("edges[0].resolvedVersion", equalTo("1.0.0"));

        // Now that there are fields, a declaration is checked against them again.
        asAdmin()
                .body(Map.of("fields", List.of("amout")))
                .put(path(consumer, producer))
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_FIELDS"));
    }

    @Test
    void aRangeGivenForAProducerWithoutAContractIsKeptAndResolvesOnPublish() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");

        asAdmin()
                .body(Map.of("versionRange", "^1.0", "fields", List.of("no.such.field")))
                .put(path(consumer, producer))
                .then()
                .statusCode(201)
                .body("versionRange", equalTo("^1.0"))
                .body("resolvedVersion", nullValue())
                .body("fields", contains("/no/such/field"))
                .body("lineageOnly", equalTo(true));

        Api.publish(producer, DependencyResourceTest.PAYMENT, 201);

        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .body("[0].versionRange", equalTo("^1.0"))
                .body("[0].resolvedVersion", equalTo("1.0.0"))
                .body("[0].lineageOnly", equalTo(false));
    }

    @Test
    void withoutAContractTheFormOfRangesAndFieldsIsStillChecked() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        asAdmin()
                .body(Map.of("versionRange", "abc"))
                .put(path(consumer, producer))
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_VERSION_RANGE"))
                .body("pointer", equalTo("/versionRange"));
        asAdmin()
                .body(Map.of("fields", List.of("amount", "customer..email")))
                .put(path(consumer, producer))
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_FIELD_PATH"))
                .body("pointer", equalTo("/fields/1"));
        asAdmin()
                .body(Map.of("fields", List.of("amount"), "targetFields", List.of("label")))
                .put(path(consumer, producer))
                .then()
                .statusCode(422)
                .body("code", equalTo("TARGET_FIELD_NOT_READ"));
        given().get("/api/v1/assets/" + consumer + "/dependencies").then().body("$", empty());
    }
}
