package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With anonymous reads off, every API call needs a valid token; the documentation stays open. */
@QuarkusTest
@TestProfile(ClosedReadsTest.AnonymousReadsOff.class)
class ClosedReadsTest {

    public static class AnonymousReadsOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("watershed.auth.anonymous-read", "false");
        }
    }

    @Test
    void readsNeedAToken() {
        given().get("/api/v1/assets").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/teams").then().statusCode(401);
        Api.asAdmin().get("/api/v1/assets").then().statusCode(200);
        String team = Api.createTeam();
        Api.as(Api.editorToken(team)).get("/api/v1/teams/" + team).then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
