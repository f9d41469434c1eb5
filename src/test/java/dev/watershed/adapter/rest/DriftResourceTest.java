package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Baselines, drift checks and skew through the public API, on synthetic batches of 10,000 records. */
@QuarkusTest
class DriftResourceTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final int ROWS = 10_000;
    private static final Map<String, Object> ORDER = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "amount", Map.of("type", "number"),
                    "channel", Map.of("type", "string"),
                    "coupon", Map.of("type", List.of("integer", "null"))),
            List.of("id"));

    /** amount ~ N(mean, 15); channel web/store/phone at these shares, kiosk the rest; coupon null with nullShare. */
    private record Shape(double mean, double web, double store, double phone, double nullShare) {

        static final Shape NORMAL = new Shape(100, 0.6, 0.3, 0.1, 0.02);
    }

    private static byte[] batch(Shape shape, long seed) {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder(ROWS * 80);
        for (int i = 0; i < ROWS; i++) {
            double pick = random.nextDouble();
            String channel = pick < shape.web()
                    ? "web"
                    : pick < shape.web() + shape.store()
                            ? "store"
                            : pick < shape.web() + shape.store() + shape.phone() ? "phone" : "kiosk";
            String coupon = random.nextDouble() < shape.nullShare() ? "null" : String.valueOf(random.nextInt(5));
            body.append("{\"id\":\"o-")
                    .append(seed)
                    .append('-')
                    .append(i)
                    .append("\",\"amount\":")
                    .append(shape.mean() + 15 * random.nextGaussian())
                    .append(",\"channel\":\"")
                    .append(channel)
                    .append("\",\"coupon\":")
                    .append(coupon)
                    .append("}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String assetWithOrders() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", ORDER, "fields", Map.of("/id", Map.of("role", "ID"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        return asset;
    }

    private static long record(String asset, String label, byte[] batch) {
        return asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/validate?label=" + label)
                .then()
                .statusCode(200)
                .body("invalid", equalTo(0))
                .extract()
                .jsonPath()
                .getLong("observationId");
    }

    private static long baseline(String asset, String label) {
        return asAdmin()
                .body(Map.of("label", label))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static JsonPath drift(String asset, String query, byte[] batch) {
        return asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aBaselineMergesTheLabelledObservationsAndIsListedAndReadable() {
        String asset = assetWithOrders();
        record(asset, "training", batch(Shape.NORMAL, 1));
        record(asset, "training", batch(Shape.NORMAL, 2));
        record(asset, "serving", batch(Shape.NORMAL, 3));

        JsonPath created = asAdmin()
                .body(Map.of("label", "training", "name", "q1 training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/assets/" + asset + "/baselines/"))
                .body("label", equalTo("training"))
                .body("name", equalTo("q1 training"))
                .body("observations", equalTo(2))
                .body("records", equalTo(2 * ROWS))
                .body("window.from", notNullValue())
                .body("window.to", notNullValue())
                .body("createdBy", notNullValue())
                .body("current", equalTo(true))
                .extract()
                .jsonPath();
        long first = created.getLong("id");
        asAdmin()
                .body(Map.of("label", "training", "from", "2000-01-01T00:00:00Z", "to", "2999-01-01T00:00:00Z"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .body("observations", equalTo(2));
        long second = baseline(asset, "serving");

        given().get("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("[0].id", equalTo((int) second))
                .body("[2].id", equalTo((int) first))
                .body("current", equalTo(List.of(true, false, false)));
        given().get("/api/v1/assets/" + asset + "/baselines/" + first)
                .then()
                .statusCode(200)
                .body("current", equalTo(false))
                .body("profile.records", equalTo(2 * ROWS))
                .body("profile.fields['/amount'].numbers.count", equalTo(2 * ROWS));
    }

    @Test
    void anotherTeamsObservationsAndBaselinesNeverBecomeTheOwnersDefault() {
        String owner = Api.createTeam();
        String asset = Api.createAsset(owner, "DATASET");
        String ownerToken = Api.editorToken(owner);
        as(ownerToken)
                .body(Map.of("format", "JSON_SCHEMA", "schema", ORDER))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        String other = Api.createTeam();
        String otherToken = Api.editorToken(other);
        as(ownerToken)
                .contentType(NDJSON)
                .body(batch(Shape.NORMAL, 1))
                .post("/api/v1/assets/" + asset + "/validate?label=training")
                .then()
                .statusCode(200);
        long ownersBaseline = as(ownerToken)
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .body("team", equalTo(owner))
                .body("byOwner", equalTo(true))
                .body("current", equalTo(true))
                .extract()
                .jsonPath()
                .getLong("id");

        // Another team records its own "training" data, far from the owner's, and fixes a baseline of it.
        Shape shifted = new Shape(300, 0.1, 0.1, 0.8, 0.5);
        as(otherToken)
                .contentType(NDJSON)
                .body(batch(shifted, 2))
                .post("/api/v1/assets/" + asset + "/validate?label=training")
                .then()
                .statusCode(200);
        long othersBaseline = as(otherToken)
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .body("team", equalTo(other))
                .body("byOwner", equalTo(false))
                .body("current", equalTo(false))
                .body("observations", equalTo(1))
                .extract()
                .jsonPath()
                .getLong("id");

        given().get("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of((int) othersBaseline, (int) ownersBaseline)))
                .body("current", equalTo(List.of(false, true)))
                .body("team", equalTo(List.of(other, owner)));
        given().get("/api/v1/assets/" + asset + "/observations?label=training")
                .then()
                .statusCode(200)
                .body("team", equalTo(List.of(other, owner)))
                .body("byOwner", equalTo(List.of(false, true)));
        // The owner's check compares with the owner's baseline, the other team's with its own.
        as(ownerToken)
                .contentType(NDJSON)
                .body(batch(Shape.NORMAL, 3))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(200)
                .body("against.id", equalTo((int) ownersBaseline))
                .body("drifted", equalTo(false));
        as(otherToken)
                .contentType(NDJSON)
                .body(batch(shifted, 4))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(200)
                .body("against.id", equalTo((int) othersBaseline))
                .body("drifted", equalTo(false));
        // A new owner's baseline merges only what was recorded for the owner.
        as(ownerToken)
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .body("observations", equalTo(1))
                .body("records", equalTo(ROWS));
    }

    @Test
    void baselineErrorsSayWhatIsMissing() {
        String asset = assetWithOrders();
        record(asset, "training", batch(Shape.NORMAL, 1));

        asAdmin()
                .body(Map.of("label", "serving"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("NO_PROFILED_OBSERVATIONS"))
                .body("detail", containsString("validate?label=serving"));
        asAdmin()
                .body(Map.of("label", "training", "to", "2000-01-01T00:00:00Z"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(422)
                .body("code", equalTo("NO_PROFILED_OBSERVATIONS"));
        asAdmin()
                .body(Map.of("label", "training", "from", "2030-01-01T00:00:00Z", "to", "2020-01-01T00:00:00Z"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/from"));
        asAdmin()
                .body(Map.of("label", "training", "to", "yesterday"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/to"));
        asAdmin()
                .body(Map.of("name", "no label"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/label"));
        given().contentType(ContentType.JSON)
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(401);
        given().get("/api/v1/assets/" + asset + "/baselines/999999999")
                .then()
                .statusCode(404)
                .body("code", equalTo("BASELINE_NOT_FOUND"));
        given().get("/api/v1/assets/" + asset + "/baselines/abc")
                .then()
                .statusCode(404)
                .body("code", equalTo("BASELINE_NOT_FOUND"));
        given().get("/api/v1/assets/no.such-asset/baselines")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void aShiftedMixedNewAndNullierBatchIsDetectedAgainstTheBaselineWhileAFreshSampleIsNot() {
        String asset = assetWithOrders();
        record(asset, "training", batch(Shape.NORMAL, 1));
        long baselineId = baseline(asset, "training");

        JsonPath same = drift(asset, "", batch(Shape.NORMAL, 2));
        JsonPath changed = drift(asset, "?baseline=" + baselineId, batch(new Shape(125, 0.35, 0.45, 0.1, 0.3), 3));

        assertThat(same.getBoolean("drifted")).isFalse();
        assertThat(same.getList("anomalies")).isEmpty();
        assertThat(same.getString("id")).isNull();
        assertThat(same.getString("against.kind")).isEqualTo("baseline");
        assertThat(same.getLong("against.id")).isEqualTo(baselineId);
        assertThat(same.getString("against.label")).isEqualTo("training");
        assertThat(same.getInt("current.records")).isEqualTo(ROWS);
        assertThat(same.getString("current.kind")).isEqualTo("batch");
        assertThat(same.getFloat("fields.find { it.field == '/amount' }.distance"))
                .isLessThan(0.01f);

        assertThat(changed.getBoolean("drifted")).isTrue();
        assertThat(changed.getLong("id")).isPositive();
        assertThat(changed.getList("anomalies.type", String.class))
                .contains("NUMERIC_DISTRIBUTION_SHIFT", "CATEGORY_MIX_SHIFT", "NEW_CATEGORY", "NULL_RATE_CHANGE");
        assertThat(changed.getString("anomalies.find { it.type == 'NUMERIC_DISTRIBUTION_SHIFT' }.field"))
                .isEqualTo("/amount");
        assertThat(changed.getString("anomalies.find { it.type == 'NEW_CATEGORY' }.detail"))
                .contains("'kiosk'");
        assertThat(changed.getString("anomalies.find { it.type == 'NULL_RATE_CHANGE' }.field"))
                .isEqualTo("/coupon");
        assertThat(changed.getString("anomalies.find { it.type == 'CATEGORY_MIX_SHIFT' }.metric"))
                .isEqualTo("l_infinity");
        assertThat(changed.getList("fields.find { it.field == '/channel' }.newCategories"))
                .containsExactly("kiosk");
        assertThat(changed.getList("anomalies.field", String.class)).doesNotContain("/id");

        given().get("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(changed.getInt("id")))
                .body("[0].anomalies.type", hasItems("NUMERIC_DISTRIBUTION_SHIFT", "NULL_RATE_CHANGE"));
    }

    /** 10,000 records {@code {"is_weekend": ...}}, true with {@code trueShare}; returns the body and the trues. */
    private static Map.Entry<byte[], Integer> flags(double trueShare, long seed) {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder(ROWS * 24);
        int trues = 0;
        for (int i = 0; i < ROWS; i++) {
            boolean flag = random.nextDouble() < trueShare;
            trues += flag ? 1 : 0;
            body.append("{\"is_weekend\":").append(flag).append("}\n");
        }
        return Map.entry(body.toString().getBytes(StandardCharsets.UTF_8), trues);
    }

    @Test
    void booleanFieldsAreProfiledWithTrueAndFalseCountsAndTheirShareShiftIsDetected() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        Api.objectSchema(Map.of("is_weekend", Map.of("type", "boolean")), List.of("is_weekend"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        Map.Entry<byte[], Integer> training = flags(0.1, 1);
        long observation = record(asset, "training", training.getKey());

        given().get("/api/v1/assets/" + asset + "/observations")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo((int) observation))
                .body("[0].profile.fields['/is_weekend'].types.boolean", equalTo(ROWS))
                .body("[0].profile.fields['/is_weekend'].booleans.true", equalTo(training.getValue()))
                .body("[0].profile.fields['/is_weekend'].booleans.false", equalTo(ROWS - training.getValue()))
                .body("[0].profile.fields['/is_weekend'].booleans.unknown", nullValue());
        long baselineId = baseline(asset, "training");
        given().get("/api/v1/assets/" + asset + "/baselines/" + baselineId)
                .then()
                .statusCode(200)
                .body("profile.fields['/is_weekend'].booleans.true", equalTo(training.getValue()));

        JsonPath same = drift(asset, "", flags(0.1, 2).getKey());
        JsonPath flipped = drift(asset, "", flags(0.6, 3).getKey());

        assertThat(same.getString("fields.find { it.field == '/is_weekend' }.kind"))
                .isEqualTo("categorical");
        assertThat(same.getList("anomalies")).isEmpty();
        assertThat(flipped.getList("anomalies.type", String.class)).containsExactly("CATEGORY_MIX_SHIFT");
        assertThat(flipped.getString("anomalies[0].field")).isEqualTo("/is_weekend");
        assertThat(flipped.getFloat("fields.find { it.field == '/is_weekend' }.distance"))
                .isGreaterThan(0.4f);
    }

    @Test
    void againstPreviousComparesWithTheLastBatchOfTheSameLabelAndRecordsEachBatch() {
        String asset = assetWithOrders();
        // The first batch of a label has nothing to compare with: it is recorded and answered with a note.
        JsonPath initial = drift(asset, "?against=previous&label=daily", batch(Shape.NORMAL, 1));
        assertThat(initial.getString("note")).contains("first batch for label 'daily'");
        long first = initial.getLong("current.observationId");

        JsonPath second = drift(asset, "?against=previous&label=daily", batch(Shape.NORMAL, 2));
        JsonPath third = drift(asset, "?against=previous&label=daily", batch(new Shape(130, 0.6, 0.3, 0.1, 0.02), 3));

        assertThat(second.getBoolean("drifted")).isFalse();
        assertThat(second.getString("against.kind")).isEqualTo("previous");
        assertThat(second.getLong("against.id")).isEqualTo(first);
        assertThat(second.getString("current.kind")).isEqualTo("observation");
        long secondId = second.getLong("current.observationId");
        assertThat(third.getLong("against.id")).isEqualTo(secondId);
        assertThat(third.getList("anomalies.type", String.class)).containsExactly("NUMERIC_DISTRIBUTION_SHIFT");
        given().get("/api/v1/assets/" + asset + "/observations?label=daily")
                .then()
                .statusCode(200)
                .body("", hasSize(3));
    }

    @Test
    void aStoredObservationCanBeCheckedByIdAgainstTheBaselineOrItsPredecessor() {
        String asset = assetWithOrders();
        long first = record(asset, "training", batch(Shape.NORMAL, 1));
        baseline(asset, "training");
        long shifted = record(asset, "training", batch(new Shape(100, 0.6, 0.3, 0.1, 0.4), 2));

        asAdmin()
                .body(Map.of("observation", shifted))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(200)
                .body("drifted", equalTo(true))
                .body("current.kind", equalTo("observation"))
                .body("current.observationId", equalTo((int) shifted))
                .body("anomalies.type", equalTo(List.of("NULL_RATE_CHANGE")))
                .body("anomalies[0].detail", containsString("/coupon"));
        asAdmin()
                .body(Map.of("observation", shifted))
                .post("/api/v1/assets/" + asset + "/drift?against=previous")
                .then()
                .statusCode(200)
                .body("against.kind", equalTo("previous"))
                .body("against.id", equalTo((int) first))
                .body("drifted", equalTo(true));
        asAdmin()
                .body(Map.of("observation", first))
                .post("/api/v1/assets/" + asset + "/drift?against=previous")
                .then()
                .statusCode(422)
                .body("code", equalTo("NO_PREVIOUS_OBSERVATION"));
        asAdmin()
                .body(Map.of("observation", 999999999))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(404)
                .body("code", equalTo("OBSERVATION_NOT_FOUND"));
        asAdmin()
                .body(Map.of("id", "x", "amount", 3))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/observation"));
    }

    @Test
    void driftErrorsAreProblemsWithStableCodes() {
        String asset = assetWithOrders();
        byte[] batch = batch(Shape.NORMAL, 1);

        asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(422)
                .body("code", equalTo("NO_BASELINE"))
                .body("detail", containsString("/baselines"));
        record(asset, "training", batch);
        baseline(asset, "training");
        asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift?baseline=424242424")
                .then()
                .statusCode(404)
                .body("code", equalTo("BASELINE_NOT_FOUND"));
        asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift?against=yesterday")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("against"));
        asAdmin()
                .contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift?against=previous")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("label"));
        given().contentType(NDJSON)
                .body(batch)
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(401);
        asAdmin()
                .get("/api/v1/assets/" + asset + "/drift?limit=0")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"));
        given().get("/api/v1/assets/" + asset + "/drift").then().statusCode(200).body("", empty());
    }

    @Test
    void fieldThresholdsFromTheContractReplaceTheDefaultsAndAreValidated() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        ORDER,
                        "fields",
                        Map.of("/amount", Map.of("driftThreshold", 1.5))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/fields/~1amount/driftThreshold"));
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        ORDER,
                        "fields",
                        Map.of("amount", Map.of("driftThreshold", 0.9, "skewThreshold", 0.25))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("fields['/amount'].driftThreshold", equalTo(0.9f))
                .body("fields['/amount'].skewThreshold", equalTo(0.25f));
        given().get("/api/v1/assets/" + asset + "/contracts/latest/fields")
                .then()
                .statusCode(200)
                .body("find { it.path == '/amount' }.driftThreshold", equalTo(0.9f))
                .body("find { it.path == '/channel' }.driftThreshold", nullValue());
        record(asset, "training", batch(Shape.NORMAL, 1));
        baseline(asset, "training");

        JsonPath shifted = drift(asset, "", batch(new Shape(125, 0.6, 0.3, 0.1, 0.02), 2));

        assertThat(shifted.getBoolean("drifted")).isFalse();
        assertThat(shifted.getFloat("fields.find { it.field == '/amount' }.threshold"))
                .isEqualTo(0.9f);
        assertThat(shifted.getFloat("fields.find { it.field == '/amount' }.distance"))
                .isGreaterThan(0.1f);
    }

    @Test
    void driftDetectedReachesTheOwnersDownstreamWithTheAnomalies() {
        String asset = assetWithOrders();
        String consumerTeam = Api.createTeam();
        String consumer = Api.createAsset(consumerTeam, "FEATURE");
        Api.publish(consumer, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1.0", "fields", List.of("amount"), "usage", "TRAINING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + asset)
                .then()
                .statusCode(201);
        record(asset, "training", batch(Shape.NORMAL, 1));
        long baselineId = baseline(asset, "training");

        long driftId =
                drift(asset, "", batch(new Shape(140, 0.6, 0.3, 0.1, 0.02), 2)).getLong("id");

        JsonPath inbox = as(Api.editorToken(consumerTeam))
                .get("/api/v1/notifications?team=" + consumerTeam)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> data = inbox.getMap("find { it.type == 'drift.detected' }.data");
        assertThat(data)
                .containsEntry("asset", asset)
                .containsEntry("label", "training")
                .containsEntry("baselineId", (int) baselineId)
                .containsEntry("driftId", (int) driftId);
        assertThat(inbox.getString("find { it.type == 'drift.detected' }.data.against.kind"))
                .isEqualTo("baseline");
        assertThat(inbox.getString("find { it.type == 'drift.detected' }.data.against.from"))
                .matches("\\d{4}-.*Z");
        assertThat(inbox.getList("find { it.type == 'drift.detected' }.data.anomalies.field", String.class))
                .containsExactly("/amount");
        assertThat(inbox.getString("find { it.type == 'drift.detected' }.data.anomalies[0].detail"))
                .contains("/amount");
        assertThat(inbox.getList("find { it.type == 'drift.detected' }.reasons.asset", String.class))
                .contains(consumer);

        JsonPath timeline = given().get("/api/v1/assets/" + consumer + "/timeline?types=drift.detected")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(timeline.getList("entries.asset", String.class)).containsExactly(asset);
        assertThat(timeline.getList("entries.path[0]", String.class)).containsExactly(asset, consumer);
        assertThat(timeline.getString("entries[0].summary"))
                .startsWith(asset + " drifted from its baseline (training): 1 anomaly, worst: /amount");
    }

    @Test
    void skewComparesTrainingWithServingForEveryProducerTheModelReadsWorstFirst() {
        String team = Api.createTeam();
        String skewed = assetWithOrders();
        String steady = assetWithOrders();
        String unserved = assetWithOrders();
        String model = Api.createAsset(team, "MODEL");
        Api.publish(model, Api.objectSchema(Map.of("score", Map.of("type", "number")), List.of()), 201);
        for (String producer : List.of(skewed, steady, unserved)) {
            asAdmin()
                    .body(Map.of("versionRange", "^1.0", "fields", List.of("amount", "channel"), "usage", "BOTH"))
                    .put("/api/v1/assets/" + model + "/dependencies/" + producer)
                    .then()
                    .statusCode(201);
        }
        record(skewed, "training", batch(Shape.NORMAL, 1));
        record(skewed, "serving", batch(new Shape(100, 0.2, 0.7, 0.1, 0.5), 2));
        record(steady, "training", batch(Shape.NORMAL, 3));
        record(steady, "serving", batch(Shape.NORMAL, 4));
        record(unserved, "training", batch(Shape.NORMAL, 5));

        JsonPath skew = given().get("/api/v1/assets/" + model + "/skew")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(skew.getBoolean("skewed")).isTrue();
        assertThat(skew.getList("producers.producer", String.class)).containsExactly(skewed, steady);
        assertThat(skew.getBoolean("producers[0].skewed")).isTrue();
        assertThat(skew.getList("producers[0].skewedFields", String.class)).containsExactly("/channel");
        assertThat(skew.getString("producers[0].anomalies[0].type")).isEqualTo("CATEGORY_MIX_SHIFT");
        assertThat(skew.getList("producers[0].features.field", String.class)).containsExactly("/channel", "/amount");
        assertThat(skew.getList("producers[0].anomalies.field", String.class)).doesNotContain("/coupon");
        assertThat(skew.getBoolean("producers[1].skewed")).isFalse();
        assertThat(skew.getString("producers[0].training.label")).isEqualTo("training");
        assertThat(skew.getString("producers[0].serving.label")).isEqualTo("serving");
        assertThat(skew.getList("missing.producer", String.class)).containsExactly(unserved);
        assertThat(skew.getList("missing[0].lacking", String.class)).containsExactly("serving");
        assertThat(skew.getString("missing[0].hint")).contains("label=serving");

        given().get("/api/v1/assets/" + model + "/skew?training=serving&serving=training")
                .then()
                .statusCode(200)
                .body("training", equalTo("serving"))
                .body("producers[0].producer", equalTo(skewed));
        given().get("/api/v1/assets/" + model + "/skew?training=x&serving=x")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"));
        given().get("/api/v1/assets/no.such-model/skew").then().statusCode(404);
    }

    @Test
    void aModelReadingOneItemOfAnArrayHasTheSkewOfEveryItemReported() {
        String team = Api.createTeam();
        String basket = Api.createAsset(team, "DATASET");
        Api.publish(
                basket,
                Api.objectSchema(
                        Map.of(
                                "items",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Api.objectSchema(
                                                Map.of(
                                                        "price",
                                                        Map.of("type", "number"),
                                                        "sku",
                                                        Map.of("type", "string")),
                                                List.of()))),
                        List.of()),
                201);
        String model = Api.createAsset(team, "MODEL");
        Api.publish(model, Api.objectSchema(Map.of("score", Map.of("type", "number")), List.of()), 201);
        // items[0].price is stored as /items/0/price; the profile has /items/*/price, which * makes the same field.
        asAdmin()
                .body(Map.of("fields", List.of("items[0].price"), "usage", "BOTH"))
                .put("/api/v1/assets/" + model + "/dependencies/" + basket)
                .then()
                .statusCode(201)
                .body("fields", equalTo(List.of("/items/0/price")));
        record(basket, "training", baskets(10, 1));
        record(basket, "serving", baskets(1_000, 2));

        JsonPath skew = given().get("/api/v1/assets/" + model + "/skew")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(skew.getBoolean("skewed")).isTrue();
        assertThat(skew.getList("producers[0].features.field", String.class)).containsExactly("/items/*/price");
        assertThat(skew.getList("producers[0].skewedFields", String.class)).containsExactly("/items/*/price");
    }

    /** 1,000 records of two items each, priced around {@code price}. */
    private static byte[] baskets(double price, long seed) {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            body.append("{\"items\":[{\"price\":")
                    .append(price * (1 + 0.1 * random.nextGaussian()))
                    .append(",\"sku\":\"a\"},{\"price\":")
                    .append(price * (1 + 0.1 * random.nextGaussian()))
                    .append(",\"sku\":\"b\"}]}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theExampleEstateShowsMeanHeartRateSkewedBetweenTrainingAndServingAndNothingElse() {
        JsonPath skew = given().get("/api/v1/assets/hospital.readmission-model/skew")
                .then()
                .statusCode(200)
                .body("skewed", equalTo(true))
                .extract()
                .jsonPath();

        assertThat(skew.getString("producers[0].producer")).isEqualTo("hospital.readmission-features");
        assertThat(skew.getList("producers[0].skewedFields", String.class)).containsExactly("/mean_heart_rate");
        assertThat(skew.getString("producers[0].anomalies[0].type")).isEqualTo("NUMERIC_DISTRIBUTION_SHIFT");
        assertThat(skew.getFloat("producers[0].anomalies[0].value")).isGreaterThan(0.1f);
        assertThat(skew.getList("producers[0].features.field", String.class))
                .contains("/hospital_name", "/age_bucket", "/length_of_stay_days")
                .doesNotContain("/admission_id", "/readmitted_within_30d");
        given().get("/api/v1/assets/hospital.readmission-features/observations")
                .then()
                .statusCode(200)
                .body("label", hasItems("training", "serving"))
                .body("size()", greaterThan(1));
    }
}
