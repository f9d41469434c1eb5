package dev.watershed.adapter.notification;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import dev.watershed.adapter.persistence.SecretsAtRest;
import dev.watershed.adapter.rest.Api;
import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.DeliveryDispatcher;
import dev.watershed.application.notification.DeliveryStatus;
import dev.watershed.application.notification.NotificationStore;
import dev.watershed.application.notification.OutgoingDelivery;
import dev.watershed.domain.notification.WebhookSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What issue 13 asked of webhooks, through the API: refused targets, who sees deliveries and targets, cancelled
 * deliveries, encrypted secrets. The test profile allows 127.0.0.1/32 only, where the receivers listen; nothing here
 * connects anywhere else.
 */
@QuarkusTest
class WebhookSafetyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> SCHEMA =
            Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id"));

    @Inject
    EntityManager em;

    @Inject
    NotificationStore store;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    SecretsAtRest secretsAtRest;

    @Test
    void aWebhookToAnInternalAddressIsRefusedWhenSubscribingAndForATeam() {
        String team = Api.createTeam();
        String editor = Api.editorToken(team);
        for (String target : List.of(
                "http://127.0.0.2:8080/hooks",
                "http://localhost:8080/hooks",
                "http://[::1]:8080/hooks",
                "http://0.0.0.0:8080/hooks",
                "http://2130706433:8080/hooks",
                "http://0x7f.1:8080/hooks",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hooks",
                "http://192.168.0.10/hooks",
                "http://[fd00::1]/hooks",
                "http://[::ffff:169.254.169.254]/hooks",
                "http://[fe80::1]/hooks",
                "http://224.0.0.1/hooks")) {
            as(editor)
                    .body(webhook(team, null, target))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("WEBHOOK_TARGET_NOT_ALLOWED"))
                    .body("pointer", equalTo("/target"))
                    .body(
                            "detail",
                            containsString("Use a receiver at a public address, or ask an operator to add"
                                    + " the host or its range to watershed.webhooks.allowed-targets"));
        }
        as(editor)
                .body(webhook(team, null, "http://user:hunter2@169.254.169.254/"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("detail", containsString("'http://***@169.254.169.254/'"))
                .body("detail", not(containsString("hunter2")));
        as(editor)
                .body(webhook(team, null, "gopher://127.0.0.1:6379/_INFO"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/target"));
        asAdmin()
                .get("/api/v1/subscriptions?team=" + team)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of()));

        String name = Api.unique("team");
        asAdmin()
                .body(Map.of("name", name, "email", name + "@example.org", "webhook", "http://169.254.169.254/"))
                .post("/api/v1/teams")
                .then()
                .statusCode(422)
                .body("code", equalTo("WEBHOOK_TARGET_NOT_ALLOWED"))
                .body("pointer", equalTo("/webhook"));
        asAdmin().get("/api/v1/teams/" + name).then().statusCode(404);

        // The allow-list of the test profile lets the loopback receivers in, in any notation of 127.0.0.1.
        as(editor)
                .body(webhook(team, null, "http://[::ffff:127.0.0.1]:9/hooks"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
    }

    @Test
    void deliveriesAndSubscriptionsAreSeenOnlyByTheirTeamAndAdmins() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String team = Api.createTeam();
            String asset = Api.createAsset(team, "SOURCE");
            String target = "http://bot:s3cr%40t@127.0.0.1:" + receiver.port() + "/hooks?team=x&token=abc123";
            as(Api.editorToken(team))
                    .body(webhook(team, asset, target))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .body("target", equalTo("http://***@127.0.0.1:" + receiver.port() + "/hooks?team=x&token=***"));
            Api.publish(asset, SCHEMA, 201);
            Eventually.within(
                    WAIT, "the webhook was called", () -> receiver.accepted().size() == 1);
            assertThat(receiver.accepted().get(0).authorization())
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString("bot:s3cr@t".getBytes(StandardCharsets.UTF_8)));
            assertThat(receiver.accepted().get(0).uri()).isEqualTo("/hooks?team=x&token=abc123");

            String teamToken = Api.editorToken(team);
            String otherToken = Api.editorToken(Api.createTeam());
            given().get("/api/v1/deliveries?team=" + team)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED"));
            given().get("/api/v1/deliveries").then().statusCode(401);
            given().get("/api/v1/subscriptions?team=" + team).then().statusCode(401);
            as(otherToken)
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
            as(otherToken).get("/api/v1/subscriptions?team=" + team).then().statusCode(403);
            as(otherToken)
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .body("team", everyItem(not(team)))
                    .body("id", equalTo(List.of()));

            for (String token : List.of(teamToken, Api.ADMIN_TOKEN)) {
                JsonPath deliveries = as(token)
                        .get("/api/v1/deliveries" + (token.equals(teamToken) ? "" : "?team=" + team))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(deliveries.getList("team", String.class)).containsOnly(team);
                assertThat(deliveries.getString("find { it.channel == 'WEBHOOK' }.target"))
                        .isEqualTo("http://***@127.0.0.1:" + receiver.port() + "/hooks?team=x&token=***");
                assertThat(deliveries.getString("find { it.channel == 'WEBHOOK' }.status"))
                        .isEqualTo("DELIVERED");
                as(token)
                        .get("/api/v1/subscriptions?team=" + team)
                        .then()
                        .statusCode(200)
                        .body(
                                "[0].target",
                                equalTo("http://***@127.0.0.1:" + receiver.port() + "/hooks?team=x&token=***"));
            }
        }
    }

    @Test
    void aRequestOfTheWrongShapeIsExplainedWithoutJavaClassNames() {
        String team = Api.createTeam();
        Map<String, Object> body = webhook(team, null, "https://hooks.example.org/w");
        body.put("events", "contract.published");
        as(Api.editorToken(team))
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("pointer", equalTo("/events"))
                .body("detail", equalTo("the JSON at /events has the wrong shape: expected an array"));
    }

    @Test
    void aTeamsOwnWebhookIsShownWithoutItsCredentials() {
        String name = Api.unique("team");
        asAdmin()
                .body(Map.of(
                        "name",
                        name,
                        "email",
                        name + "@example.org",
                        "webhook",
                        "https://ops:pw@hooks.example.org/in?api_key=k1"))
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .body("webhook", equalTo("https://***@hooks.example.org/in?api_key=***"));
        given().get("/api/v1/teams/" + name)
                .then()
                .statusCode(200)
                .body("webhook", equalTo("https://***@hooks.example.org/in?api_key=***"));
    }

    @Test
    void deletingASubscriptionCancelsItsPendingDeliveries() {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            String team = Api.createTeam();
            String asset = Api.createAsset(team, "SOURCE");
            String editor = Api.editorToken(team);
            int subscription = as(editor)
                    .body(webhook(team, asset, receiver.url()))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.publish(asset, SCHEMA, 201);
            Eventually.within(
                    WAIT,
                    "the receiver refused the first attempt",
                    () -> receiver.calls().size() >= 1);
            long delivery = asAdmin()
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .extract()
                    .jsonPath()
                    .getLong("find { it.channel == 'WEBHOOK' }.id");
            assertThat(asAdmin()
                            .get("/api/v1/deliveries?team=" + team)
                            .then()
                            .extract()
                            .jsonPath()
                            .getInt("find { it.channel == 'WEBHOOK' }.subscriptionId"))
                    .isEqualTo(subscription);
            // Hold the delivery as a dispatcher would, so that no attempt is under way while the subscription goes.
            Eventually.within(WAIT, "the test holds the delivery", () -> dispatcher.claim(delivery, "test"));
            int callsBefore = receiver.calls().size();

            as(editor).delete("/api/v1/subscriptions/" + subscription).then().statusCode(204);

            JsonPath cancelled = asAdmin()
                    .get("/api/v1/deliveries?status=CANCELLED&team=" + team)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(cancelled.getList("id", Long.class)).containsExactly(delivery);
            assertThat(cancelled.getString("[0].nextAttemptAt")).isNull();
            int attempts = cancelled.getInt("[0].attempts");
            // Due again and unclaimed: still no dispatcher picks it up, because it is no longer pending.
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("UPDATE delivery SET claimed_by = NULL,"
                                    + " claimed_until = NULL, next_attempt_at = :now WHERE id = :id")
                            .setParameter("now", Instant.now().minusSeconds(1))
                            .setParameter("id", delivery)
                            .executeUpdate());
            dispatcher.dispatchDue();
            assertThat(store.outgoing(delivery)).isEmpty();
            assertThat(receiver.calls()).hasSize(callsBefore);
            asAdmin()
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .statusCode(200)
                    .body("find { it.id == " + delivery + " }.status", equalTo("CANCELLED"))
                    .body("find { it.id == " + delivery + " }.attempts", equalTo(attempts));
            as(editor)
                    .post("/api/v1/deliveries/" + delivery + "/retry")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("DELIVERY_CANCELLED"));
        }
    }

    @Test
    void aDeliveryBeingSentWhenItsSubscriptionIsDeletedStaysCancelled() {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            String team = Api.createTeam();
            String asset = Api.createAsset(team, "SOURCE");
            String editor = Api.editorToken(team);
            int subscription = as(editor)
                    .body(webhook(team, asset, receiver.url()))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.publish(asset, SCHEMA, 201);
            long id = asAdmin()
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .extract()
                    .jsonPath()
                    .getLong("find { it.channel == 'WEBHOOK' }.id");
            Eventually.within(WAIT, "the test holds the delivery", () -> dispatcher.claim(id, "test"));
            Optional<OutgoingDelivery> sending = store.outgoing(id);
            assertThat(sending).isPresent();
            assertThat(sending.get().secret()).isEqualTo(secret(team));

            as(editor).delete("/api/v1/subscriptions/" + subscription).then().statusCode(204);
            store.recordAttempt(
                    id,
                    new DeliveryAttempt(Instant.now(), DeliveryAttempt.FAILED, 500, "receiver answered 500"),
                    DeliveryStatus.PENDING,
                    Instant.now());

            asAdmin()
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .statusCode(200)
                    .body("find { it.id == " + id + " }.status", equalTo("CANCELLED"))
                    .body("find { it.id == " + id + " }.log[-1].error", equalTo("receiver answered 500"));
        }
    }

    @Test
    void secretsAreStoredEncryptedAndNeverCopiedIntoDeliveries() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String team = Api.createTeam();
            String asset = Api.createAsset(team, "SOURCE");
            as(Api.editorToken(team))
                    .body(webhook(team, asset, receiver.url()))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201);

            String stored = storedSecret(team);
            assertThat(stored).startsWith("v1:").doesNotContain(secret(team)).doesNotContain("secret-of");
            Number secretColumns = (Number) em.createNativeQuery("SELECT COUNT(*) FROM information_schema.columns"
                            + " WHERE LOWER(table_name) = 'delivery' AND LOWER(column_name) = 'secret'")
                    .getSingleResult();
            assertThat(secretColumns.intValue()).isZero();

            Api.publish(asset, SCHEMA, 201);
            Eventually.within(
                    WAIT, "the webhook was called", () -> receiver.accepted().size() == 1);
            WebhookReceiver.Call call = receiver.accepted().get(0);
            assertThat(WebhookSignature.verify(
                            secret(team),
                            call.signature(),
                            call.body(),
                            Instant.now().getEpochSecond(),
                            300))
                    .isTrue();
        }
    }

    @Test
    void aSecretStoredInPlainTextBeforeEncryptionIsEncryptedAtStartAndStillSigns() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String team = Api.createTeam();
            String asset = Api.createAsset(team, "SOURCE");
            as(Api.editorToken(team))
                    .body(webhook(team, asset, receiver.url()))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201);
            String legacy = "plain-secret-of-" + team;
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("UPDATE subscription SET secret = :plain" + " WHERE team = :team")
                            .setParameter("plain", legacy)
                            .setParameter("team", team)
                            .executeUpdate());

            assertThat(secretsAtRest.encryptPlainSecrets().encrypted()).isGreaterThanOrEqualTo(1);
            assertThat(storedSecret(team)).startsWith("v1:").doesNotContain(legacy);
            assertThat(secretsAtRest.encryptPlainSecrets().encrypted())
                    .as("nothing plain is left")
                    .isZero();

            Api.publish(asset, SCHEMA, 201);
            Eventually.within(
                    WAIT, "the webhook was called", () -> receiver.accepted().size() == 1);
            WebhookReceiver.Call call = receiver.accepted().get(0);
            assertThat(WebhookSignature.verify(
                            legacy, call.signature(), call.body(), Instant.now().getEpochSecond(), 300))
                    .isTrue();
        }
    }

    private String storedSecret(String team) {
        return (String) em.createNativeQuery("SELECT secret FROM subscription WHERE team = :team")
                .setParameter("team", team)
                .getSingleResult();
    }

    private static Map<String, Object> webhook(String team, String asset, String target) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "team",
                team,
                "events",
                List.of("contract.published"),
                "channel",
                "WEBHOOK",
                "target",
                target,
                "secret",
                secret(team)));
        if (asset != null) {
            body.put("asset", asset);
        }
        return body;
    }

    private static String secret(String team) {
        return "secret-of-" + team + "-0123456789";
    }
}
