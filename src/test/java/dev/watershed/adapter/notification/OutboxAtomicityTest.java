package dev.watershed.adapter.notification;

import static dev.watershed.adapter.rest.Api.as;
import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.watershed.adapter.rest.Api;
import dev.watershed.application.contract.ContractDeprecated;
import dev.watershed.application.contract.ContractService;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change and its event commit together or not at all, and each change is journaled and told once: read back from
 * the journal (the timeline) and the inboxes, which the outbox writes in the change's transaction.
 */
@QuarkusTest
class OutboxAtomicityTest {

    private static final Map<String, Object> V1 =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id"));
    private static final Map<String, Object> AMOUNT_AS_STRING =
            Api.objectSchema(Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "string")), List.of("id"));
    private static final Map<String, Object> WITH_CURRENCY = Api.objectSchema(
            Map.of(
                    "id",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "number"),
                    "currency",
                    Map.of("type", "string")),
            List.of("id"));

    @Inject
    ContractService contracts;

    @Inject
    Event<ContractDeprecated> deprecated;

    /** The deletion's event is written before the removal is refused, so only the rollback can take it back. */
    @Test
    void aRefusedDeletionLeavesNoEventAndAForcedOneLeavesExactlyOne() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(producer, V1, 201);
        String team = Api.createTeam();
        String consumer = consumer(team, producer);

        asAdmin()
                .delete("/api/v1/assets/" + producer)
                .then()
                .statusCode(409)
                .body("code", equalTo("ASSET_HAS_CONSUMERS"));

        assertThat(inbox(team, "asset.deleted")).isEmpty();
        assertThat(journal(consumer, "asset.deleted")).isEmpty();
        assertThat(journal(producer, "asset.deleted")).isEmpty();

        asAdmin().delete("/api/v1/assets/" + producer + "?force=true").then().statusCode(204);

        assertThat(inbox(team, "asset.deleted")).hasSize(1);
        assertThat(journal(consumer, "asset.deleted")).hasSize(1);
    }

    @Test
    void aRejectedPublishLeavesNoEventAndAnAcceptedOneLeavesExactlyOne() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(producer, V1, 201);
        String team = Api.createTeam();
        as(Api.editorToken(team))
                .body(Map.of(
                        "team",
                        team,
                        "asset",
                        producer,
                        "events",
                        List.of("contract.published"),
                        "channel",
                        "EMAIL",
                        "target",
                        team + "@example.org"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);

        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", AMOUNT_AS_STRING))
                .post("/api/v1/assets/" + producer + "/contracts")
                .then()
                .statusCode(409)
                .body("code", equalTo("INCOMPATIBLE_SCHEMA"));

        assertThat(inbox(team, "contract.published")).isEmpty();
        assertThat(journal(producer, "contract.published"))
                .extracting(entry -> entry.get("version"))
                .containsExactly("1.0.0");

        Api.publish(producer, WITH_CURRENCY, 201);

        assertThat(inbox(team, "contract.published"))
                .extracting(notification -> notification.get("subject"))
                .containsExactly(producer);
        assertThat(journal(producer, "contract.published"))
                .extracting(entry -> entry.get("version"))
                .containsExactly("1.1.0", "1.0.0");
    }

    /** The outbox joins the change's transaction and has none of its own: with no change, there is no event. */
    @Test
    void anEventFiredOutsideATransactionIsRefusedRatherThanWrittenAlone() {
        String producer = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(producer, V1, 201);
        Contract contract = contracts.get(producer, "1.0.0").withStatus(ContractStatus.DEPRECATED);

        assertThatThrownBy(() -> deprecated.fire(new ContractDeprecated(contract)))
                .isInstanceOf(TransactionalException.class);

        assertThat(journal(producer, "contract.deprecated")).isEmpty();
    }

    private static String consumer(String team, String reads) {
        String name = Api.createAsset(team, "FEATURE");
        Api.publish(name, Api.objectSchema(Map.of("x", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("versionRange", "^1.0", "usage", "TRAINING"))
                .put("/api/v1/assets/" + name + "/dependencies/" + reads)
                .then()
                .statusCode(201);
        return name;
    }

    /** The team's notifications of one type, newest first. */
    private static List<Map<String, Object>> inbox(String team, String type) {
        List<Map<String, Object>> all = asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return all.stream()
                .filter(notification -> type.equals(notification.get("type")))
                .toList();
    }

    /** The asset's timeline entries of one type, newest first. */
    private static List<Map<String, Object>> journal(String asset, String type) {
        return given().get("/api/v1/assets/" + asset + "/timeline?types=" + type)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
    }
}
