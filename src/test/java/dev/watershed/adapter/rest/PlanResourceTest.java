package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static dev.watershed.adapter.rest.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {

    private static Map<String, Object> schema(String... required) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String field : required) {
            properties.put(field, Map.of("type", "string"));
        }
        return Api.objectSchema(properties, List.of(required));
    }

    private static Map<String, Object> asset(String name, String owner, Object schema, List<?> dependsOn) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("name", name);
        asset.put("kind", "DATASET");
        asset.put("owner", owner);
        if (schema != null) {
            asset.put("contract", Map.of("format", "JSON_SCHEMA", "schema", schema));
        }
        asset.put("dependsOn", dependsOn);
        return asset;
    }

    private static Map<String, Object> plan(Object... assets) {
        return Map.of("assets", List.of(assets));
    }

    private static ExtractableResponse<Response> dryRun(Object plan) {
        return given().contentType(ContentType.JSON)
                .body(plan)
                .post("/api/v1/plans?dryRun=true")
                .then()
                .statusCode(200)
                .extract();
    }

    private static ExtractableResponse<Response> apply(Object plan, int status) {
        return asAdmin()
                .body(plan)
                .post("/api/v1/plans")
                .then()
                .statusCode(status)
                .extract();
    }

    @Test
    void aMisspeltDependencyFieldFailsTheDryRunWithApplysTextAndApplyStoresNothing() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        String consumer = unique("plan.consumer");
        Object plan = plan(
                asset(producer, team, schema("country", "plan"), List.of()),
                asset(consumer, team, null, List.of(Map.of("asset", producer, "fields", List.of("country", "plann")))));

        var dry = dryRun(plan);
        assertThat(dry.<String>path("errors[0].code")).isEqualTo("UNKNOWN_FIELDS");
        assertThat(dry.<String>path("errors[0].pointer")).isEqualTo("/assets/1/dependsOn/0/fields/1");
        assertThat(dry.<String>path("errors[0].asset")).isEqualTo(consumer);
        assertThat(dry.<List<String>>path("assets[0].steps")).anyMatch(step -> step.startsWith("register asset"));

        var refused = apply(plan, 409);
        assertThat(refused.<String>path("code")).isEqualTo("PLAN_REFUSED");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("errors[0].detail")).isEqualTo(dry.<String>path("errors[0].detail"));
        assertThat(refused.<String>path("errors[0].pointer")).isEqualTo("/assets/1/dependsOn/0/fields/1");
        // All or nothing: the producer, which had nothing wrong, was not created either.
        given().get("/api/v1/assets/" + producer).then().statusCode(404);
        given().get("/api/v1/assets/" + consumer).then().statusCode(404);
    }

    @Test
    void aRangeThatMatchesNothingIsReportedAtItsPointer() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        String consumer = unique("plan.consumer");
        Object plan = plan(
                asset(producer, team, schema("id"), List.of()),
                asset(consumer, team, null, List.of(Map.of("asset", producer, "versionRange", "^7"))));

        var dry = dryRun(plan);
        assertThat(dry.<String>path("errors[0].code")).isEqualTo("VERSION_RANGE_MATCHES_NOTHING");
        assertThat(dry.<String>path("errors[0].pointer")).isEqualTo("/assets/1/dependsOn/0/versionRange");
        assertThat(dry.<String>path("errors[0].detail")).contains("^7");
    }

    @Test
    void everyRefusalIsListedNotOnlyTheFirst() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        Object plan = plan(
                asset(producer, team, schema("id"), List.of()),
                asset(unique("plan.a"), team, null, List.of(Map.of("asset", producer, "fields", List.of("nope")))),
                asset(unique("plan.b"), team, null, List.of(Map.of("asset", producer, "versionRange", "^9"))));

        var refused = apply(plan, 409);
        assertThat(refused.<List<String>>path("errors.code"))
                .containsExactly("UNKNOWN_FIELDS", "VERSION_RANGE_MATCHES_NOTHING");
    }

    @Test
    void aCleanPlanAppliesInOneGoAndThenHasNothingLeftToDo() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        String consumer = unique("plan.consumer");
        Object plan = plan(
                asset(producer, team, schema("country", "plan"), List.of()),
                asset(consumer, team, null, List.of(Map.of("asset", producer, "fields", List.of("country")))));

        apply(plan, 200);
        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .statusCode(200)
                .body("producer", hasItem(producer));

        var again = dryRun(plan);
        assertThat(again.<List<?>>path("errors")).isEmpty();
        assertThat(again.<List<?>>path("assets[0].steps")).isEmpty();
        assertThat(again.<List<?>>path("assets[1].steps")).isEmpty();
        assertThat(again.<Boolean>path("assets[0].contract.unchanged")).isTrue();
    }

    @Test
    void aModeChangeInTheSamePlanIsAppliedBeforeItsContractIsJudged() {
        String team = Api.createTeam();
        String name = unique("plan.mode");
        apply(plan(asset(name, team, schema("id", "country"), List.of())), 200);

        Map<String, Object> loosened = asset(name, team, schema("id"), List.of());
        loosened.put("compatibility", "NONE");
        Map<String, Object> sameModeBreaking = asset(
                name,
                team,
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("id", Map.of("type", "integer")),
                        "required",
                        List.of("id")),
                List.of());

        var underOldMode = dryRun(plan(sameModeBreaking));
        assertThat(underOldMode.<Boolean>path("assets[0].contract.compatible")).isFalse();
        assertThat(underOldMode.<String>path("errors[0].code")).isNotBlank();

        var underNewMode = dryRun(plan(loosened));
        assertThat(underNewMode.<String>path("assets[0].contract.mode")).isEqualTo("NONE");
        assertThat(underNewMode.<Boolean>path("assets[0].contract.compatible")).isTrue();
        assertThat(underNewMode.<List<?>>path("errors")).isEmpty();
        apply(plan(loosened), 200);
        assertThat(dryRun(plan(loosened)).<List<?>>path("errors")).isEmpty();
    }

    @Test
    void assetsOfManagedTeamsThatNoFileDeclaresAreListedAndPruned() {
        String team = Api.createTeam();
        String kept = Api.createAsset(team, "DATASET");
        String gone = Api.createAsset(team, "DATASET");
        Map<String, Object> keptAsset = asset(kept, team, null, List.of());
        keptAsset.put("tags", List.of("test"));

        var dry = dryRun(plan(keptAsset));
        assertThat(dry.<List<String>>path("notInFiles")).containsExactly(gone);
        given().get("/api/v1/assets/" + gone).then().statusCode(200);

        asAdmin().body(plan(keptAsset)).post("/api/v1/plans?prune=true").then().statusCode(200);
        given().get("/api/v1/assets/" + gone).then().statusCode(404);
        given().get("/api/v1/assets/" + kept).then().statusCode(200);
    }

    @Test
    void pruningAnAssetOthersReadIsRefusedNamingThem() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        String consumer = unique("plan.consumer");
        apply(
                plan(
                        asset(producer, team, schema("id"), List.of()),
                        asset(consumer, team, null, List.of(Map.of("asset", producer)))),
                200);
        // A plan of another team's files: the consumer there is not managed, so only the producer is dropped.
        String otherTeam = Api.createTeam();
        Map<String, Object> onlyConsumer = asset(consumer, team, null, List.of());
        var refused = asAdmin()
                .body(Map.of(
                        "teams",
                        List.of(Map.of("name", otherTeam)),
                        "assets",
                        List.of(onlyConsumer, asset(unique("plan.other"), team, null, List.of()))))
                .post("/api/v1/plans?prune=true")
                .then()
                .extract();
        assertThat(refused.statusCode()).isEqualTo(200);
        given().get("/api/v1/assets/" + producer).then().statusCode(404);
    }

    @Test
    void aPlanDoesNotRepublishASchemaTheRegistryRolledBack() {
        String team = Api.createTeam();
        String name = unique("plan.rolled");
        apply(plan(asset(name, team, schema("id"), List.of())), 200);
        Map<String, Object> withCountry = Map.of(
                "type",
                "object",
                "properties",
                Map.of("id", Map.of("type", "string"), "country", Map.of("type", "string")),
                "required",
                List.of("id"));
        apply(plan(asset(name, team, withCountry, List.of())), 200);
        asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + name + "/rollback")
                .then()
                .statusCode(201);

        var dry = dryRun(plan(asset(name, team, withCountry, List.of())));
        assertThat(dry.<String>path("errors[0].code")).isEqualTo("REGISTRY_ROLLED_BACK");
        assertThat(dry.<String>path("errors[0].detail")).contains("rolled back from 1.1.0 to 1.0.0");
        assertThat(dry.<String>path("errors[0].pointer")).isEqualTo("/assets/0/contract/schema");
        // Putting the restored schema in the file is the fix.
        assertThat(dryRun(plan(asset(name, team, schema("id"), List.of()))).<List<?>>path("errors"))
                .isEmpty();
    }

    @Test
    void aDependencyOnAProducerWithoutAContractIsLineageOnlyUntilTheFilesGiveItOne() {
        String team = Api.createTeam();
        String producer = unique("plan.producer");
        String consumer = unique("plan.consumer");
        Object withoutContract = plan(
                asset(producer, team, null, List.of()),
                asset(consumer, team, null, List.of(Map.of("asset", producer, "fields", List.of("country")))));

        var dry = dryRun(withoutContract);
        assertThat(dry.<List<?>>path("errors")).isEmpty();
        assertThat(dry.<List<String>>path("assets[1].steps"))
                .contains("declare dependency " + consumer + " <- " + producer);
        apply(withoutContract, 200);
        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .body("[0].versionRange", equalTo(null))
                .body("[0].lineageOnly", equalTo(true));
        assertThat(dryRun(withoutContract).<List<?>>path("assets[1].steps")).isEmpty();

        Object withContract = plan(
                asset(producer, team, schema("country"), List.of()),
                asset(consumer, team, null, List.of(Map.of("asset", producer, "fields", List.of("country")))));
        assertThat(dryRun(withContract).<List<?>>path("errors")).isEmpty();
        apply(withContract, 200);
        given().get("/api/v1/assets/" + consumer + "/dependencies")
                .then()
                .body("[0].versionRange", equalTo("^1"))
                .body("[0].resolvedVersion", equalTo("1.0.0"))
                .body("[0].lineageOnly", equalTo(false));
        assertThat(dryRun(withContract).<List<?>>path("assets[1].steps")).isEmpty();
    }

    @Test
    void aCycleAmongThePlansOwnDependenciesIsRefused() {
        String team = Api.createTeam();
        String a = unique("plan.a");
        String b = unique("plan.b");
        var dry = dryRun(plan(
                asset(a, team, schema("id"), List.of(Map.of("asset", b))),
                asset(b, team, schema("id"), List.of(Map.of("asset", a)))));
        assertThat(dry.<List<String>>path("errors.code")).contains("DEPENDENCY_CYCLE");
    }

    @Test
    void aDryRunWithoutATokenSaysWhichTeamApplyingNeedsAndApplyNeedsOne() {
        String team = Api.createTeam();
        Object plan = plan(asset(unique("plan.anon"), team, schema("id"), List.of()));
        var dry = dryRun(plan);
        assertThat(dry.<List<String>>path("notes")).anyMatch(note -> note.contains("team '" + team + "'"));
        given().contentType(ContentType.JSON)
                .body(plan)
                .post("/api/v1/plans")
                .then()
                .statusCode(401);
    }

    @Test
    void malformedPlansGetProblemsWithThePointer() {
        given().contentType(ContentType.JSON)
                .body(Map.of("teams", List.of()))
                .post("/api/v1/plans?dryRun=true")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("pointer", equalTo("/assets"));
        given().contentType(ContentType.JSON)
                .body(plan(Map.of("name", "x.y", "dependsOn", List.of(Map.of("fields", List.of())))))
                .post("/api/v1/plans?dryRun=true")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/assets/0/dependsOn/0/asset"));
    }

    @Test
    void overlappingPlansAppliedAtOnceTakeTurns() throws Exception {
        String team = Api.createTeam();
        String a = Api.createAsset(team, "DATASET");
        String b = Api.createAsset(team, "DATASET");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String description = "round " + i;
                Map<String, Object> first = asset(a, team, null, List.of());
                first.put("description", description);
                Map<String, Object> second = asset(b, team, null, List.of());
                second.put("description", description);
                Object plan = i % 2 == 0 ? plan(first, second) : plan(second, first);
                statuses.add(pool.submit(
                        () -> asAdmin().body(plan).post("/api/v1/plans").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/assets/" + a).then().body("description", not(empty()));
    }
}
