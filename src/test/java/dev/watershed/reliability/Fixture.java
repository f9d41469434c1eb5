package dev.watershed.reliability;

import static dev.watershed.adapter.rest.Api.asAdmin;

import dev.watershed.adapter.rest.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Real objects of every kind a path parameter names, all owned by one team, so that a request built from the
 * OpenAPI document reaches the checks behind the path instead of stopping at a 404. Created through the public API.
 *
 * @param team             the owning team
 * @param editorToken      an EDITOR token of {@code team}
 * @param otherTeam        a team that owns none of these objects
 * @param otherEditorToken an EDITOR token of {@code otherTeam}
 * @param revokedToken     an EDITOR token of {@code team} that was revoked
 * @param spareTokenId     the id of a live token of {@code team}
 * @param producer         a DATASET of {@code team} with contract versions 1.0.0 and 1.1.0, an observation labelled
 *                         {@code training} and a baseline
 * @param consumer         a MODEL of {@code team} that reads {@code /amount} of {@code producer}
 * @param subscriptionId   an email subscription of {@code team} to the producer's publications
 * @param notificationId   a notification in the inbox of {@code team}
 * @param deliveryId       an email delivery to {@code team}
 * @param observationId    the producer's observation
 * @param baselineId       the producer's baseline, made from that observation
 */
record Fixture(
        String team,
        String editorToken,
        String otherTeam,
        String otherEditorToken,
        String revokedToken,
        String spareTokenId,
        String producer,
        String consumer,
        long subscriptionId,
        long notificationId,
        long deliveryId,
        long observationId,
        long baselineId) {

    static final String NDJSON = "application/x-ndjson";

    private static final List<String> CHANNELS = List.of("web", "store");

    /** The producer's contract 1.0.0; 1.1.0 adds an optional {@code note}. */
    static final Map<String, Object> SCHEMA = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "id",
                    Map.of("type", "integer"),
                    "amount",
                    Map.of("type", "number"),
                    "channel",
                    Map.of("type", "string", "enum", CHANNELS)),
            "required",
            List.of("id"));

    static Fixture create() {
        String team = Api.createTeam();
        String otherTeam = Api.createTeam();
        String editor = Api.editorToken(team);
        String otherEditor = Api.editorToken(otherTeam);
        Map<String, Object> revoked = asAdmin()
                .body(Map.of("team", team, "role", "EDITOR", "name", "revoked"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        asAdmin().delete("/api/v1/tokens/" + revoked.get("id")).then().statusCode(204);
        String spareTokenId = asAdmin()
                .body(Map.of("team", team, "role", "EDITOR", "name", "spare"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String producer = asset(team, "DATASET");
        Api.publish(producer, SCHEMA, 201);
        String consumer = asset(team, "MODEL");
        asAdmin()
                .body(Map.of("versionRange", "^1", "fields", List.of("/amount"), "usage", "TRAINING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
        Api.publish(
                producer,
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "id",
                                Map.of("type", "integer"),
                                "amount",
                                Map.of("type", "number"),
                                "channel",
                                Map.of("type", "string", "enum", CHANNELS),
                                "note",
                                Map.of("type", "string")),
                        "required",
                        List.of("id")),
                201);

        long subscriptionId = asAdmin()
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
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long observationId = Api.as(editor)
                .contentType(NDJSON)
                .body(batch(40))
                .post("/api/v1/assets/" + producer + "/validate?label=training")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("observationId");
        long baselineId = Api.as(editor)
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + producer + "/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        // The other team's own training data: its baselines merge only what it recorded itself.
        Api.as(otherEditor)
                .contentType(NDJSON)
                .body(batch(40))
                .post("/api/v1/assets/" + producer + "/validate?label=training")
                .then()
                .statusCode(200);
        // Declaring the dependency told the team (it owns the producer): an inbox row and an email delivery.
        long notificationId = asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
        long deliveryId = asAdmin()
                .get("/api/v1/deliveries?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
        return new Fixture(
                team,
                editor,
                otherTeam,
                otherEditor,
                (String) revoked.get("token"),
                spareTokenId,
                producer,
                consumer,
                subscriptionId,
                notificationId,
                deliveryId,
                observationId,
                baselineId);
    }

    /** NDJSON records that conform to the producer's contract. */
    static byte[] batch(int records) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < records; i++) {
            body.append("{\"id\":")
                    .append(i)
                    .append(",\"amount\":")
                    .append(10 + i % 7 * 1.5)
                    .append(",\"channel\":\"")
                    .append(i % 3 == 0 ? "store" : "web")
                    .append("\"}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The real value for a path parameter of an operation, unencoded.
     *
     * @throws IllegalArgumentException when no object of this fixture fits: extend {@link #create} and this method
     */
    String pathValue(String path, String parameter) {
        return switch (parameter) {
            case "name" ->
                path.startsWith("/api/v1/teams/")
                        ? team
                        : path.endsWith("/dependencies/{producer}") || path.endsWith("/skew") ? consumer : producer;
            case "producer" -> producer;
            case "version", "from" -> "1.0.0";
            case "to" -> "1.1.0";
            case "id" -> String.valueOf(idFor(path));
            default -> throw new IllegalArgumentException(unknown(path, parameter));
        };
    }

    private Object idFor(String path) {
        if (path.startsWith("/api/v1/assets/{name}/baselines/")) {
            return baselineId;
        } else if (path.startsWith("/api/v1/assets/{name}/observations/")) {
            return observationId;
        } else if (path.startsWith("/api/v1/subscriptions/")) {
            return subscriptionId;
        } else if (path.startsWith("/api/v1/notifications/")) {
            return notificationId;
        } else if (path.startsWith("/api/v1/deliveries/")) {
            return deliveryId;
        } else if (path.startsWith("/api/v1/tokens/")) {
            return spareTokenId;
        }
        throw new IllegalArgumentException(unknown(path, "id"));
    }

    private static String unknown(String path, String parameter) {
        return "the reliability Fixture has no object for path parameter {" + parameter + "} of " + path
                + ": create one in Fixture.create() (through the API, owned by the fixture's team) and return it"
                + " from Fixture.pathValue()";
    }

    private static String asset(String team, String kind) {
        String name = Api.unique("reliability.asset");
        asAdmin()
                .body(Map.of("name", name, "kind", kind, "owner", team))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return name;
    }
}
