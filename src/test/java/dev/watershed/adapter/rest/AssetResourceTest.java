package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static dev.watershed.adapter.rest.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetResourceTest {

    @Test
    void registersAnAssetWithDefaults() {
        String team = Api.createTeam();
        String name = unique("payments.transactions");
        asAdmin()
                .body(Map.of("name", name, "kind", "SOURCE", "owner", team, "description", "Card payments"))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assets/" + name))
                .body("name", equalTo(name))
                .body("criticality", equalTo("MEDIUM"))
                .body("compatibility", equalTo("BACKWARD"))
                .body("strictCompatibility", equalTo(false));
        given().get("/api/v1/assets/" + name).then().statusCode(200).body("owner", equalTo(team));
    }

    @Test
    void saysWhichContractVersionIsLatestAndNoneBeforeTheFirst() {
        String team = Api.createTeam();
        String name = Api.createAsset(team, "DATASET");
        given().get("/api/v1/assets/" + name).then().statusCode(200).body("latestVersion", nullValue());

        Api.publish(name, Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id")), 201);
        given().get("/api/v1/assets/" + name).then().statusCode(200).body("latestVersion", equalTo("1.0.0"));
        given().queryParam("q", name)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items.latestVersion", contains("1.0.0"));
    }

    @Test
    void searchesByKindOwnerTagAndTextWithPaging() {
        String team = Api.createTeam();
        for (int i = 0; i < 3; i++) {
            asAdmin()
                    .body(Map.of(
                            "name",
                            unique("search.model" + i),
                            "kind",
                            "MODEL",
                            "owner",
                            team,
                            "tags",
                            List.of("churn"),
                            "description",
                            "Predicts churn " + i))
                    .post("/api/v1/assets")
                    .then()
                    .statusCode(201);
        }
        asAdmin()
                .body(Map.of("name", unique("search.source"), "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);

        given().queryParam("owner", team)
                .queryParam("kind", "MODEL")
                .queryParam("limit", 2)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("limit", equalTo(2))
                .body("items.kind", everyItem(equalTo("MODEL")));
        given().queryParam("owner", team)
                .queryParam("kind", "MODEL")
                .queryParam("limit", 2)
                .queryParam("offset", 2)
                .get("/api/v1/assets")
                .then()
                .body("items", hasSize(1));
        given().queryParam("owner", team)
                .queryParam("tag", "churn")
                .get("/api/v1/assets")
                .then()
                .body("total", equalTo(3));
        given().queryParam("owner", team)
                .queryParam("q", "CHURN 1")
                .get("/api/v1/assets")
                .then()
                .body("total", equalTo(1));
        given().queryParam("q", "100%_literal")
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void updatesMetadataButNotNameOrKind() {
        String team = Api.createTeam();
        String name = Api.createAsset(team, "DATASET");
        asAdmin()
                .body(Map.of(
                        "owner",
                        team,
                        "description",
                        "Refreshed daily",
                        "tags",
                        List.of("b", "a"),
                        "criticality",
                        "HIGH",
                        "compatibility",
                        "FULL_TRANSITIVE"))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(200)
                .body("description", equalTo("Refreshed daily"))
                .body("criticality", equalTo("HIGH"))
                .body("compatibility", equalTo("FULL_TRANSITIVE"))
                .body("kind", equalTo("DATASET"));
        given().get("/api/v1/assets/" + name).then().body("tags", contains("a", "b"));
        asAdmin()
                .body(Map.of("kind", "MODEL"))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/kind"));
        asAdmin()
                .body(Map.of("name", "other.name"))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/name"));
    }

    @Test
    void deletesAnAssetWithItsContracts() {
        String team = Api.createTeam();
        String name = Api.createAsset(team, "SOURCE");
        Api.publish(name, Map.of("type", "object"), 201);
        asAdmin().delete("/api/v1/assets/" + name).then().statusCode(204);
        given().get("/api/v1/assets/" + name).then().statusCode(404).body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/" + name + "/contracts").then().statusCode(404);
    }

    @Test
    void explainsInvalidAssets() {
        String team = Api.createTeam();
        asAdmin()
                .body(Map.of("name", "Payments", "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_ASSET"))
                .body("pointer", equalTo("/name"));
        asAdmin()
                .body(Map.of("name", unique("x"), "kind", "TABLE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/kind"))
                .body("detail", containsString("SOURCE, DATASET, FEATURE, MODEL"));
        asAdmin()
                .body(Map.of("name", unique("x"), "kind", "SOURCE", "owner", "nobody"))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/owner"));
        asAdmin()
                .body(Map.of("name", unique("x"), "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/kind"));
        asAdmin()
                .body(Map.of("name", unique("x"), "kind", "SOURCE", "owner", team, "tags", List.of("Bad Tag")))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/tags/0"));
        String existing = Api.createAsset(team, "SOURCE");
        asAdmin()
                .body(Map.of("name", existing, "kind", "SOURCE", "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(409)
                .body("code", equalTo("ASSET_EXISTS"));
        given().queryParam("kind", "TABLE")
                .get("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("kind"));
        given().queryParam("limit", "ten").get("/api/v1/assets").then().statusCode(422);
        given().queryParam("limit", 100000).get("/api/v1/assets").then().statusCode(422);
    }
}
