package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Confluent-compatible API with the bodies, headers and credentials Kafka clients send (the Java serializer's
 * media type, {@code basic.auth.user.info=<anything>:<token>}), and the answers they parse.
 */
@QuarkusTest
class ConfluentApiTest {

    private static final String BASE = "/apis/ccompat/v7";
    private static final String MEDIA = "application/vnd.schemaregistry.v1+json";

    private String team;
    private String token;
    private String topic;

    @BeforeEach
    void aTeamOfProducers() {
        team = Api.createTeam();
        token = Api.editorToken(team);
        topic = Api.unique("orders");
    }

    @Test
    void registeringPublishesAndIsIdempotentAndTheSameSchemaHasOneIdAcrossSubjects() {
        int first = register(topic + "-value", avro("amount", "double", null))
                .then()
                .statusCode(200)
                .contentType(MEDIA)
                .extract()
                .path("id");
        // The subject became an asset owned by the caller's team, with its first contract version.
        given().get("/api/v1/assets/" + topic).then().statusCode(200).body("owner", equalTo(team));
        given().get("/api/v1/assets/" + topic + "/contracts/latest").then().body("version", equalTo("1.0.0"));

        register(topic + "-value", avro("amount", "double", null))
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
        register(topic + "-copy-value", avro("amount", "double", null))
                .then()
                .statusCode(200)
                .body("id", equalTo(first));

        int second = register(topic + "-value", avro("amount", "double", "\"note\""))
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(second).isNotEqualTo(first);

        client().get(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(200)
                .body("", contains(1, 2));
        client().get(BASE + "/subjects/" + topic + "-value/versions/latest")
                .then()
                .statusCode(200)
                .body("subject", equalTo(topic + "-value"))
                .body("version", equalTo(2))
                .body("id", equalTo(second))
                .body("watershedVersion", equalTo("1.1.0"))
                .body("schema", containsString("\"note\""))
                .body("$", not(org.hamcrest.Matchers.hasKey("schemaType")));
        client().get(BASE + "/subjects/" + topic + "-value/versions/1/schema")
                .then()
                .statusCode(200)
                .body("name", equalTo("Order"));
        client().get(BASE + "/schemas/ids/" + first).then().statusCode(200).body("schema", containsString("Order"));
        client().get(BASE + "/schemas/ids/" + first + "/schema")
                .then()
                .statusCode(200)
                .body("name", equalTo("Order"));
        client().get(BASE + "/schemas/ids/" + first + "/subjects")
                .then()
                .body("", hasItem(topic + "-value"))
                .body("", hasItem(topic + "-copy-value"));
        client().get(BASE + "/schemas/ids/" + first + "/versions")
                .then()
                .body("findAll { it.subject == '" + topic + "-value' }.version", contains(1));
        client().get(BASE + "/subjects").then().body("", hasItem(topic + "-value"));

        // Lookup: which version of the subject is this schema?
        client().body(body(avro("amount", "double", null)))
                .post(BASE + "/subjects/" + topic + "-value")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("id", equalTo(first));
    }

    @Test
    void anIncompatibleSchemaIs409NamingTheDifferenceAndTheConsumerItBreaks() {
        register(topic + "-value", avro("amount", "double", null)).then().statusCode(200);
        String consumer = Api.createAsset(team, "MODEL");
        Api.as(token)
                .body(Map.of("fields", List.of("amount")))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + topic)
                .then()
                .statusCode(201);

        String renamed =
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"total\",\"type\":\"double\"}]}";
        register(topic + "-value", renamed)
                .then()
                .statusCode(409)
                .contentType(MEDIA)
                .body("error_code", equalTo(409))
                .body(
                        "message",
                        containsString("incompatible with an earlier schema for subject \"" + topic + "-value\""))
                .body("message", containsString(consumer));

        client().body(body(renamed))
                .post(BASE + "/compatibility/subjects/" + topic + "-value/versions/latest?verbose=true")
                .then()
                .statusCode(200)
                .body("is_compatible", equalTo(false))
                .body("messages", hasItem(containsString(consumer)));
        client().body(body(avro("amount", "double", "\"n\"")))
                .post(BASE + "/compatibility/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(200)
                .body("is_compatible", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("messages")));
        client().body(body(renamed))
                .post(BASE + "/compatibility/subjects/" + topic + "-value/versions/1?verbose=true")
                .then()
                .body("is_compatible", equalTo(false));
    }

