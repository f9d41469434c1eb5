package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static dev.watershed.adapter.rest.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.watershed.application.asset.AssetStore;
import dev.watershed.domain.lineage.DatasetId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenLineage datasets an asset is known by: declared in its body, each naming one asset. */
@QuarkusTest
class AssetLineageIdsTest {

    @Inject
    AssetStore assets;

    private static Map<String, String> id(String namespace, String name) {
        return Map.of("namespace", namespace, "name", name);
    }

    private static Map<String, Object> body(String name, String team, List<?> lineageIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "DATASET");
        body.put("owner", team);
        if (lineageIds != null) {
            body.put("lineageIds", lineageIds);
        }
        return body;
    }

    private static String create(String team, List<?> lineageIds) {
        String name = unique("lineage.asset");
        asAdmin()
                .body(body(name, team, lineageIds))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return name;
    }

    @Test
    void answersTheIdsSortedAndOnceEach() {
        String team = Api.createTeam();
        String table = unique("shop.public.orders");
        String name = unique("lineage.asset");
        asAdmin()
                .body(body(
                        name,
                        team,
                        List.of(id("s3://lake", table), id("postgres://db:5432", table), id("s3://lake", table))))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .body("lineageIds.namespace", contains("postgres://db:5432", "s3://lake"))
                .body("lineageIds.name", contains(table, table));
        given().get("/api/v1/assets/" + name)
                .then()
                .statusCode(200)
                .body("lineageIds.namespace", contains("postgres://db:5432", "s3://lake"));
    }

    @Test
    void anUpdateWithoutThemKeepsThemAndAnEmptyListClearsThem() {
        String team = Api.createTeam();
        String table = unique("shop.public.orders");
        String name = create(team, List.of(id("postgres://db:5432", table)));

        asAdmin()
                .body(Map.of("description", "Orders"))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(200)
                .body("lineageIds", hasSize(1))
                .body("lineageIds[0].name", equalTo(table));
        // An asset may declare again what it holds already.
        asAdmin()
                .body(Map.of("lineageIds", List.of(id("postgres://db:5432", table))))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(200);
        asAdmin()
                .body(Map.of("lineageIds", List.of()))
                .put("/api/v1/assets/" + name)
                .then()
                .statusCode(200)
                .body("lineageIds", empty());
        given().get("/api/v1/assets/" + name).then().body("lineageIds", empty());
    }

    @Test
    void anIdNamesOneAssetUntilItsHolderLetsItGo() {
        String team = Api.createTeam();
        Map<String, String> orders = id("postgres://db:5432", unique("shop.public.orders"));
        String holder = create(team, List.of(orders));

        String other = unique("lineage.asset");
        asAdmin()
                .body(body(other, team, List.of(id("s3://lake", unique("free")), orders)))
                .post("/api/v1/assets")
                .then()
                .statusCode(409)
                .body("code", equalTo("LINEAGE_ID_TAKEN"))
                .body("pointer", equalTo("/lineageIds/1"))
                .body("asset", equalTo(holder))
                .body("detail", containsString(holder));
        given().get("/api/v1/assets/" + other).then().statusCode(404);

        String second = create(team, null);
        asAdmin()
                .body(Map.of("lineageIds", List.of(orders)))
                .put("/api/v1/assets/" + second)
                .then()
                .statusCode(409)
                .body("code", equalTo("LINEAGE_ID_TAKEN"))
                .body("pointer", equalTo("/lineageIds/0"));

        // A deleted asset's ids are free again.
        asAdmin().delete("/api/v1/assets/" + holder).then().statusCode(204);
        asAdmin()
                .body(Map.of("lineageIds", List.of(orders)))
                .put("/api/v1/assets/" + second)
                .then()
                .statusCode(200)
                .body("lineageIds[0].name", equalTo(orders.get("name")));
    }

    @Test
    void explainsInvalidIdsWithWhereTheySit() {
        String team = Api.createTeam();
        asAdmin()
                .body(body(unique("lineage.asset"), team, List.of(id(" ", "shop.public.orders"))))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/lineageIds/0/namespace"));
        asAdmin()
                .body(body(
                        unique("lineage.asset"), team, List.of(id("s3://lake", "a"), Map.of("namespace", "s3://lake"))))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/lineageIds/1/name"));
        asAdmin()
                .body(body(unique("lineage.asset"), team, List.of(id("s3://lake", "x".repeat(1001)))))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/lineageIds/0/name"));
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(id("s3://lake", "table" + i));
        }
        asAdmin()
                .body(body(unique("lineage.asset"), team, tooMany))
                .post("/api/v1/assets")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/lineageIds"));
    }

    @Test
    void theStoreFindsTheAssetThatDeclaresAnId() {
        String team = Api.createTeam();
        String table = unique("shop.public.orders");
        String name = create(team, List.of(id("postgres://db:5432", table)));

        assertThat(assets.assetOfLineageId(new DatasetId("postgres://db:5432", table)))
                .contains(name);
        assertThat(assets.assetOfLineageId(new DatasetId("postgres://other:5432", table)))
                .as("the namespace is part of the identity")
                .isEmpty();
        assertThat(assets.assetOfLineageId(new DatasetId("postgres://db:5432", table + ".x")))
                .isEmpty();
    }
}
