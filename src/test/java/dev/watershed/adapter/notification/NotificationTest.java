package dev.watershed.adapter.notification;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.rest.Api;
import dev.watershed.application.contract.ContractService;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.auth.Role;
import dev.watershed.domain.notification.WebhookSignature;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notifications end to end: outbox, dispatcher, a real webhook receiver, the mock mailbox and the inbox. */
@QuarkusTest
class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> V1 = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "number"),
                    "currency",
                    Map.of("type", "string")),
            List.of("id"));
    private static final Map<String, Object> AMOUNT_AS_STRING = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "string"),
                    "currency",
                    Map.of("type", "string")),
            List.of("id"));

    @Inject
    MockMailbox mailbox;

    @Inject
    ContractService contracts;

    @Inject
    EntityManager em;

    @Test
    void aBreakingChangeNotifiesTheOwnersOfAllAffectedDownstreamAssetsAndOnlyThemByEveryChannelWithTheReason() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String producerTeam = Api.createTeam();
            String producer = Api.createAsset(producerTeam, "SOURCE");
            Api.publish(producer, V1, 201);
            String amountTeam = Api.createTeam();
            String readsAmount = consumer(amountTeam, "FEATURE", producer, List.of("amount"));
            String currencyTeam = Api.createTeam();
            String readsCurrency = consumer(currencyTeam, "FEATURE", producer, List.of("/currency"));
            String modelTeam = Api.createTeam();
            String model = consumer(modelTeam, "MODEL", readsAmount, List.of());
            for (String team : List.of(amountTeam, currencyTeam, modelTeam)) {
                subscribeWebhook(team, receiver.url(), List.of("contract.published"));
            }
            asAdmin()
                    .body(Map.of("compatibility", "NONE"))
                    .put("/api/v1/assets/" + producer)
                    .then()
                    .statusCode(200);

            Api.publish(producer, AMOUNT_AS_STRING, 201);

            Eventually.within(
                    WAIT,
                    "both affected teams' webhooks answered",
                    () -> receiver.accepted().size() >= 2);
            Eventually.within(
                    WAIT,
                    "both affected teams got email",
                    () -> published(amountTeam, producer).size() == 1
                            && published(modelTeam, producer).size() == 1);
            List<JsonNode> events = receiver.accepted().stream()
                    .map(call -> {
                        assertThat(call.contentType()).isEqualTo("application/cloudevents+json");
                        assertThat(WebhookSignature.verify(
                                        secret(recipient(call)),
                                        call.signature(),
                                        call.body(),
                                        Instant.now().getEpochSecond(),
                                        300))
                                .isTrue();
                        return read(call.body());
                    })
                    .toList();
            assertThat(events)
                    .extracting(event -> event.at("/data/recipient/team").asText())
                    .containsExactlyInAnyOrder(amountTeam, modelTeam);
            JsonNode toAmount = events.stream()
                    .filter(event -> event.at("/data/recipient/team").asText().equals(amountTeam))
                    .findFirst()
                    .orElseThrow();
            assertThat(toAmount.get("specversion").asText()).isEqualTo("1.0");
            assertThat(toAmount.get("type").asText()).isEqualTo("dev.watershed.contract.published");
            assertThat(toAmount.get("source").asText()).isEqualTo("/watershed");
            assertThat(toAmount.get("subject").asText()).isEqualTo(producer);
            assertThat(toAmount.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(toAmount.at("/data/version").asText()).isEqualTo("2.0.0");
            assertThat(toAmount.at("/data/bump").asText()).isEqualTo("MAJOR");
            assertThat(toAmount.at("/data/differences/0/path").asText()).isEqualTo("/amount");
            assertThat(toAmount.at("/data/recipient/reasons/0/path").toString())
                    .isEqualTo(JSON.valueToTree(List.of(producer, readsAmount)).toString());
            assertThat(toAmount.at("/data/recipient/reasons/0/fields/0").asText())
                    .isEqualTo("/amount");
            JsonNode toModel = events.stream()
                    .filter(event -> event != toAmount)
                    .findFirst()
                    .orElseThrow();
            assertThat(toModel.get("id").asText()).isEqualTo(toAmount.get("id").asText());
            assertThat(toModel.at("/data/recipient/reasons/0/path").toString())
                    .isEqualTo(JSON.valueToTree(List.of(producer, readsAmount, model))
                            .toString());

            Mail mail = published(amountTeam, producer).get(0);
            assertThat(mail.getText())
                    .contains(readsAmount + " reads `/amount` from " + producer)
                    .contains(toAmount.get("id").asText());

            JsonPath inbox = asAdmin()
                    .get("/api/v1/notifications?unread=true&team=" + amountTeam)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Object> notification = inbox.getMap("find { it.type == 'contract.published' }");
            assertThat(notification.get("eventId")).isEqualTo(toAmount.get("id").asText());
            assertThat(inbox.getList("find { it.type == 'contract.published' }.reasons[0].fields"))
                    .containsExactly("/amount");
            as(Api.editorToken(amountTeam))
                    .post("/api/v1/notifications/" + notification.get("id") + "/read")
                    .then()
                    .statusCode(200)
                    .body("read", equalTo(true));
            asAdmin()
                    .get("/api/v1/notifications?unread=true&team=" + amountTeam)
                    .then()
                    .statusCode(200)
                    .body("type", not(hasItem("contract.published")));
            asAdmin()
                    .get("/api/v1/notifications?team=" + modelTeam)
                    .then()
                    .statusCode(200)
                    .body("type", hasItem("contract.published"));

            // The team that reads only the unchanged field gets nothing, by any channel.
            asAdmin()
                    .get("/api/v1/notifications?team=" + currencyTeam)
                    .then()
                    .statusCode(200)
                    .body("type", not(hasItem("contract.published")));
            assertThat(published(currencyTeam, producer)).isEmpty();
            assertThat(receiver.calls()).noneMatch(call -> recipient(call).equals(currencyTeam));
            assertThat(readsCurrency).isNotBlank();
        }
    }

    @Test
    void aWebhookThatFailsThenIsDownReceivesEveryEventSignedWithAStableId() throws InterruptedException {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            String producerTeam = Api.createTeam();
            String producer = Api.createAsset(producerTeam, "SOURCE");
            Api.publish(producer, V1, 201);
            String team = Api.createTeam();
            consumer(team, "FEATURE", producer, List.of());
            subscribeWebhook(team, receiver.url(), List.of("contract.deprecated"));

            asAdmin()
                    .post("/api/v1/assets/" + producer + "/contracts/1.0.0/deprecate")
                    .then()
                    .statusCode(200);

            Eventually.within(
                    WAIT, "the receiver refused twice", () -> receiver.calls().size() >= 2);
            receiver.stop();
            Thread.sleep(2_500);
            receiver.restart();
            Eventually.within(
                    WAIT, "the event arrived", () -> receiver.accepted().size() == 1);

            List<WebhookReceiver.Call> calls = receiver.calls();
            assertThat(calls.get(0).answered()).isEqualTo(500);
            assertThat(calls.get(1).answered()).isEqualTo(500);
            String id = read(calls.get(0).body()).get("id").asText();
            for (WebhookReceiver.Call call : calls) {
                assertThat(read(call.body()).get("id").asText()).isEqualTo(id);
                assertThat(WebhookSignature.verify(
                                secret(team),
                                call.signature(),
                                call.body(),
                                Instant.now().getEpochSecond(),
                                300))
                        .isTrue();
            }
            Eventually.within(
                    WAIT,
                    "the delivery is recorded",
                    () -> "DELIVERED"
                            .equals(asAdmin()
                                    .get("/api/v1/deliveries?team=" + team)
                                    .then()
                                    .extract()
                                    .path("find { it.channel == 'WEBHOOK' }.status")));
            JsonPath delivery = asAdmin()
                    .get("/api/v1/deliveries?team=" + team)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String webhook = "find { it.channel == 'WEBHOOK' }";
            assertThat(delivery.getString(webhook + ".eventId")).isEqualTo(id);
            assertThat(delivery.getList(webhook + ".log.httpStatus"))
                    .startsWith(500, 500)
                    .endsWith(204);
            assertThat(delivery.getList(webhook + ".log.error", String.class))
                    .contains("connection refused")
                    .noneMatch(error -> error != null && error.contains("Exception"));
        }
    }

    @Test
    void aDeliveryClaimedByADispatcherThatCrashedIsSentOnceTheClaimExpires() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String producerTeam = Api.createTeam();
            String producer = Api.createAsset(producerTeam, "SOURCE");
            Api.publish(producer, V1, 201);
            String team = Api.createTeam();
            consumer(team, "FEATURE", producer, List.of());
            subscribeWebhook(team, receiver.url(), List.of("contract.deprecated"));

            // The change and a claim by a replica that then dies commit together: no live dispatcher ever sees the
            // delivery unclaimed, and nobody acknowledges it.
            Instant claimedUntil = Instant.now().plusSeconds(3);
            QuarkusTransaction.requiringNew().run(() -> {
                contracts.deprecate(new Caller(null, "test", null, Role.ADMIN), producer, "1.0.0");
                em.flush();
                int claimed = em.createNativeQuery("UPDATE delivery SET claimed_by = 'crashed-replica',"
                                + " claimed_until = :until WHERE team = :team AND channel = 'WEBHOOK'")
                        .setParameter("until", claimedUntil)
                        .setParameter("team", team)
                        .executeUpdate();
                assertThat(claimed).isEqualTo(1);
            });

            Eventually.within(
                    WAIT,
                    "the delivery is sent again",
                    () -> receiver.accepted().size() == 1);
            assertThat(Instant.now()).isAfterOrEqualTo(claimedUntil);
            assertThat(receiver.calls()).hasSize(1);
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredAndCanBeRetried() {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            String producerTeam = Api.createTeam();
            String producer = Api.createAsset(producerTeam, "SOURCE");
            Api.publish(producer, V1, 201);
            String team = Api.createTeam();
            consumer(team, "FEATURE", producer, List.of());
            subscribeWebhook(team, receiver.url(), List.of("contract.deprecated"));
            asAdmin()
                    .post("/api/v1/assets/" + producer + "/contracts/1.0.0/deprecate")
                    .then()
                    .statusCode(200);

            Eventually.within(
                    WAIT,
                    "the delivery is dead-lettered",
                    () -> asAdmin()
                                    .get("/api/v1/deliveries?status=FAILED&team=" + team)
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getList("id")
                                    .size()
                            == 1);
            JsonPath failed = asAdmin()
                    .get("/api/v1/deliveries?status=FAILED&team=" + team)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(failed.getList("[0].log.httpStatus")).isNotEmpty().containsOnly(500);
            long id = failed.getLong("[0].id");

            String stranger = Api.editorToken(Api.createTeam());
            as(stranger).post("/api/v1/deliveries/" + id + "/retry").then().statusCode(403);
            receiver.heal();
            as(Api.editorToken(team))
                    .post("/api/v1/deliveries/" + id + "/retry")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PENDING"));
            Eventually.within(
                    WAIT,
                    "the retried delivery arrived",
                    () -> receiver.accepted().size() == 1);
            // The receiver has answered before the dispatcher records the answer: wait for the record too.
            Eventually.within(
                    WAIT,
                    "the retried delivery is recorded as delivered",
                    () -> "DELIVERED"
                            .equals(asAdmin()
                                    .get("/api/v1/deliveries?team=" + team)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getString("find { it.id == " + id + " }.status")));
        }
    }

    @Test
    void subscriptionsAreCheckedAndBelongToTheirTeam() {
        String team = Api.createTeam();
        String editor = Api.editorToken(team);
        Map<String, Object> webhook = Map.of(
                "team",
                team,
                "events",
                List.of("asset.deleted"),
                "channel",
                "WEBHOOK",
                "target",
                "https://hooks.example.org/w",
                "secret",
                secret(team));
        as(editor)
                .body(Map.of(
                        "team",
                        team,
                        "events",
                        List.of("asset.deleted"),
                        "channel",
                        "WEBHOOK",
                        "target",
                        "https://hooks.example.org/w"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo("/secret"));
        as(editor)
                .body(Map.of(
                        "team",
                        team,
                        "events",
                        List.of("asset.deleted"),
                        "channel",
                        "WEBHOOK",
                        "target",
                        "ftp://hooks.example.org/w",
                        "secret",
                        secret(team)))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/target"));
        as(editor)
                .body(Map.of(
                        "team",
                        team,
                        "events",
                        List.of("nothing.happened"),
                        "channel",
                        "EMAIL",
                        "target",
                        "a@example.org"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/events"));
        as(editor)
                .body(Map.of(
                        "team",
                        team,
                        "asset",
                        "no.such.asset",
                        "events",
                        List.of("asset.deleted"),
                        "channel",
                        "EMAIL",
                        "target",
                        "a@example.org"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        as(Api.editorToken(Api.createTeam()))
                .body(webhook)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(403);

        int id = as(editor)
                .body(webhook)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .body("signed", equalTo(true))
                .body("secret", equalTo(null))
                .extract()
                .path("id");
        asAdmin()
                .get("/api/v1/subscriptions?team=" + team)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(id)))
                .body("[0].events", equalTo(List.of("asset.deleted")));
        as(editor).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        asAdmin()
                .get("/api/v1/subscriptions?team=" + team)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of()));
        as(editor)
                .delete("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBSCRIPTION_NOT_FOUND"));
    }

    private static String consumer(String team, String kind, String reads, List<String> fields) {
        String name = Api.createAsset(team, kind);
        Api.publish(name, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1.0", "fields", fields, "usage", "TRAINING"))
                .put("/api/v1/assets/" + name + "/dependencies/" + reads)
                .then()
                .statusCode(201);
        return name;
    }

    private static void subscribeWebhook(String team, String url, List<String> events) {
        as(Api.editorToken(team))
                .body(Map.of(
                        "team", team, "events", events, "channel", "WEBHOOK", "target", url, "secret", secret(team)))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
    }

    private static String secret(String team) {
        return "secret-of-" + team + "-0123456789";
    }

    private List<Mail> published(String team, String producer) {
        return mailbox.getMailsSentTo(team + "@example.org").stream()
                .filter(mail -> mail.getSubject().equals("[Watershed] contract.published: " + producer))
                .toList();
    }

    private static String recipient(WebhookReceiver.Call call) {
        return read(call.body()).at("/data/recipient/team").asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
