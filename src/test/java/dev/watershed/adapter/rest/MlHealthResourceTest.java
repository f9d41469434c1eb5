package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** replicaOf, the ML terms of a dependency, the findings and the cost/benefit report, through the REST API. */
@QuarkusTest
class MlHealthResourceTest {

    private static final Map<String, Object> OUTCOMES = Api.objectSchema(
            Map.of(
                    "patient_id", Map.of("type", "string"),
                    "age", Map.of("type", "integer"),
                    "followup_visits", Map.of("type", "integer"),
                    "readmitted", Map.of("type", "boolean")),
            List.of("patient_id"));

    /** A source whose contract marks a label and a hindsight field. */
    private static String outcomes(String team) {
        String asset = Api.createAsset(team, "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        OUTCOMES,
                        "fields",
                        Map.of(
                                "/patient_id", Map.of("role", "ID"),
                                "/age", Map.of("role", "FEATURE"),
                                "/followup_visits", Map.of("role", "FEATURE", "servingAvailable", false),
                                "/readmitted", Map.of("role", "LABEL", "servingAvailable", false))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        return asset;
    }

    private static void depend(String consumer, String producer, Map<String, Object> body, int status) {
        asAdmin()
                .body(body)
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(status);
    }

    private static String dependencyUrl(String consumer, String producer) {
        return "/api/v1/assets/" + consumer + "/dependencies/" + producer;
    }

    @Test
    void dependencyTermsRoundTrip() {
        String team = Api.createTeam();
        String source = outcomes(team);
        String model = Api.createAsset(team, "MODEL");

        asAdmin()
                .body(Map.of(
                        "fields",
                        List.of("age", "readmitted"),
                        "usage",
                        "TRAINING",
                        "targetFields",
                        List.of("readmitted"),
                        "splitKey",
                        "patient_id hashed into 10 folds",
                        "cost",
                        Map.of("amount", 120, "unit", "USD/month"),
                        "benefit",
                        Map.of("value", 0.031, "metric", "feature-importance")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(201)
                .body("targetFields", contains("/readmitted"))
                .body("splitKey", equalTo("patient_id hashed into 10 folds"))
                .body("cost.amount", equalTo(120.0f))
                .body("cost.unit", equalTo("USD/month"))
                .body("benefit.value", equalTo(0.031f))
                .body("benefit.metric", equalTo("feature-importance"));
        given().get("/api/v1/assets/" + model + "/dependencies")
                .then()
                .statusCode(200)
                .body("[0].targetFields", contains("/readmitted"))
                .body("[0].cost.unit", equalTo("USD/month"));

        asAdmin()
                .body(Map.of("usage", "EVALUATION", "splitKey", "patient_id"))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(200)
                .body("usage", equalTo("EVALUATION"))
                .body("splitKey", equalTo("/patient_id"))
                .body("targetFields", empty())
                .body("cost", nullValue());
    }

    /** Fixed with one field-path relation: a target is among the fields read when it lies in array items read. */
    @Test
    void aTargetInsideTheArrayItemsReadIsAmongTheFieldsRead() {
        String team = Api.createTeam();
        String source = Api.createAsset(team, "SOURCE");
        Api.publish(
                source,
                Api.objectSchema(
                        Map.of(
                                "visits",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Api.objectSchema(Map.of("outcome", Map.of("type", "boolean")), List.of()))),
                        List.of()),
                201);
        String model = Api.createAsset(team, "MODEL");

        asAdmin()
                .body(Map.of("fields", List.of("visits[].outcome"), "targetFields", List.of("visits[0].outcome")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(201)
                .body("targetFields", contains("/visits/0/outcome"));
        asAdmin()
                .body(Map.of("fields", List.of("visits[0].outcome"), "targetFields", List.of("visits[1].outcome")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("TARGET_FIELD_NOT_READ"))
                .body("pointer", equalTo("/targetFields/0"));
    }

    @Test
    void invalidTermsAre422WithAPointer() {
        String team = Api.createTeam();
        String source = outcomes(team);
        String model = Api.createAsset(team, "MODEL");

        asAdmin()
                .body(Map.of("fields", List.of("age"), "targetFields", List.of("readmitted")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("TARGET_FIELD_NOT_READ"))
                .body("pointer", equalTo("/targetFields/0"));
        asAdmin()
                .body(Map.of("targetFields", List.of("age", "nope")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_FIELDS"))
                .body("pointer", equalTo("/targetFields/1"));
        asAdmin()
                .body(Map.of("splitKey", "/nope"))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_FIELDS"))
                .body("pointer", equalTo("/splitKey"));
        asAdmin()
                .body(Map.of("cost", Map.of("amount", -1, "unit", "USD/month")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/cost/amount"));
        asAdmin()
                .body(Map.of("cost", Map.of("amount", 10)))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/cost/unit"));
        asAdmin()
                .body(Map.of("benefit", Map.of("metric", "importance")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/benefit/value"));
        asAdmin()
                .body(Map.of("usage", "SOMETIMES"))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422);
        given().get("/api/v1/assets/" + model + "/dependencies")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aTargetInsideAFieldReadIsMatchedSegmentBySegmentWithStarForAnyItem() {
        String team = Api.createTeam();
        String source = Api.createAsset(team, "SOURCE");
        Api.publish(
                source,
                Api.objectSchema(
                        Map.of(
                                "visits",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Api.objectSchema(
                                                Map.of(
                                                        "readmitted",
                                                        Map.of("type", "boolean"),
                                                        "ward",
                                                        Map.of("type", "string")),
                                                List.of()))),
                        List.of()),
                201);
        String model = Api.createAsset(team, "MODEL");

        // Every visit read, the first one's label the target: * stands for item 0 (before, a text prefix: 422).
        asAdmin()
                .body(Map.of("fields", List.of("visits[].readmitted"), "targetFields", List.of("visits[0].readmitted")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(201)
                .body("fields", contains("/visits/*/readmitted"))
                .body("targetFields", contains("/visits/0/readmitted"));
        // And the other way round, as FieldPath matches * on either side.
        asAdmin()
                .body(Map.of("fields", List.of("visits[0]"), "targetFields", List.of("visits[].readmitted")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(200)
                .body("targetFields", contains("/visits/*/readmitted"));
        asAdmin()
                .body(Map.of("fields", List.of("visits[].readmitted"), "targetFields", List.of("visits[0].ward")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("TARGET_FIELD_NOT_READ"))
                .body("pointer", equalTo("/targetFields/0"));
        asAdmin()
                .body(Map.of("fields", List.of("visits"), "targetFields", List.of("visitsCount")))
                .put(dependencyUrl(model, source))
                .then()
                .statusCode(422)
                .body("code", equalTo("TARGET_FIELD_NOT_READ"));
    }

    @Test
    void replicaOfRoundTripAndChecks() {
        String team = Api.createTeam();
        String original = Api.createAsset(team, "SOURCE");
        String replica = Api.unique("test.replica");

        asAdmin()
                .body(Map.of("name", replica, "kind", "SOURCE", "owner", team, "replicaOf", original))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .body("replicaOf", equalTo(original));
        given().get("/api/v1/assets/" + replica).then().statusCode(200).body("replicaOf", equalTo(original));
        asAdmin()
                .body(Map.of("replicaOf", replica))
                .put("/api/v1/assets/" + replica)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/replicaOf"));
        asAdmin()
                .body(Map.of("replicaOf", "no.such.asset"))
                .put("/api/v1/assets/" + replica)
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/replicaOf"))
                .body("detail", containsString("no.such.asset"));
        asAdmin()
                .body(Map.of())
                .put("/api/v1/assets/" + replica)
                .then()
                .statusCode(200)
                .body("replicaOf", nullValue());

        asAdmin()
                .body(Map.of("replicaOf", original))
                .put("/api/v1/assets/" + replica)
                .then()
                .statusCode(200);
        asAdmin().delete("/api/v1/assets/" + original).then().statusCode(204);
        given().get("/api/v1/assets/" + replica).then().statusCode(200).body("replicaOf", nullValue());
    }

    @Test
    void findingsOfAnEstateTheTestBuilds() {
        String team = Api.createTeam();
        String source = outcomes(team);
        asAdmin()
                .body(Map.of("criticality", "HIGH"))
                .put("/api/v1/assets/" + source)
                .then()
                .statusCode(200);
        String model = Api.createAsset(team, "MODEL");
        String unused = Api.createAsset(team, "FEATURE");
        depend(
                model,
                source,
                Map.of(
                        "fields",
                        List.of("age", "followup_visits", "readmitted"),
                        "targetFields",
                        List.of("readmitted"),
                        "usage",
                        "BOTH"),
                201);

        given().get("/api/v1/assets/" + model + "/findings")
                .then()
                .statusCode(200)
                .body("findings.code", contains("SERVING_UNAVAILABLE_FIELD", "NO_REPLICA"))
                .body("findings[0].severity", equalTo("ERROR"))
                .body("findings[0].asset", equalTo(model))
                .body("findings[0].fields", contains("/followup_visits"))
                .body("findings[0].path", contains(source, model))
                .body("findings[0].remedy", containsString("servingAvailable: true"))
                .body("counts.ERROR", equalTo(1))
                .body("counts.WARNING", equalTo(1))
                .body("counts.INFO", equalTo(0));
        given().queryParam("owner", team)
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.code", contains("SERVING_UNAVAILABLE_FIELD", "NO_REPLICA", "UNUSED_ASSET"))
                .body("findings.asset", contains(model, source, unused));
        given().queryParam("owner", team)
                .queryParam("severity", "warning")
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.code", contains("NO_REPLICA"));

        String replica = Api.unique("test.replica");
        asAdmin()
                .body(Map.of("name", replica, "kind", "SOURCE", "owner", team, "replicaOf", source))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        depend(model, source, Map.of("fields", List.of("age", "readmitted"), "usage", "BOTH"), 200);

        given().queryParam("owner", team)
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.code", contains("LABEL_AS_INPUT", "UNUSED_ASSET"))
                .body("findings[0].fields", contains("/readmitted"));
    }

    /** A field read that the producer then dropped (optional, so a NONE asset publishes it in range). */
    @Test
    void aDeclaredFieldTheProducersLatestContractDroppedIsAnError() {
        String team = Api.createTeam();
        String producer = Api.unique("test.payments");
        asAdmin()
                .body(Map.of("name", producer, "kind", "SOURCE", "owner", team, "compatibility", "NONE"))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.publish(
                producer,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id")),
                201);
        String consumer = Api.createAsset(team, "DATASET");
        depend(consumer, producer, Map.of("fields", List.of("id", "amount")), 201);
        given().get("/api/v1/assets/" + consumer + "/findings")
                .then()
                .statusCode(200)
                .body("findings.code", not(hasItem("DECLARED_FIELD_MISSING")));

        Api.publish(producer, Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id")), 201);

        given().get("/api/v1/assets/" + consumer + "/findings")
                .then()
                .statusCode(200)
                .body("findings.code", hasItem("DECLARED_FIELD_MISSING"))
                .body("findings.find { it.code == 'DECLARED_FIELD_MISSING' }.severity", equalTo("ERROR"))
                .body("findings.find { it.code == 'DECLARED_FIELD_MISSING' }.asset", equalTo(consumer))
                .body("findings.find { it.code == 'DECLARED_FIELD_MISSING' }.fields", contains("/amount"))
                .body(
                        "findings.find { it.code == 'DECLARED_FIELD_MISSING' }.detail",
                        containsString("lists /amount, which version"))
                .body(
                        "findings.find { it.code == 'DECLARED_FIELD_MISSING' }.remedy",
                        containsString("PUT /api/v1/assets/" + consumer + "/dependencies/" + producer
                                + " {\"versionRange\":\"^1\",\"fields\":[\"/id\"]}"));
    }

    @Test
    void findingsParametersAreChecked() {
        given().queryParam("severity", "LOUD")
                .get("/api/v1/findings")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("severity"));
        given().queryParam("code", "NOPE")
                .get("/api/v1/findings")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("code"));
        given().get("/api/v1/assets/no.such.asset/findings").then().statusCode(404);
    }

    @Test
    void theExampleEstateShowsLeakageASplitWithoutKeyAndAReplica() {
        given().get("/api/v1/assets/hospital.readmission-model/findings")
                .then()
                .statusCode(200)
                .body(
                        "findings.find { it.code == 'SERVING_UNAVAILABLE_FIELD' }.fields",
                        contains("/followup_visits_30d"))
                .body(
                        "findings.find { it.code == 'LABEL_DERIVED_FEATURE' }.path",
                        contains("hospital.admissions", "hospital.readmission-features", "hospital.readmission-model"))
                .body("findings.code", not(hasItem("LABEL_AS_INPUT")));
        given().queryParam("code", "SPLIT_WITHOUT_KEY")
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.asset", hasItem("retail.demand-forecast"))
                .body("findings.find { it.asset == 'retail.demand-forecast' }.detail", containsString("retail.sales"));
        given().get("/api/v1/assets/retail.demand-holdout/findings")
                .then()
                .statusCode(200)
                .body("findings.code", hasItem("SPLIT_WITHOUT_KEY"))
                .body("findings.find { it.code == 'SPLIT_WITHOUT_KEY' }.asset", equalTo("retail.demand-forecast"))
                .body(
                        "findings.find { it.code == 'SPLIT_WITHOUT_KEY' }.otherPaths[0]",
                        contains("retail.sales", "retail.demand-holdout", "retail.demand-forecast"))
                .body("findings.find { it.code == 'SPLIT_WITHOUT_KEY' }.path", not(hasItem("retail.demand-holdout")));
        given().queryParam("code", "NO_REPLICA")
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.asset", hasItem("hospital.admissions"))
                .body("findings.asset", not(hasItem("retail.sales")));
        given().get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body("findings.asset", not(hasItem("retail.sales-replica")));
    }

    /**
     * The recorded run of airflow/retail.build_demand_features read the sales replica besides what the features
     * declare (contracts/lineage/): an undeclared dependency, and nothing else, since it read every declared
     * dependency and only the fields each lists.
     */
    @Test
    void theExampleEstatesRecordedRunReadsTheSalesReplicaWithoutDeclaringIt() {
        given().get("/api/v1/assets/retail.demand-features/findings")
                .then()
                .statusCode(200)
                .body(
                        "findings.find { it.code == 'UNDECLARED_DEPENDENCY' }.path",
                        contains("retail.sales-replica", "retail.demand-features"))
                .body(
                        "findings.find { it.code == 'UNDECLARED_DEPENDENCY' }.fields",
                        contains("/sale_date", "/units_sold"))
                .body(
                        "findings.find { it.code == 'UNDECLARED_DEPENDENCY' }.detail",
                        containsString("airflow/retail.build_demand_features"))
                .body("findings.code", not(hasItem("FIELD_READ_NOT_DECLARED")))
                .body("findings.code", not(hasItem("STALE_DECLARATION")));
        given().queryParam("code", "UNDECLARED_DEPENDENCY")
                .get("/api/v1/findings")
                .then()
                .statusCode(200)
                .body(
                        "findings.findAll { it.asset.startsWith('retail.') || it.asset.startsWith('hospital.') }.asset",
                        contains("retail.demand-features"));
    }

    @Test
    void costBenefitRanksProducersAndFlagsARemovalCandidate() {
        String team = Api.createTeam();
        String unit = Api.unique("EUR/week");
        String good = outcomes(team);
        String poor = outcomes(team);
        String freeRider = outcomes(team);
        String model = Api.createAsset(team, "MODEL");
        depend(
                model,
                good,
                Map.of(
                        "cost",
                        Map.of("amount", 10, "unit", unit),
                        "benefit",
                        Map.of("value", 0.5, "metric", "importance")),
                201);
        depend(
                model,
                poor,
                Map.of(
                        "cost",
                        Map.of("amount", 1000, "unit", unit),
                        "benefit",
                        Map.of("value", 0.01, "metric", "importance")),
                201);
        depend(model, freeRider, Map.of("cost", Map.of("amount", 5, "unit", unit)), 201);

        given().queryParam("unit", unit)
                .get("/api/v1/reports/cost-benefit")
                .then()
                .statusCode(200)
                .body("unit", equalTo(unit))
                .body("minRatio", equalTo(0.0001f))
                .body("rows.producer", contains(good, poor, freeRider))
                .body("rows.rank", contains(1, 2, 3))
                .body("rows[0].ratio", equalTo(0.05f))
                .body("rows[0].removalCandidate", equalTo(false))
                .body("rows[0].consumers", contains(model))
                .body("rows[0].owner", equalTo(team))
                .body("rows[0].kind", equalTo("SOURCE"))
                .body("rows[1].removalCandidate", equalTo(true))
                .body("rows[1].reason", containsString("below the minimum"))
                .body("rows[2].ratio", nullValue())
                .body("rows[2].removalCandidate", equalTo(true))
                .body("rows[2].reason", containsString("no consumer declares a benefit"))
                .body("rows.cost.unit", everyItem(equalTo(unit)));
    }

    @Test
    void theExampleEstateHasARemovalCandidate() {
        given().queryParam("unit", "USD/month")
                .get("/api/v1/reports/cost-benefit")
                .then()
                .statusCode(200)
                .body("rows.find { it.producer == 'weather.daily' }.removalCandidate", equalTo(true))
                .body("rows.find { it.producer == 'retail.sales' }.removalCandidate", equalTo(false));
    }
}
