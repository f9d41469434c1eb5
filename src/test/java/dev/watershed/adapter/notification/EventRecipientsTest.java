package dev.watershed.adapter.notification;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who hears of each kind of change, read from the inboxes, which are written with the change itself. */
@QuarkusTest
class EventRecipientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> V1 =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id"));

    @Test
    void aLabelledValidationAboveTheThresholdTellsEveryoneDownstream() {
        String producerTeam = Api.createTeam();
        String producer = Api.createAsset(producerTeam, "SOURCE");
        Api.publish(producer, V1, 201);
        String team = Api.createTeam();
        String consumer = consumer(team, producer, List.of("amount"));
        String token = Api.editorToken(producerTeam);

        StringBuilder oneInTwenty = new StringBuilder("{\"amount\":0}\n");
        for (int i = 1; i < 20; i++) {
            oneInTwenty.append("{\"id\":\"r").append(i).append("\"}\n");
        }
        validate(producer, token, "nightly", oneInTwenty.toString());
        validate(producer, token, null, "{\"amount\":1}\n{\"amount\":2}\n");
        assertThat(events(team, "validation.failed").getList("")).isEmpty();

        validate(producer, token, "nightly", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"amount\":3}\n");

        JsonPath failed = events(team, "validation.failed");
        assertThat(failed.getList("")).hasSize(1);
        assertThat(failed.getString("[0].subject")).isEqualTo(producer);
        assertThat(failed.getInt("[0].data.total")).isEqualTo(3);
        assertThat(failed.getInt("[0].data.invalid")).isEqualTo(1);
        assertThat(failed.getString("[0].data.label")).isEqualTo("nightly");
        assertThat(failed.getList("[0].reasons[0].path")).containsExactly(producer, consumer);
    }

    @Test
    void deletingAnAssetTellsEveryoneDownstream() {
        String producerTeam = Api.createTeam();
        String producer = Api.createAsset(producerTeam, "SOURCE");
        Api.publish(producer, V1, 201);
        String team = Api.createTeam();
        String consumer = consumer(team, producer, List.of());
        String farTeam = Api.createTeam();
        String far = consumer(farTeam, consumer, List.of());

        asAdmin()
                .queryParam("force", "true")
                .delete("/api/v1/assets/" + producer)
                .then()
                .statusCode(204);

        assertThat(events(team, "asset.deleted").getList("[0].reasons[0].path")).containsExactly(producer, consumer);
        assertThat(events(farTeam, "asset.deleted").getList("[0].reasons[0].path"))
                .containsExactly(producer, consumer, far);
    }

    @Test
    void declaringAndRemovingADependencyTellsTheProducersOwner() {
        String producerTeam = Api.createTeam();
        String producer = Api.createAsset(producerTeam, "SOURCE");
        Api.publish(producer, V1, 201);
        String team = Api.createTeam();
        String consumer = consumer(team, producer, List.of("/amount"));

        JsonPath added = events(producerTeam, "dependency.added");
        assertThat(added.getList("")).hasSize(1);
        assertThat(added.getString("[0].data.consumer")).isEqualTo(consumer);
        assertThat(added.getList("[0].reasons[0].fields")).containsExactly("/amount");

        asAdmin()
                .delete("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(204);

        assertThat(events(producerTeam, "dependency.removed").getString("[0].reasons[0].reason"))
                .isEqualTo(consumer + " no longer reads " + producer + ", which you own");
        assertThat(events(team, "dependency.removed").getList("")).isEmpty();
    }

    /** The team's notifications of one type, newest first. */
    private static JsonPath events(String team, String type) {
        List<Map<String, Object>> all = asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        try {
            return JsonPath.from(JSON.writeValueAsString(all.stream()
                    .filter(notification -> type.equals(notification.get("type")))
                    .toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(String asset, String token, String label, String ndjson) {
        Api.as(token)
                .contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/validate" + (label == null ? "?record=true" : "?label=" + label))
                .then()
                .statusCode(200);
    }

    private static String consumer(String team, String reads, List<String> fields) {
        String name = Api.createAsset(team, "FEATURE");
        Api.publish(name, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1.0", "fields", fields, "usage", "TRAINING"))
                .put("/api/v1/assets/" + name + "/dependencies/" + reads)
                .then()
                .statusCode(201);
        return name;
    }
}
