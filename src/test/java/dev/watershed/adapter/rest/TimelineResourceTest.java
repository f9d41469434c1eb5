package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change timeline of an asset: what changed in it and upstream of it, newest first. */
@QuarkusTest
class TimelineResourceTest {

    private static final Map<String, Object> FRACTION = Map.of("type", "number", "minimum", 0, "maximum", 1);
    private static final Map<String, Object> PERCENT = Map.of("type", "number", "minimum", 0, "maximum", 100);

    /**
     * source -> features -> model, a second source the features read for a while, and a third one deleted while
     * the features read it.
     */
    private record Estate(
            String source, String features, String model, String dropped, String deleted, Instant beforeDeprecation) {}

    @Test
    void aModelsTimelineShowsEveryChangeUpstreamWithItsPathAndSummaryNewestFirst() {
        Estate estate = estate();

        JsonPath timeline = timeline(estate.model(), "");

        assertThat(timeline.getString("asset")).isEqualTo(estate.model());
        assertThat(timeline.getInt("assetsCovered")).isEqualTo(3);
        List<Map<String, Object>> entries = timeline.getList("entries");
        List<String> instants =
                entries.stream().map(entry -> (String) entry.get("occurredAt")).toList();
        assertThat(instants).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));

        Map<String, Object> widened = entry(entries, "contract.published", estate.source(), "1.1.0");
        assertThat(widened.get("path")).isEqualTo(List.of(estate.source(), estate.features(), estate.model()));
        assertThat((String) widened.get("summary"))
                .startsWith(estate.source() + " 1.1.0 (MINOR, was 1.0.0) changed /discount: ")
                .contains("breaks readers of 1.0.0");
        assertThat(timeline.getString("entries.find { it.version == '1.1.0' }.data.differences[0].path"))
                .isEqualTo("/discount");

        // Nobody was told of the model's first version (no consumer, no subscriber), yet the journal has it.
        assertThat(entry(entries, "contract.published", estate.model(), "1.0.0").get("summary"))
                .isEqualTo(estate.model() + " 1.0.0 published, its first version");

        Map<String, Object> deprecated = entry(entries, "contract.deprecated", estate.source(), "1.0.0");
        assertThat(deprecated.get("summary")).isEqualTo(estate.source() + " 1.0.0 deprecated");

        Map<String, Object> removed = entry(entries, "dependency.removed", estate.dropped(), null);
        assertThat(removed.get("path")).isEqualTo(List.of(estate.dropped(), estate.features(), estate.model()));
        assertThat(removed.get("summary")).isEqualTo(estate.features() + " no longer reads " + estate.dropped());
        Map<String, Object> added = entry(entries, "dependency.added", estate.source(), null);
        assertThat(added.get("summary"))
                .isEqualTo(estate.features() + " now reads " + estate.source() + " (/discount, versions ^1)");

        Map<String, Object> deleted = entry(entries, "asset.deleted", estate.deleted(), null);
        assertThat(deleted.get("path")).isEqualTo(List.of(estate.deleted(), estate.features(), estate.model()));
        assertThat((String) deleted.get("summary"))
                .startsWith(estate.deleted() + " (source of ")
                .endsWith(") deleted");

        Map<String, Object> failed = entry(entries, "validation.failed", estate.features(), "1.0.0");
        assertThat(failed.get("path")).isEqualTo(List.of(estate.features(), estate.model()));
        assertThat((String) failed.get("summary"))
                .contains("2 of 2 records invalid")
                .contains("'nightly'");

        List<String> order = entries.stream()
                .map(entry -> entry.get("type") + " " + entry.get("asset"))
                .toList();
        assertThat(order.indexOf("validation.failed " + estate.features()))
                .isLessThan(order.indexOf("contract.deprecated " + estate.source()));
        assertThat(order.indexOf("contract.deprecated " + estate.source()))
                .isLessThan(order.indexOf("dependency.removed " + estate.dropped()));
        // The dropped source's own publication happened while it was upstream of nothing that leads here.
        assertThat(entries)
                .noneMatch(entry -> entry.get("type").equals("contract.published")
                        && entry.get("asset").equals(estate.dropped()));
    }

    @Test
    void fromToTypesAndLimitNarrowTheTimeline() {
        Estate estate = estate();
        String split = estate.beforeDeprecation().toString();

        List<String> after = timeline(estate.model(), "?from=" + split).getList("entries.type");
        assertThat(after).containsExactly("validation.failed", "contract.deprecated");
        List<String> before = timeline(estate.model(), "?to=" + split).getList("entries.type");
        assertThat(before)
                .doesNotContain("validation.failed", "contract.deprecated")
                .contains("contract.published");

        JsonPath published = timeline(estate.model(), "?types=contract.published,contract.deprecated");
        assertThat(published.getList("entries.type", String.class))
                .allMatch(type -> type.equals("contract.published") || type.equals("contract.deprecated"))
                .contains("contract.deprecated");

        JsonPath two = timeline(estate.model(), "?limit=2");
        assertThat(two.getList("entries")).hasSize(2);
        assertThat(two.getBoolean("more")).isTrue();
        assertThat(two.getList("entries.type")).containsExactly("validation.failed", "contract.deprecated");

        // The features' timeline does not reach down to the model.
        assertThat(timeline(estate.features(), "").getList("entries.asset")).doesNotContain(estate.model());
    }

    @Test
    void badParametersAre422AndAnUnknownAssetIs404() {
        String team = Api.createTeam();
        String asset = Api.createAsset(team, "MODEL");
        String url = "/api/v1/assets/" + asset + "/timeline";
        given().get(url + "?from=yesterday")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("from"));
        // Found by FuzzTest on PostgreSQL: a year Instant parses but the database's timestamps do not reach was a 500.
        given().queryParam("to", "+1000000000-01-01T00:00:00Z")
                .get(url)
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("to"))
                .body("detail", containsString("outside the years 0001 to 9999"));
        given().get(url + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("from"));
        given().get(url + "?from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("from"));
        given().get(url + "?types=contract.published,contract.exploded")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("types"));
        given().get(url + "?limit=0").then().statusCode(422).body("pointer", equalTo("limit"));
        given().get(url + "?limit=100000").then().statusCode(422).body("pointer", equalTo("limit"));
        given().get(url + "?limit=many").then().statusCode(422).body("pointer", equalTo("limit"));
        given().get("/api/v1/assets/no.such-asset/timeline")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void theExampleForecastsTimelineExplainsThePromotionsDiscountChange() {
        JsonPath timeline = timeline("retail.demand-forecast", "?types=contract.published");
        List<Map<String, Object>> entries = timeline.getList("entries");
        Map<String, Object> change = entry(entries, "contract.published", "retail.promotions", "1.1.0");
        assertThat(change.get("path"))
                .isEqualTo(List.of("retail.promotions", "retail.demand-features", "retail.demand-forecast"));
        assertThat(change.get("summary"))
                .isEqualTo("retail.promotions 1.1.0 (MINOR, was 1.0.0) changed /discount:"
                        + " property `discount` raised its maximum from 1 to 100: readers of the previous schema cannot read"
                        + " records written with the new version (breaks readers of 1.0.0)");
    }

    /**
     * The example estate's recorded load of hospital.lab-results (contracts/lineage/) reported abnormal as varchar,
     * which the contract types boolean: the owner and the features reading abnormal are told, and the timelines of
     * the source and of the model built on it show it.
     */
    @Test
    void theExampleLabResultsLoadThatBrokeTheContractReachesInboxesAndTimelines() {
        for (String team : List.of("clinical-data", "readmission-ml")) {
            JsonPath inbox = asAdmin()
                    .get("/api/v1/notifications?team=" + team)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(inbox.getString("find { it.type == 'contract.violated' }.data.asset"))
                    .as(team)
                    .isEqualTo("hospital.lab-results");
            assertThat(inbox.getString("find { it.type == 'contract.violated' }.data.job.name"))
                    .isEqualTo("hospital.load_lab_results");
            assertThat(inbox.getString("find { it.type == 'contract.violated' }.data.violations[0].field"))
                    .isEqualTo("/abnormal");
        }
        assertThat(timeline("hospital.lab-results", "").getList("entries.type", String.class))
                .contains("contract.violated");
        List<Map<String, Object>> upstream = timeline("hospital.readmission-model", "?types=contract.violated")
                .getList("entries");
        assertThat(upstream).extracting(entry -> entry.get("asset")).containsExactly("hospital.lab-results");
    }

    private static Estate estate() {
        String sourceTeam = Api.createTeam();
        String source = Api.createAsset(sourceTeam, "SOURCE");
        Api.publish(
                source,
                Api.objectSchema(Map.of("id", Map.of("type", "string"), "discount", FRACTION), List.of("id")),
                201);
        String mlTeam = Api.createTeam();
        String features = Api.createAsset(mlTeam, "FEATURE");
        Api.publish(features, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of("x")), 201);
        depend(features, source, List.of("discount"));
        String model = Api.createAsset(mlTeam, "MODEL");
        Api.publish(model, Api.objectSchema(Map.of("y", Map.of("type", "number")), List.of()), 201);
        depend(model, features, List.of());
        String dropped = Api.createAsset(sourceTeam, "SOURCE");
        Api.publish(dropped, Api.objectSchema(Map.of("z", Map.of("type", "number")), List.of()), 201);
        depend(features, dropped, List.of());
        asAdmin()
                .delete("/api/v1/assets/" + features + "/dependencies/" + dropped)
                .then()
                .statusCode(204);
        String deleted = Api.createAsset(sourceTeam, "SOURCE");
        Api.publish(deleted, Api.objectSchema(Map.of("w", Map.of("type", "number")), List.of()), 201);
        depend(features, deleted, List.of());
        asAdmin().delete("/api/v1/assets/" + deleted + "?force=true").then().statusCode(204);

        Api.publish(
                source,
                Api.objectSchema(Map.of("id", Map.of("type", "string"), "discount", PERCENT), List.of("id")),
                201);
        Instant beforeDeprecation = pause();
        asAdmin()
                .post("/api/v1/assets/" + source + "/contracts/1.0.0/deprecate")
                .then()
                .statusCode(200);
        asAdmin()
                .contentType("application/x-ndjson")
                .body("{\"x\":\"a\"}\n{\"x\":\"b\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + features + "/validate?label=nightly")
                .then()
                .statusCode(200);
        return new Estate(source, features, model, dropped, deleted, beforeDeprecation);
    }

    private static void depend(String consumer, String producer, List<String> fields) {
        asAdmin()
                .body(Map.of("versionRange", "^1", "fields", fields))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
    }

    /** An instant strictly between what happened before and what happens after. */
    private static Instant pause() {
        try {
            Thread.sleep(5);
            Instant now = Instant.now();
            Thread.sleep(5);
            return now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath timeline(String asset, String query) {
        return given().get("/api/v1/assets/" + asset + "/timeline" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> entry(
            List<Map<String, Object>> entries, String type, String asset, String version) {
        return entries.stream()
                .filter(entry -> entry.get("type").equals(type)
                        && entry.get("asset").equals(asset)
                        && (version == null || version.equals(entry.get("version"))))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + type + " of " + asset + " " + version + " in " + entries));
    }
}
