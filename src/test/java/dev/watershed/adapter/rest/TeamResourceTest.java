package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static dev.watershed.adapter.rest.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTest {

    @Test
    void createsListsAndGetsATeam() {
        String name = unique("fraud");
        asAdmin()
                .body(Map.of("name", name, "email", "fraud@example.org", "webhook", "https://hooks.example.org/x"))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/teams/" + name))
                .body("name", equalTo(name))
                .body("webhook", equalTo("https://hooks.example.org/x"));

        given().get("/api/v1/teams").then().statusCode(200).body("name", hasItem(name));
        given().get("/api/v1/teams/" + name).then().statusCode(200).body("email", equalTo("fraud@example.org"));
    }

    @Test
    void refusesDuplicatesUnknownsAndBadFields() {
        String name = Api.createTeam();
        asAdmin()
                .body(Map.of("name", name, "email", "x@example.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("TEAM_EXISTS"));
        given().get("/api/v1/teams/no-such-team").then().statusCode(404).body("code", equalTo("TEAM_NOT_FOUND"));
        asAdmin()
                .body(Map.of("name", "Bad Name", "email", "x@example.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/name"));
        asAdmin()
                .body(Map.of("name", unique("t"), "email", "not-an-email"))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/email"));
        asAdmin()
                .body(Map.of("name", unique("t"), "email", "a@b.org", "webhook", "ftp://x"))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/webhook"));
    }

    @Test
    void anEmailOrWebhookLongerThanItsColumnIsA422NotA500() {
        // Found by the reliability fuzzing (FuzzTest): the database refused them, which answered 500.
        asAdmin()
                .body(Map.of("name", unique("long"), "email", "a".repeat(400) + "@example.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/email"));
        asAdmin()
                .body(Map.of(
                        "name",
                        unique("long"),
                        "email",
                        "x@example.org",
                        "webhook",
                        "https://hooks.example.org/" + "p".repeat(2000)))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/webhook"));
    }

    @Test
    void onlyAdminsCreateTeams() {
        String team = Api.createTeam();
        Api.as(Api.editorToken(team))
                .body(Map.of("name", unique("t"), "email", "a@b.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType("application/json")
                .body(Map.of("name", unique("t"), "email", "a@b.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
