package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A pipeline's drift checks from its first batch on, and drifted batches kept out of the references. */
@QuarkusTest
class DriftFirstBatchTest {

    @Test
    void theFirstBatchIsRecordedAndADriftedBatchIsNoReferenceUntilAccepted() {
        String asset = assetWithContract();

        JsonPath first = drift(asset, "previous", "daily", batch(100, 1), 200);
        long firstId = first.getLong("current.observationId");
        assertThat(first.getString("note"))
                .contains("first batch for label 'daily' recorded")
                .contains("nothing to compare yet");
        assertThat(first.getBoolean("drifted")).isFalse();
        assertThat((Object) first.get("against")).isNull();

        JsonPath shifted = drift(asset, "previous", "daily", batch(170, 2), 200);
        assertThat(shifted.getBoolean("drifted")).isTrue();
        assertThat(shifted.getLong("against.id")).isEqualTo(firstId);
        long shiftedId = shifted.getLong("current.observationId");
        Api.asAdmin()
                .get("/api/v1/assets/" + asset + "/observations/" + shiftedId)
                .then()
                .statusCode(200)
                .body("driftStatus", equalTo("DRIFTED"));

        // The next batch is compared with the last one that did not drift, not with the shifted one.
        JsonPath next = drift(asset, "previous", "daily", batch(100, 3), 200);
        assertThat(next.getLong("against.id")).isEqualTo(firstId);
        assertThat(next.getBoolean("drifted")).isFalse();
        assertThat((Object) next.get("note")).isNull();

        // A baseline leaves the drifted batch out...
        baseline(asset, 2);

        // ...until it is accepted.
        Api.asAdmin()
                .post("/api/v1/assets/" + asset + "/observations/" + shiftedId + "/accept")
                .then()
                .statusCode(200)
                .body("driftStatus", equalTo("ACCEPTED"));
        baseline(asset, 3);

        Api.asAdmin()
                .post("/api/v1/assets/" + asset + "/observations/" + firstId + "/accept")
                .then()
                .statusCode(409)
                .body("code", equalTo("OBSERVATION_NOT_DRIFTED"))
                .body("detail", containsString("nothing to accept"));
        given().post("/api/v1/assets/" + asset + "/observations/" + shiftedId + "/accept")
                .then()
                .statusCode(401);
    }

    @Test
    void theFirstLabelledBatchWithoutABaselineIsRecordedAndAnUnlabelledOneStillRefused() {
        String asset = assetWithContract();

        Api.asAdmin()
                .contentType("application/x-ndjson")
                .body(batch(100, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/drift")
                .then()
                .statusCode(422)
                .body("code", equalTo("NO_BASELINE"));
        Api.asAdmin()
                .contentType("application/x-ndjson")
                .body(batch(100, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/drift?against=previous")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"));

        JsonPath first = drift(asset, "baseline", "training", batch(100, 2), 200);
        assertThat(first.getString("note")).contains("no baseline yet");
        Api.asAdmin()
                .get("/api/v1/assets/" + asset + "/observations?label=training")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].driftStatus", nullValue());
    }

    private static void baseline(String asset, int observations) {
        Api.asAdmin()
                .body(Map.of("label", "daily"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .body("observations", equalTo(observations));
    }

    private static JsonPath drift(String asset, String against, String label, String body, int status) {
        return Api.asAdmin()
                .contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/drift?against=" + against + "&label=" + label)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String assetWithContract() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Api.publish(
                asset,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id")),
                201);
        return asset;
    }

    private static String batch(double mean, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("{\"id\":\"r")
                    .append(i)
                    .append("\",\"amount\":")
                    .append(mean + 15 * random.nextGaussian())
                    .append("}\n");
        }
        return text.toString();
    }
}
