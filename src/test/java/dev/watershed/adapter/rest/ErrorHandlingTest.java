package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorHandlingTest {

    @Test
    void malformedJsonIsA400Problem() {
        asAdmin()
                .body("{\"name\": ")
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("instance", equalTo("/api/v1/teams"));
        asAdmin().body("[1, 2]").post("/api/v1/teams").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("").post("/api/v1/teams").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aWrongShapeIsSaidInJsonTermsWithoutJavaTypes() {
        // Found by the reliability fuzzing (FuzzTest): Jackson's messages named `java.util.ArrayList` and our records.
        asAdmin()
                .body(Map.of("name", Api.unique("x"), "kind", "SOURCE", "owner", Api.createTeam(), "tags", 1.5))
                .post("/api/v1/assets")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("pointer", equalTo("/tags"))
                .body("detail", equalTo("the JSON at /tags has the wrong shape: expected an array"));
        asAdmin()
                .body("[1, 2]")
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("detail", equalTo("the request body has the wrong shape: expected an object"));
        asAdmin()
                .body(Map.of("team", "x", "role", List.of("EDITOR")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("detail", equalTo("the JSON at /role has the wrong shape: expected one of ADMIN, EDITOR"));
    }

    @Test
    void aMemberGivenTwiceIsMalformedJsonNotA500() {
        // Found by the reliability fuzzing (FuzzTest): Jackson could not bind the repeated member of a record body,
        // and Quarkus answered its InvalidDefinitionException with an empty 500.
        asAdmin()
                .body("{\"name\":1,\"label\":\"training\",\"name\":\"twice\"}")
                .post("/api/v1/assets/" + Api.createAsset(Api.createTeam(), "DATASET") + "/baselines")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", containsString("Duplicate field 'name'"));
        asAdmin()
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":{\"type\":\"object\",\"type\":\"string\"}}")
                .post("/api/v1/assets/" + Api.createAsset(Api.createTeam(), "DATASET") + "/contracts")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void bodiesOverTheLimitAreA413Problem() {
        // The limit is 16 MiB by default; send just over it.
        byte[] body = new byte[16 * 1024 * 1024 + 10];
        java.util.Arrays.fill(body, (byte) ' ');
        asAdmin()
                .body(body)
                .post("/api/v1/teams")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", containsString("max-body-bytes"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        asAdmin().patch("/api/v1/teams").then().statusCode(405).contentType("application/problem+json");
        given().contentType("text/plain")
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .body("x")
                .post("/api/v1/teams")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOfTheWrongShapeIsExplainedInJsonTermsWithoutJavaNames() {
        given().contentType("application/json")
                .body("\"abc\"")
                .post("/api/v1/validate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", equalTo("the request body has the wrong shape: expected an object"))
                .body("detail", not(containsString("$")))
                .body("detail", not(containsString("java")));
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":{},\"records\":\"x\"}")
                .post("/api/v1/validate")
                .then()
                .statusCode(400)
                .body("pointer", equalTo("/records"))
                .body("detail", equalTo("the JSON at /records has the wrong shape: expected an array"));
        asAdmin()
                .body("{\"name\": {\"first\": 1}, \"email\": \"a@example.org\"}")
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("pointer", equalTo("/name"))
                .body("detail", containsString("expected a string"));
    }

    @Test
    void deeplyNestedJsonIsRefusedNotCrashed() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        asAdmin()
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":" + deep + "}")
                .post("/api/v1/assets/x/contracts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("NESTING_TOO_DEEP"))
                .body(
                        "detail",
                        equalTo("the request nests JSON deeper than the parser allows (at most 1000);"
                                + " flatten it"));
    }

    @Test
    void documentationAndHealthAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/assets"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/").then().statusCode(200).body(containsString("Watershed"));
    }
}
