package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Test
    void writesNeedAToken() {
        String team = Api.createTeam();
        given().contentType("application/json")
                .body(Map.of("name", Api.unique("x"), "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void unknownTokensAreRefusedEvenForReads() {
        Api.as("wst_not-a-real-token").get("/api/v1/assets").then().statusCode(401);
        given().header("Authorization", "Basic abc")
                .get("/api/v1/assets")
                .then()
                .statusCode(401);
    }

    @Test
    void editorsChangeOnlyTheirOwnTeamsAssets() {
        String mine = Api.createTeam();
        String theirs = Api.createTeam();
        String token = Api.editorToken(mine);
        String myAsset = Api.unique("mine.asset");
        Api.as(token)
                .body(Map.of("name", myAsset, "kind", "SOURCE", "owner", mine))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.as(token)
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object")))
                .post("/api/v1/assets/" + myAsset + "/contracts")
                .then()
                .statusCode(201)
                .body("createdBy", startsWith(mine + "/"));

        Api.as(token)
                .body(Map.of("name", Api.unique("theirs.asset"), "kind", "SOURCE", "owner", theirs))
                .post("/api/v1/assets")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        String theirAsset = Api.createAsset(theirs, "SOURCE");
        Api.as(token)
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object")))
                .post("/api/v1/assets/" + theirAsset + "/contracts")
                .then()
                .statusCode(403);
        Api.as(token)
                .body(Map.of("description", "mine now"))
                .put("/api/v1/assets/" + theirAsset)
                .then()
                .statusCode(403);
        Api.as(token).delete("/api/v1/assets/" + theirAsset).then().statusCode(403);
        // Giving an asset away needs an admin.
        Api.as(token)
                .body(Map.of("owner", theirs))
                .put("/api/v1/assets/" + myAsset)
                .then()
                .statusCode(403);
        Api.as(token)
                .body(Map.of("team", mine, "role", "ADMIN"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(403);
    }

    @Test
    void revokedTokensStopWorking() {
        String team = Api.createTeam();
        var issued = asAdmin()
                .body(Map.of("team", team, "role", "EDITOR", "name", "ci"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("name", equalTo("ci"))
                .body("role", equalTo("EDITOR"))
                .body("token", startsWith("wst_"))
                .extract();
        String id = issued.path("id");
        String secret = issued.path("token");
        Api.as(secret)
                .body(Map.of("name", Api.unique("x"), "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        asAdmin().delete("/api/v1/tokens/" + id).then().statusCode(204);
        Api.as(secret)
                .body(Map.of("name", Api.unique("x"), "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(401);
        asAdmin().delete("/api/v1/tokens/no-such-id").then().statusCode(404).body("code", equalTo("TOKEN_NOT_FOUND"));
    }

    @Test
    void theLongestTeamAndTokenNamesStillFitTheAuthorRecordedWithAChange() {
        // The author of a change is stored as "<team>/<token name>" in a column of 300 characters.
        String team = ("t" + Api.unique("x")).substring(0, 10) + "t".repeat(90);
        asAdmin()
                .body(Map.of("name", team, "email", "long@example.org"))
                .post("/api/v1/teams")
                .then()
                .statusCode(201);
        String name = "n".repeat(200);
        asAdmin()
                .body(Map.of("team", team, "role", "EDITOR", "name", name))
                .post("/api/v1/tokens")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/name"));
        String token = asAdmin()
                .body(Map.of("team", team, "role", "EDITOR", "name", name.substring(1)))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String asset = Api.unique("long.asset");
        Api.as(token)
                .body(Map.of("name", asset, "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.as(token)
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of("type", "object")))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo(team + "/" + name.substring(1)));
    }

    @Test
    void tokensNeedAnExistingTeamAndARole() {
        asAdmin()
                .body(Map.of("team", "nobody", "role", "EDITOR"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/team"));
        asAdmin()
                .body(Map.of("team", Api.createTeam(), "role", "OWNER"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/role"));
    }
}