    @Test
    void errorsCarryConfluentCodesWithTheirStatus() {
        client().get(BASE + "/subjects/nobody-" + topic + "-value/versions")
                .then()
                .statusCode(404)
                .contentType(MEDIA)
                .body("error_code", equalTo(40401));
        register(topic + "-value", avro("amount", "double", null)).then().statusCode(200);
        client().get(BASE + "/subjects/" + topic + "-value/versions/7")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40402));
        client().get(BASE + "/subjects/" + topic + "-value/versions/seven")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42202));
        client().get(BASE + "/schemas/ids/987654321").then().statusCode(404).body("error_code", equalTo(40403));
        client().body(body(avro("other", "string", null)))
                .post(BASE + "/subjects/" + topic + "-value")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40403));
        register(
                        topic + "-value",
                        "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42201));
        for (String malformed : List.of("", "{", "[1]", "{\"schema\": 5}", "{\"schema\": \"\"}")) {
            client().body(malformed)
                    .post(BASE + "/subjects/" + topic + "-value/versions")
                    .then()
                    .statusCode(422)
                    .contentType(MEDIA)
                    .body("error_code", org.hamcrest.Matchers.oneOf(422, 42201));
        }
        client().body(body(avro("x", "int", null)))
                .post(BASE + "/subjects/" + "s".repeat(300) + "-value/versions")
                .then()
                .statusCode(422)
                .body("message", containsString("1 to 255 characters"));
        Map<String, Object> protobuf = Map.of("schemaType", "PROTOBUF", "schema", "syntax = \"proto3\";");
        client().body(protobuf)
                .post(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42201))
                .body("message", containsString("Protobuf schemas are not supported yet"));
        client().body(Map.of("compatibility", "SIDEWAYS"))
                .put(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42203));
        client().body(Map.of("mode", "READONLY"))
                .put(BASE + "/mode")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42204));
        given().contentType(MEDIA)
                .body(body(avro("x", "int", null)))
                .post(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(401)
                .contentType(MEDIA)
                .body("error_code", equalTo(40101));
        String otherTeam = Api.editorToken(Api.createTeam());
        given().contentType(MEDIA)
                .header("Authorization", basic(otherTeam))
                .body(body(avro("amount", "double", "\"x\"")))
                .post(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(403)
                .body("error_code", equalTo(40301));
    }

    @Test
    void jsonSchemasTooAndConfigIsTheAssetsMode() {
        String json = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";
        int id = client().body(Map.of("schemaType", "JSON", "schema", json))
                .post(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        client().get(BASE + "/schemas/ids/" + id).then().body("schemaType", equalTo("JSON"));
        client().get(BASE + "/schemas/types").then().body("", contains("JSON", "AVRO"));

        client().get(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(200)
                .body("compatibilityLevel", equalTo("BACKWARD"));
        client().body(Map.of("compatibility", "FULL_TRANSITIVE"))
                .put(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(200)
                .body("compatibility", equalTo("FULL_TRANSITIVE"));
        given().get("/api/v1/assets/" + topic).then().body("compatibility", equalTo("FULL_TRANSITIVE"));
        client().delete(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(200)
                .body("compatibilityLevel", equalTo("FULL_TRANSITIVE"));
        client().get(BASE + "/config/" + topic + "-value").then().body("compatibilityLevel", equalTo("BACKWARD"));
        client().get(BASE + "/config").then().statusCode(200).body("compatibilityLevel", equalTo("BACKWARD"));
        client().get(BASE + "/mode").then().statusCode(200).body("mode", equalTo("READWRITE"));
        client().get(BASE + "/mode/" + topic + "-value").then().statusCode(200).body("mode", equalTo("READWRITE"));
        given().contentType(MEDIA)
                .header("Authorization", basic(Api.ADMIN_TOKEN))
                .body(Map.of("mode", "READWRITE"))
                .put(BASE + "/mode")
                .then()
                .statusCode(200)
                .body("mode", equalTo("READWRITE"));
    }

    @Test
    void softDeleteHidesVersionsPermanentDeleteRemovesTheAssetAndIsRefusedWhileConsumersReadIt() {
        register(topic + "-value", avro("amount", "double", null)).then().statusCode(200);
        int id = register(topic + "-value", avro("amount", "double", "\"n\""))
                .then()
                .extract()
                .path("id");

        client().delete(BASE + "/subjects/" + topic + "-value/versions/2")
                .then()
                .statusCode(200)
                .body(equalTo("2"));
        client().get(BASE + "/subjects/" + topic + "-value/versions").then().body("", contains(1));
        client().get(BASE + "/subjects/" + topic + "-value/versions?deleted=true")
                .then()
                .body("", contains(1, 2));
        client().get(BASE + "/schemas/ids/" + id).then().statusCode(200);
        client().delete(BASE + "/subjects/" + topic + "-value/versions/2")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40406));

        client().delete(BASE + "/subjects/" + topic + "-value?permanent=true")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40405));
        client().delete(BASE + "/subjects/" + topic + "-value/versions/1?permanent=true")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40407));
        client().delete(BASE + "/subjects/" + topic + "-value/versions/2?permanent=true")
                .then()
                .statusCode(409)
                .body("message", containsString("keeps every version"));
        String consumer = Api.createAsset(team, "MODEL");
        Api.as(token)
                .body(Map.of())
                .put("/api/v1/assets/" + consumer + "/dependencies/" + topic)
                .then()
                .statusCode(201);
        client().delete(BASE + "/subjects/" + topic + "-value")
                .then()
                .statusCode(200)
                .body("", contains(1, 2));
        client().delete(BASE + "/subjects/" + topic + "-value")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40404));
        client().delete(BASE + "/subjects/" + topic + "-value?permanent=true")
                .then()
                .statusCode(422)
                .body("error_code", equalTo(42206))
                .body("message", containsString(consumer));
        Api.as(token)
                .delete("/api/v1/assets/" + consumer + "/dependencies/" + topic)
                .then()
                .statusCode(204);
        client().delete(BASE + "/subjects/" + topic + "-value?permanent=true")
                .then()
                .statusCode(200)
                .body("", contains(1, 2));
        given().get("/api/v1/assets/" + topic).then().statusCode(404);
    }

    @Test
    void producersRacingToRegisterANewSubjectEndWithOneAssetOneVersionAndOneId() throws Exception {
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return register(topic + "-value", avro("amount", "double", null));
            }));
        }
        start.countDown();
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        client().get(BASE + "/subjects/" + topic + "-value/versions").then().body("", contains(1));
    }

    @Test
    void changesAreTheOwningTeamsAndReadsAreOpen() {
        register(topic + "-value", avro("amount", "double", null)).then().statusCode(200);
        String intruder = basic(Api.editorToken(Api.createTeam()));
        String subject = BASE + "/subjects/" + topic + "-value";
        given().contentType(MEDIA)
                .header("Authorization", intruder)
                .body(Map.of("compatibility", "NONE"))
                .put(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(403)
                .body("error_code", equalTo(40301));
        given().header("Authorization", intruder).delete(subject).then().statusCode(403);
        given().header("Authorization", intruder)
                .delete(subject + "/versions/1")
                .then()
                .statusCode(403);
        given().contentType(MEDIA)
                .body(Map.of("compatibility", "NONE"))
                .put(BASE + "/config/" + topic + "-value")
                .then()
                .statusCode(401);
        client().body(Map.of("compatibility", "NONE"))
                .put(BASE + "/config")
                .then()
                .statusCode(403);
        client().delete(BASE + "/config").then().statusCode(403);
        // What every consumer does at start-up, without credentials.
        given().get(subject + "/versions/latest").then().statusCode(200);
        given().contentType(MEDIA)
                .body(body(avro("amount", "double", null)))
                .post(subject)
                .then()
                .statusCode(200);
        given().get("/api/v1/assets/" + topic + "/contracts").then().statusCode(200);
        given().get("/api/v1/assets/" + topic).then().body("compatibility", equalTo("BACKWARD"));
    }

    @Test
    void anAssetListsTheSubjectsItAnswersToInItsBodyAndInAPlan() {
        String asset = Api.unique("payments.events");
        String subject = "com.example." + topic + ".Payment";
        Api.as(token)
                .body(Map.of("name", asset, "kind", "SOURCE", "owner", team, "subjects", List.of(subject)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .body("subjects", contains(subject));
        register(subject, avro("amount", "double", null)).then().statusCode(200);
        given().get("/api/v1/assets/" + asset + "/contracts/latest").then().body("version", equalTo("1.0.0"));
        client().get(BASE + "/subjects").then().body("", hasItem(subject)).body("", not(hasItem(asset + "-value")));

        // An update that leaves subjects out keeps them; another asset cannot take one.
        Api.as(token)
                .body(Map.of("kind", "SOURCE", "owner", team, "description", "payments"))
                .put("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .body("subjects", contains(subject));
        Api.as(token)
                .body(Map.of(
                        "name", Api.unique("thief"), "kind", "SOURCE", "owner", team, "subjects", List.of(subject)))
                .post("/api/v1/assets")
                .then()
                .statusCode(409)
                .body("code", equalTo("SUBJECT_TAKEN"))
                .body("detail", containsString(asset));

        // Contract files declare them too: the plan says what changes, and apply stores it.
        Map<String, Object> declared =
                Map.of("name", asset, "kind", "SOURCE", "owner", team, "subjects", List.of(subject, asset + "-v2"));
        given().contentType("application/json")
                .body(Map.of("assets", List.of(declared)))
                .post("/api/v1/plans?dryRun=true")
                .then()
                .statusCode(200)
                .body("assets[0].steps", hasItem(containsString("subjects")));
        Api.asAdmin()
                .body(Map.of("assets", List.of(declared)))
                .post("/api/v1/plans")
                .then()
                .statusCode(200);
        register(asset + "-v2", avro("amount", "double", "\"n\"")).then().statusCode(200);
        client().get(BASE + "/subjects/" + asset + "-v2/versions").then().body("", contains(1, 2));
    }

    @Test
    void theGlobalLevelIsTheModeOfAssetsMadeForNewSubjects() {
        RequestSpecification admin = given().contentType(MEDIA).header("Authorization", basic(Api.ADMIN_TOKEN));
        admin.body(Map.of("compatibility", "FULL"))
                .put(BASE + "/config")
                .then()
                .statusCode(200)
                .body("compatibility", equalTo("FULL"));
        try {
            client().get(BASE + "/config").then().body("compatibilityLevel", equalTo("FULL"));
            register(topic + "-value", avro("amount", "double", null)).then().statusCode(200);
            given().get("/api/v1/assets/" + topic).then().body("compatibility", equalTo("FULL"));
        } finally {
            given().header("Authorization", basic(Api.ADMIN_TOKEN))
                    .delete(BASE + "/config")
                    .then()
                    .statusCode(200)
                    .body("compatibilityLevel", equalTo("FULL"));
        }
        client().get(BASE + "/config").then().body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void unknownSubjectsAreRefusedWhenTheTokenHasNoTeamToOwnThem() {
        given().contentType(MEDIA)
                .header("Authorization", basic(Api.ADMIN_TOKEN))
                .body(body(avro("amount", "double", null)))
                .post(BASE + "/subjects/" + topic + "-value/versions")
                .then()
                .statusCode(404)
                .body("error_code", equalTo(40401))
                .body("message", containsString("use a team's token"));
    }

    private io.restassured.response.Response register(String subject, String schema) {
        return client().body(body(schema)).post(BASE + "/subjects/" + subject + "/versions");
    }

    /** As the Java serializer calls: its media type, Basic credentials with the token as the password. */
    private RequestSpecification client() {
        return given().contentType(MEDIA).accept(MEDIA).header("Authorization", basic(token));
    }

    private static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString(("producer:" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> body(String schema) {
        return Map.of("schema", schema);
    }

    private static String avro(String field, String type, String extraFieldDefault) {
        String extra = extraFieldDefault == null
                ? ""
                : ",{\"name\":\"note\",\"type\":\"string\",\"default\":" + extraFieldDefault + "}";
        return "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":[{\"name\":\"" + field
                + "\",\"type\":\"" + type + "\"}" + extra + "]}";
    }
}
