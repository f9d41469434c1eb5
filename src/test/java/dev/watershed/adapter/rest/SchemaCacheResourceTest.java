package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.watershed.application.contract.SchemaCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schemas resent with a check are parsed once (SchemaCache), and nothing about the answer changes. */
@QuarkusTest
class SchemaCacheResourceTest {

    @Inject
    SchemaCache schemas;

    /** A schema no other test sends: {@code title} makes it new. */
    private static Map<String, Object> payment(String title, String amountType, List<String> required) {
        return Map.of(
                "title",
                title,
                "type",
                "object",
                "properties",
                Map.of("id", Map.of("type", "string"), "amount", Map.of("type", amountType)),
                "required",
                required);
    }

    private static String check(Map<String, Object> request, int status) {
        return given().contentType("application/json")
                .body(request)
                .post("/api/v1/compatibility")
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    @Test
    void aCheckResentIsAnsweredTheSameFromParsedSchemas() {
        String title = Api.unique("cached payment");
        Map<String, Object> request = Map.of(
                "format",
                "JSON_SCHEMA",
                "mode",
                "FULL_TRANSITIVE",
                "schema",
                payment(title, "string", List.of("id")),
                "previous",
                List.of(
                        payment(title, "number", List.of("id")),
                        payment(title, "number", List.of("id", "amount")),
                        payment(title, "integer", List.of("id"))));
        long before = schemas.size();
        String first = check(request, 200);
        long afterFirst = schemas.size();
        String second = check(request, 200);

        assertThat(afterFirst - before).isEqualTo(4);
        assertThat(schemas.size()).isEqualTo(afterFirst);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("\"compatible\":false").contains("previous[2]");
    }

    @Test
    void anInvalidSchemaIsRefusedAgainWithThePointerOfTheRequestAtHand() {
        String title = Api.unique("refused payment");
        Map<String, Object> valid = payment(title, "string", List.of("id"));
        Map<String, Object> invalid = Map.of("title", title, "type", 12);
        given().contentType("application/json")
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD",
                        "schema",
                        valid,
                        "previous",
                        List.of(valid, invalid)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("pointer", equalTo("/previous/1"));
        given().contentType("application/json")
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD_TRANSITIVE",
                        "schema",
                        valid,
                        "previous",
                        List.of(valid, valid, valid, invalid)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SCHEMA"))
                .body("pointer", equalTo("/previous/3"))
                .body("detail", containsString("/previous/3/type"))
                .body("detail", not(containsString("/previous/1")));
        given().contentType("application/json")
                .body(Map.of(
                        "format", "JSON_SCHEMA", "mode", "BACKWARD", "schema", invalid, "previous", List.of(valid)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/schema"))
                .body("detail", containsString("/schema/type"));
    }

    @Test
    void aPublishStoresTheSchemaAsItsProducerWroteItEvenWhenItIsCachedInAnotherOrder() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        String title = Api.unique("ordered payment");
        String checked =
                "{\"title\":\"" + title + "\",\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";
        String published =
                "{\"properties\":{\"id\":{\"type\":\"string\"}},\"type\":\"object\",\"title\":\"" + title + "\"}";
        given().contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"mode\":\"BACKWARD\",\"schema\":" + checked + ",\"previous\":[]}")
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200);
        long cached = schemas.size();
        asAdmin()
                .contentType("application/json")
                .body("{\"format\":\"JSON_SCHEMA\",\"schema\":" + published + "}")
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        assertThat(schemas.size()).isEqualTo(cached);
        String stored = given().get("/api/v1/assets/" + asset + "/contracts/latest/schema")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(stored).isEqualTo(published);
    }
}
