package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schemas as users of Confluent Schema Registry and Apicurio wrote them: without {@code $schema} (read as draft-07
 * when 2020-12 does not fit), with a relative {@code $id}, and boolean. Examples in the style of the JSON Schema
 * spec and its test suite.
 */
@QuarkusTest
class JsonSchemaDialectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** A draft-07 tuple: a street address as [number, street name, street type], nothing after. */
    private static final String TUPLE = "{'type': 'array', 'items': [{'type': 'number'}, {'type': 'string'},"
            + " {'enum': ['Street', 'Avenue', 'Boulevard']}], 'additionalItems': false}";

    /** A relative $id, with references both plain and relative to it. */
    private static final String CUSTOMER = "{'$id': 'customer.json', 'type': 'object',"
            + " '$defs': {'name': {'type': 'string', 'minLength': 1}},"
            + " 'properties': {'first': {'$ref': '#/$defs/name'}, 'last': {'$ref': 'customer.json#/$defs/name'}},"
            + " 'required': ['first']}";

    @Inject
    EntityManager em;

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String assetWith(Object schema) {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, schema, 201);
        return asset;
    }

    private static void validates(String asset, String record, int valid, int invalid) {
        given().contentType(ContentType.JSON)
                .body(record.replace('\'', '"'))
                .post("/api/v1/assets/" + asset + "/validate?profile=false")
                .then()
                .statusCode(200)
                .body("valid", equalTo(valid))
                .body("invalid", equalTo(invalid));
    }

    @Test
    void aTupleWithoutSchemaIsPublishedAsDraft07AndValidatesAsATuple() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", json(TUPLE)))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("dialect", equalTo(DRAFT_07))
                .body("dialectSource", equalTo("DETECTED"));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0")
                .then()
                .statusCode(200)
                .body("dialect", equalTo(DRAFT_07))
                .body("dialectSource", equalTo("DETECTED"));

        validates(asset, "[1600, 'Pennsylvania', 'Avenue']", 1, 0);
        validates(asset, "[24, 'Sussex', 'Drive']", 0, 1);
        validates(asset, "[1600, 'Pennsylvania', 'Avenue', 'NW']", 0, 1);
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", json(TUPLE), "record", json("['10', 'Downing']")))
                .post("/api/v1/validate?profile=false")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].path", equalTo("/0"));
    }

    @Test
    void aDryRunAndAStatelessCheckSayWhichDialectTheSchemaIsReadAs() {
        String asset = assetWith(json(TUPLE));
        String widened = TUPLE.replace("'additionalItems': false", "'additionalItems': {'type': 'string'}");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", json(widened)))
                .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(true))
                .body("dialect", equalTo(DRAFT_07))
                .body("dialectSource", equalTo("DETECTED"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD",
                        "schema",
                        json(widened),
                        "previous",
                        List.of(json(TUPLE))))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(true))
                .body("dialect", equalTo(DRAFT_07))
                .body("dialectSource", equalTo("DETECTED"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "BACKWARD",
                        "schema",
                        json("{'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'string'}"),
                        "previous",
                        List.of()))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("dialect", equalTo(DRAFT_2020_12))
                .body("dialectSource", equalTo("DECLARED"));
    }

    @Test
    void aSchemaThatFits202012IsRead202012AndADeclaredOneSaysSo() {
        String detected = assetWith(json("{'type': 'object', 'properties': {'tags': {'type': 'array',"
                + " 'prefixItems': [{'type': 'string'}], 'items': false}}}"));
        given().get("/api/v1/assets/" + detected + "/contracts/latest")
                .then()
                .body("dialect", equalTo(DRAFT_2020_12))
                .body("dialectSource", equalTo("DETECTED"));
        validates(detected, "{'tags': ['a']}", 1, 0);
        validates(detected, "{'tags': ['a', 'b']}", 0, 1);

        String declared =
                assetWith(json("{'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object', 'properties':"
                        + " {'id': {'type': 'string'}}}"));
        given().get("/api/v1/assets/" + declared + "/contracts")
                .then()
                .body("[0].dialect", equalTo(DRAFT_07))
                .body("[0].dialectSource", equalTo("DECLARED"));
    }

    @Test
    void avroContractsHaveNoDialect() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "AVRO",
                        "schema",
                        "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("dialect", nullValue())
                .body("dialectSource", nullValue());
    }

    @Test
    void aVersionStoredBeforeTheDialectWasRecordedReadsAsItWasThen() {
        // dependencies makes a schema without $schema draft-07 now; before V10 every such schema was 2020-12.
        String asset = assetWith(json("{'type': 'object', 'dependencies': {'card': ['billing_address']}}"));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0").then().body("dialect", equalTo(DRAFT_07));

        forgetDialect(asset);

        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0")
                .then()
                .body("dialect", equalTo(DRAFT_2020_12))
                .body("dialectSource", equalTo("DETECTED"));
        validates(asset, "{'card': 1, 'billing_address': 'x'}", 1, 0);
        validates(asset, "{'card': 1}", 0, 1);
    }

    @Transactional
    void forgetDialect(String asset) {
        em.createNativeQuery(
                        "UPDATE contract SET dialect = NULL WHERE asset_id = (SELECT id FROM asset WHERE name = ?1)")
                .setParameter(1, asset)
                .executeUpdate();
        // As a registry upgraded over such a row finds it: nothing read of it before (reads are served from memory
        // until the estate change counter moves, as every write through the registry moves it).
        em.createNativeQuery("UPDATE estate_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
    }

    @Test
    void aRelativeIdPublishesValidatesAndCompares() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", json(CUSTOMER)))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("schema.$id", equalTo("customer.json"))
                .body("dialect", equalTo(DRAFT_2020_12));
        given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/fields")
                .then()
                .statusCode(200)
                .body("path", hasSize(2));

        validates(asset, "{'first': 'Ada', 'last': 'Lovelace'}", 1, 0);
        validates(asset, "{'first': '', 'last': 7}", 0, 1);

        String next = CUSTOMER.replace(
                "'required': ['first']", "'required': ['first'], 'additionalProperties': {'$ref': '#/$defs/name'}");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", json(next)))
                .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("dialect", equalTo(DRAFT_2020_12));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "mode",
                        "NONE",
                        "schema",
                        json(next),
                        "previous",
                        List.of(json(CUSTOMER))))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("dialect", equalTo(DRAFT_2020_12));
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        json(CUSTOMER.replace("'$id': 'customer.json'", "'$id': 'something_else'")
                                .replace("customer.json#", "something_else#"))))
                .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                .then()
                .statusCode(200);
    }

    @Test
    void aRelativeReferenceToADocumentNotSentIsRefusedNotFetched() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        json("{'$id': 'something_else', 'properties': {'address': {'$ref': 'address.json'}}}")))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("REF_NOT_ALLOWED"))
                .body("pointer", equalTo("/schema/properties/address/$ref"));
    }

    @Test
    void booleanSchemasArePublishedListedValidatedAndCompared() {
        String anything = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", true))
                .post("/api/v1/assets/" + anything + "/contracts")
                .then()
                .statusCode(201)
                .body("schema", equalTo(true))
                .body("dialect", equalTo(DRAFT_2020_12))
                .body("dialectSource", equalTo("DETECTED"));
        given().get("/api/v1/assets/" + anything + "/contracts/1.0.0/fields")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        validates(anything, "{'any': ['thing']}", 1, 0);

        String nothing = assetWith(false);
        validates(nothing, "{}", 0, 1);
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", false, "records", List.of(1, "two")))
                .post("/api/v1/validate?profile=false")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(2));

        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", false))
                .post("/api/v1/assets/" + anything + "/contracts?dryRun=true")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("differences[0].kind", equalTo("SCHEMA_NARROWED"))
                .body("dialect", equalTo(DRAFT_2020_12));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "mode", "BACKWARD", "schema", false, "previous", List.of(true)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(false))
                .body("dialect", equalTo(DRAFT_2020_12))
                .body("dialectSource", equalTo("DETECTED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "mode", "BACKWARD", "schema", true, "previous", List.of(false)))
                .post("/api/v1/compatibility")
                .then()
                .statusCode(200)
                .body("compatible", equalTo(true));
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", 42))
                .post("/api/v1/assets/" + anything + "/contracts")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_SCHEMA"));
    }
}
