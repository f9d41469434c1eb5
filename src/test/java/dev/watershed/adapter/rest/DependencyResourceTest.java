package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DependencyResourceTest {

    static final Map<String, Object> PAYMENT = Api.objectSchema(
            Map.of(
                    "amount", Map.of("type", "number"),
                    "currency", Map.of("type", "string"),
                    "customer", Map.of("type", "object", "properties", Map.of("email", Map.of("type", "string")))),
            List.of("amount"));

    /** A producer with a one-version contract, owned by a team of its own. */
    static String producer() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, PAYMENT, 201);
        return asset;
    }

    static void depend(String consumer, String producer, Map<String, Object> body, int status) {
        asAdmin()
                .body(body)
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(status);
    }

    static void depend(String consumer, String producer) {
        depend(consumer, producer, Map.of(), 201);
    }

    @Test
    void declaresReplacesAndListsADependency() {
        String producer = producer();
        String team = Api.createTeam();
        String consumer = Api.createAsset(team, "FEATURE");
        String token = Api.editorToken(team);

        Api.as(token)
                .body(Map.of(
                        "versionRange",
                        "^1.0",
                        "fields",
                        List.of("amount", "/customer/email"),
                        "usage",
                        "TRAINING",
                        "note",
                        "label source"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assets/" + consumer + "/dependencies/" + producer))
                .body("producer", equalTo(producer))
                .body("consumer", equalTo(consumer))
                .body("versionRange", equalTo("^1.0"))
                .body("resolvedVersion", equalTo("1.0.0"))
                .body("fields", contains("/amount", "/customer/email"))
                .body("usage", equalTo("TRAINING"))
                .body("note", equalTo("label source"))
                .body("createdAt", notNullValue())
                .body("lineageOnly", equalTo(false))
                .body("lineageOnlyReason", nullValue());
        Api.as(token)
                .body(Map.of("fields", List.of("customer.email"), "usage", "SERVING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(200)
                .body("versionRange", equalTo("^1"))
                .body("fields", contains("/customer/email"))
                .body("usage", equalTo("SERVING"))
                .body("note", nullValue());

        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].producer", equalTo(producer));
        given().get("/api/v1/assets/" + producer + "/consumers")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].consumer", equalTo(consumer))
                .body("[0].usage", equalTo("SERVING"));
    }

    @Test
    void resolvedVersionFollowsNewPublishes() {
        String producer = producer();
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        depend(consumer, producer, Map.of("versionRange", "^1", "fields", List.of("amount")), 201);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "amount",
                Map.of("type", "number"),
                "currency",
                Map.of("type", "string"),
                "channel",
                Map.of("type", "string")));
        Api.publish(producer, Api.objectSchema(properties, List.of("amount")), 201);

        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .body("[0].resolvedVersion", equalTo("1.1.0"));
        given().queryParam("direction", "upstream")
                .get("/api/v1/lineage/" + consumer)
                .then()
                .statusCode(200)
                .body("edges[0].resolvedVersion", equalTo("1.1.0"))
                .body("nodes.find { it.name == '" + producer + "' }.latestVersion", equalTo("1.1.0"));
    }

    @Test
    void onlyTheConsumersOwnerOrAnAdminDeclares() {
        String producer = producer();
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        String otherTeam = Api.editorToken(Api.createTeam());
        given().contentType("application/json")
                .body(Map.of())
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        Api.as(otherTeam)
                .body(Map.of())
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        depend(consumer, producer);
        Api.as(otherTeam)
                .delete("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(403);
    }

    @Test
    void unknownAssetsAndDependenciesAre404() {
        String producer = producer();
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        depend("no.such-asset", producer, Map.of(), 404);
        asAdmin()
                .body(Map.of())
                .put("/api/v1/assets/" + consumer + "/dependencies/no.such-asset")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        asAdmin()
                .delete("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(404)
                .body("code", equalTo("DEPENDENCY_NOT_FOUND"));
        given().get("/api/v1/assets/no.such-asset/dependencies").then().statusCode(404);
        given().get("/api/v1/assets/no.such-asset/consumers").then().statusCode(404);
        given().get("/api/v1/assets/no.such-asset/impact").then().statusCode(404);
    }

    @Test
    void refusesRangesAndFieldsTheContractDoesNotHave() {
        String producer = producer();
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        String path = "/api/v1/assets/" + consumer + "/dependencies/" + producer;
        asAdmin()
                .body(Map.of("versionRange", "abc"))
                .put(path)
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_VERSION_RANGE"))
                .body("pointer", equalTo("/versionRange"));
        asAdmin()
                .body(Map.of("versionRange", "^2"))
                .put(path)
                .then()
                .statusCode(422)
                .body("code", equalTo("VERSION_RANGE_MATCHES_NOTHING"))
                .body("pointer", equalTo("/versionRange"))
                .body("detail", containsString("1.0.0"))
                .body("publishedVersions", contains("1.0.0"));
        asAdmin()
                .body(Map.of("fields", List.of("amount", "amout", "customer.phone")))
                .put(path)
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_FIELDS"))
                .body("pointer", equalTo("/fields/1"))
                .body("unknownFields", contains("/amout", "/customer/phone"));
        asAdmin()
                .body(Map.of("usage", "SOMETIMES"))
                .put(path)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/usage"));
        asAdmin()
                .body(Map.of())
                .put("/api/v1/assets/" + producer + "/dependencies/" + producer)
                .then()
                .statusCode(422)
                .body("code", equalTo("SELF_DEPENDENCY"));
        given().get("/api/v1/assets/" + consumer + "/dependencies").then().body("$", empty());
    }

    @Test
    void aValidRangeLongerThanItsColumnIsA422NotA500() {
        String producer = producer();
        String consumer = Api.createAsset(Api.createTeam(), "FEATURE");
        String range = String.join(" || ", java.util.Collections.nCopies(60, "^1"));
        asAdmin()
                .body(Map.of("versionRange", range))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_VERSION_RANGE"))
                .body("pointer", equalTo("/versionRange"));
    }

    @Test
    void refusesADependencyThatClosesACycleAndNamesIt() {
        String a = producer();
        String b = producer();
        String c = producer();
        depend(b, a);
        depend(c, b);
        asAdmin()
                .body(Map.of())
                .put("/api/v1/assets/" + a + "/dependencies/" + c)
                .then()
                .statusCode(409)
                .body("code", equalTo("DEPENDENCY_CYCLE"))
                .body("cycle", contains(c, a, b, c))
                .body("detail", containsString(a + " → " + b + " → " + c));
        given().get("/api/v1/assets/" + a + "/dependencies").then().body("$", empty());
        given().queryParam("direction", "downstream")
                .get("/api/v1/lineage/" + c)
                .then()
                .body("nodes.name", contains(c));
    }

    @Test
    void deletingAnAssetWithConsumersNeedsForce() {
        String producer = producer();
        String consumer = producer();
        depend(consumer, producer);
        asAdmin()
                .delete("/api/v1/assets/" + producer)
                .then()
                .statusCode(409)
                .body("code", equalTo("ASSET_HAS_CONSUMERS"))
                .body("consumers", contains(consumer))
                .body("detail", containsString(consumer));
        asAdmin()
                .queryParam("force", "true")
                .delete("/api/v1/assets/" + producer)
                .then()
                .statusCode(204);
        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .statusCode(200)
                .body("$", empty());
        given().get("/api/v1/lineage/" + consumer)
                .then()
                .statusCode(200)
                .body("nodes.name", contains(consumer))
                .body("edges", empty());
        given().get("/api/v1/lineage/" + producer).then().statusCode(404);
    }

    @Test
    void deletingAConsumerRemovesItsDependencies() {
        String producer = producer();
        String consumer = producer();
        depend(consumer, producer);
        asAdmin().delete("/api/v1/assets/" + consumer).then().statusCode(204);
        given().get("/api/v1/assets/" + producer + "/consumers").then().body("$", empty());
        asAdmin().delete("/api/v1/assets/" + producer).then().statusCode(204);
    }

    @Test
    void removesADependency() {
        String producer = producer();
        String consumer = producer();
        depend(consumer, producer);
        asAdmin()
                .delete("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(204);
        given().get("/api/v1/assets/" + consumer + "/dependencies").then().body("$", empty());
        given().get("/api/v1/assets/" + producer + "/impact").then().body("impacted", empty());
    }

    @Test
    void impactIsFieldPrecise() {
        String producer = producer();
        String readsAmount = producer();
        String readsCurrency = producer();
        String readsEverything = producer();
        String downstream = producer();
        depend(readsAmount, producer, Map.of("fields", List.of("amount")), 201);
        depend(readsCurrency, producer, Map.of("fields", List.of("currency")), 201);
        depend(readsEverything, producer);
        depend(downstream, readsAmount, Map.of("fields", List.of("currency")), 201);

        given().queryParam("fields", "amount")
                .get("/api/v1/assets/" + producer + "/impact")
                .then()
                .statusCode(200)
                .body("asset", equalTo(producer))
                .body("impacted.name", hasItem(readsAmount))
                .body("impacted.name", hasItem(readsEverything))
                .body("impacted.name", hasItem(downstream))
                .body("impacted.name", not(hasItem(readsCurrency)))
                .body("impacted.find { it.name == '" + readsAmount + "' }.fields", contains("/amount"))
                .body("impacted.find { it.name == '" + readsAmount + "' }.direct", equalTo(true))
                .body("impacted.find { it.name == '" + readsAmount + "' }.reason", containsString("/amount"))
                .body("impacted.find { it.name == '" + downstream + "' }.depth", equalTo(2))
                .body("impacted.find { it.name == '" + downstream + "' }.direct", equalTo(false))
                .body(
                        "impacted.find { it.name == '" + downstream + "' }.path",
                        contains(producer, readsAmount, downstream));
        given().queryParam("fields", "customer.email")
                .get("/api/v1/assets/" + producer + "/impact")
                .then()
                .body("impacted.name", contains(readsEverything));
        given().get("/api/v1/assets/" + producer + "/impact").then().body("impacted", hasSize(4));
    }

    @Test
    void exampleEstateDeclaresItsDependencies() {
        given().get("/api/v1/assets/hospital.readmission-features/dependencies")
                .then()
                .statusCode(200)
                .body("producer", contains("hospital.admissions", "hospital.lab-results", "hospital.vital-signs"))
                .body("find { it.producer == 'hospital.lab-results' }.fields", contains("/abnormal"));
        given().queryParam("fields", "temperature_max_c")
                .get("/api/v1/assets/weather.daily/impact")
                .then()
                .statusCode(200)
                .body("impacted.name", contains("retail.demand-features", "retail.demand-forecast"));
        given().queryParam("from", "hospital.admissions")
                .get("/api/v1/lineage/order")
                .then()
                .statusCode(200)
                .body("order.name", contains("hospital.readmission-features", "hospital.readmission-model"));
    }
}
