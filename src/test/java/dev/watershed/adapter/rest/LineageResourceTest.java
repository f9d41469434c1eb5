package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.DependencyResourceTest.depend;
import static dev.watershed.adapter.rest.DependencyResourceTest.producer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.graph.LineageDirection;
import dev.watershed.domain.graph.LineageTraversal;
import dev.watershed.domain.graph.Subgraph;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LineageResourceTest {

    @Inject
    EstateGraph estate;

    /** a → b → c → d, plus a → c: data flows from a. */
    private static List<String> chain() {
        String a = producer();
        String b = producer();
        String c = producer();
        String d = producer();
        depend(b, a);
        depend(c, b);
        depend(c, a, Map.of("fields", List.of("amount"), "usage", "TRAINING"), 201);
        depend(d, c);
        return List.of(a, b, c, d);
    }

    /** The example estate's recorded OpenLineage run (contracts/lineage/) shows beside the declared edges. */
    @Test
    void theExampleFeaturesShowTheFlowsTheirRecordedRunObserved() {
        given().queryParam("direction", "upstream")
                .queryParam("depth", 1)
                .get("/api/v1/lineage/retail.demand-features")
                .then()
                .statusCode(200)
                .body("edges.find { it.from == 'retail.sales-replica' }.provenance", contains("OBSERVED"))
                .body("edges.find { it.from == 'retail.sales-replica' }.versionRange", nullValue())
                .body(
                        "edges.find { it.from == 'retail.sales-replica' }.jobs",
                        contains(Map.of("namespace", "airflow", "name", "retail.build_demand_features")))
                .body(
                        "edges.find { it.from == 'retail.sales-replica' }.observed.fieldsRead",
                        contains("/sale_date", "/units_sold"))
                .body("edges.find { it.from == 'retail.sales' }.provenance", contains("DECLARED", "OBSERVED"))
                .body("edges.find { it.from == 'weather.daily' }.provenance", contains("DECLARED", "OBSERVED"))
                .body("edges.find { it.from == 'weather.daily' }.observed.fieldsRead", contains("/temperature_max_c"));
        given().queryParam("namespace", "oracle://lis-db:1521")
                .queryParam("matched", false)
                .get("/api/v1/lineage/datasets")
                .then()
                .statusCode(200)
                .body("datasets.name", contains("LIS.RESULTS"))
                .body("datasets[0].jobs.name", contains("hospital.load_lab_results"));
    }

    @Test
    void walksUpstreamDownstreamAndBothToADepth() {
        List<String> n = chain();
        given().queryParam("direction", "downstream")
                .queryParam("depth", 1)
                .get("/api/v1/lineage/" + n.get(1))
                .then()
                .statusCode(200)
                .body("root", equalTo(n.get(1)))
                .body("nodes.name", contains(n.get(1), n.get(2)))
                .body("edges", hasSize(1))
                .body("edges[0].from", equalTo(n.get(1)))
                .body("edges[0].to", equalTo(n.get(2)))
                .body("edges[0].versionRange", equalTo("^1"))
                .body("edges[0].resolvedVersion", equalTo("1.0.0"));
        given().queryParam("direction", "UPSTREAM")
                .get("/api/v1/lineage/" + n.get(3))
                .then()
                .statusCode(200)
                .body("nodes.name", containsInAnyOrder(n.get(3), n.get(2), n.get(1), n.get(0)))
                .body("nodes[0].name", equalTo(n.get(3)))
                .body("nodes[0].kind", equalTo("SOURCE"))
                .body("nodes[0].latestVersion", equalTo("1.0.0"))
                .body(
                        "edges.find { it.from == '" + n.get(0) + "' && it.to == '" + n.get(2) + "' }.fields",
                        contains("/amount"))
                .body(
                        "edges.find { it.from == '" + n.get(0) + "' && it.to == '" + n.get(2) + "' }.usage",
                        equalTo("TRAINING"));
        given().get("/api/v1/lineage/" + n.get(1))
                .then()
                .statusCode(200)
                .body("nodes.name", containsInAnyOrder(n.toArray()));
        given().queryParam("depth", 0).get("/api/v1/lineage/" + n.get(1)).then().body("nodes.name", contains(n.get(1)));
        given().queryParam("direction", "downstream")
                .get("/api/v1/assets/" + n.get(2) + "/lineage")
                .then()
                .statusCode(200)
                .body("nodes.name", contains(n.get(2), n.get(3)));
    }

    @Test
    void refusesBadLineageQueries() {
        String a = producer();
        given().queryParam("depth", 11)
                .get("/api/v1/lineage/" + a)
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("depth"));
        given().queryParam("depth", -1).get("/api/v1/lineage/" + a).then().statusCode(422);
        given().queryParam("depth", "deep").get("/api/v1/lineage/" + a).then().statusCode(422);
        given().queryParam("direction", "sideways")
                .get("/api/v1/lineage/" + a)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("direction"));
        given().get("/api/v1/lineage/no.such-asset").then().statusCode(404).body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void ordersTheDownstreamForRebuilding() {
        List<String> n = chain();
        given().queryParam("from", n.get(0))
                .get("/api/v1/lineage/order")
                .then()
                .statusCode(200)
                .body("from", equalTo(n.get(0)))
                .body("order.name", contains(n.get(1), n.get(2), n.get(3)))
                .body("order[0].kind", equalTo("SOURCE"));
        given().queryParam("from", n.get(3))
                .get("/api/v1/lineage/order")
                .then()
                .statusCode(200)
                .body("order", hasSize(0));
        given().get("/api/v1/lineage/order").then().statusCode(422).body("pointer", equalTo("from"));
        given().queryParam("from", "no.such-asset")
                .get("/api/v1/lineage/order")
                .then()
                .statusCode(404);
    }

    @Test
    void pagesTheEstateByOwnerAndKind() {
        String team = Api.createTeam();
        String source = Api.createAsset(team, "SOURCE");
        Api.publish(source, DependencyResourceTest.PAYMENT, 201);
        String feature = Api.createAsset(team, "FEATURE");
        Api.publish(feature, DependencyResourceTest.PAYMENT, 201);
        String model = Api.createAsset(team, "MODEL");
        depend(feature, source);
        depend(model, feature);
        given().queryParam("owner", team)
                .get("/api/v1/lineage")
                .then()
                .statusCode(200)
                .body("nodes", hasSize(3))
                .body("nodes.owner", everyItem(equalTo(team)))
                .body("edges", hasSize(2))
                .body("truncated", equalTo(false));
        given().queryParam("owner", team)
                .queryParam("kind", "feature")
                .get("/api/v1/lineage")
                .then()
                .body("nodes.name", contains(feature))
                .body("edges", hasSize(0));
        given().queryParam("owner", team)
                .queryParam("limit", 1)
                .get("/api/v1/lineage")
                .then()
                .body("nodes", hasSize(1))
                .body("truncated", equalTo(true));
        given().queryParam("limit", 0).get("/api/v1/lineage").then().statusCode(422);
        given().queryParam("kind", "TABLE").get("/api/v1/lineage").then().statusCode(422);
    }

    @Test
    void aReloadFromTheDatabaseGivesTheSameGraph() {
        List<String> n = chain();
        Subgraph before = new LineageTraversal(estate.read()).lineage(n.get(0), LineageDirection.BOTH, 10);
        int nodes = estate.read().nodeCount();
        int edges = estate.read().edgeCount();
        estate.reload();
        Subgraph after = new LineageTraversal(estate.read()).lineage(n.get(0), LineageDirection.BOTH, 10);
        assertThat(after.nodes()).containsExactlyElementsOf(before.nodes());
        assertThat(after.edges()).containsExactlyInAnyOrderElementsOf(before.edges());
        assertThat(estate.read().nodeCount()).isEqualTo(nodes);
        assertThat(estate.read().edgeCount()).isEqualTo(edges);
    }
}
