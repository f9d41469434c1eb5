package dev.watershed.adapter.notification;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.watershed.adapter.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A registry started without an SMTP server (the packaged jar's default): email is off, so no team email is queued
 * to fail for a day in silence, and an EMAIL subscription is refused with what to configure.
 */
@QuarkusTest
@TestProfile(EmailOffTest.NoSmtpServer.class)
class EmailOffTest {

    public static class NoSmtpServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false");
        }
    }

    @Test
    void queuesNoEmailAndRefusesEmailSubscriptions() {
        String producerTeam = Api.createTeam();
        String producer = Api.createAsset(producerTeam, "SOURCE");
        Api.publish(producer, Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id")), 201);
        String consumerTeam = Api.createTeam();
        String consumer = Api.createAsset(consumerTeam, "FEATURE");
        asAdmin()
                .body(Map.of("usage", "TRAINING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
        Api.publish(
                producer,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "note", Map.of("type", "string")), List.of("id")),
                201);

        asAdmin()
                .get("/api/v1/notifications?team=" + consumerTeam)
                .then()
                .statusCode(200)
                .body("type", hasItem("contract.published"));
        List<String> channels = asAdmin()
                .get("/api/v1/deliveries?team=" + consumerTeam)
                .then()
                .statusCode(200)
                .extract()
                .path("channel");
        assertThat(channels).doesNotContain("EMAIL");

        asAdmin()
                .body(Map.of(
                        "team",
                        consumerTeam,
                        "events",
                        List.of("contract.published"),
                        "channel",
                        "EMAIL",
                        "target",
                        "ml@example.org"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/channel"))
                .body("detail", containsString("QUARKUS_MAILER_HOST"));
    }
}
