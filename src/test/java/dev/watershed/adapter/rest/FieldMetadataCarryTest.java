package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new version without {@code fields} keeps the latest version's metadata for the fields it still has. */
@QuarkusTest
class FieldMetadataCarryTest {

    private static final Map<String, Object> V1 = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "email", Map.of("type", "string"),
                    "amount", Map.of("type", "number")),
            List.of("id"));
    private static final Map<String, Object> V1_WITH_NOTE = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "email", Map.of("type", "string"),
                    "amount", Map.of("type", "number"),
                    "note", Map.of("type", "string")),
            List.of("id"));
    private static final Map<String, Object> WITHOUT_EMAIL = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "amount", Map.of("type", "number"),
                    "note", Map.of("type", "string"),
                    "country", Map.of("type", "string")),
            List.of("id"));

    private static String assetWithMetadata() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        V1,
                        "fields",
                        Map.of(
                                "email", Map.of("pii", true),
                                "amount", Map.of("description", "Amount in euros", "role", "LABEL"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("fieldsCarried", empty());
        return asset;
    }

    @Test
    void aVersionWithoutFieldsCarriesTheLatestMetadataAndSaysSo() {
        String asset = assetWithMetadata();

        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", V1_WITH_NOTE))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("version", equalTo("1.1.0"))
                .body("fieldsCarried", containsInAnyOrder("/email", "/amount"))
                .body("fieldsDropped", empty())
                .body("fields.'/email'.pii", equalTo(true))
                .body("fields.'/amount'.role", equalTo("LABEL"));

        given().get("/api/v1/assets/" + asset + "/contracts/1.1.0/fields")
                .then()
                .statusCode(200)
                .body("find { it.path == '/email' }.pii", equalTo(true))
                .body("find { it.path == '/amount' }.description", equalTo("Amount in euros"))
                .body("find { it.path == '/amount' }.role", equalTo("LABEL"));
        // A plain read of a version carries no publish report.
        given().get("/api/v1/assets/" + asset + "/contracts/1.1.0")
                .then()
                .statusCode(200)
                .body("fieldsCarried", nullValue());
    }

    @Test
    void metadataOfAFieldTheNewSchemaLacksIsDroppedAndReported() {
        String asset = assetWithMetadata();

        asAdmin()
                .queryParam("dryRun", "true")
                .body(Map.of("format", "JSON_SCHEMA", "schema", WITHOUT_EMAIL))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(200)
                .body("fieldsCarried", contains("/amount"))
                .body("fieldsDropped", contains("/email"));
    }

    @Test
    void explicitFieldsReplaceTheMetadataEvenWhenEmpty() {
        String asset = assetWithMetadata();

        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", V1_WITH_NOTE, "fields", Map.of()))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("fields", anEmptyMap())
                .body("fieldsCarried", empty());
        Map<String, Object> next = new HashMap<>(V1_WITH_NOTE);
        next.put("description", "with a description");
        asAdmin()
                .body(Map.of("format", "JSON_SCHEMA", "schema", next, "fields", Map.of("note", Map.of("pii", true))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201)
                .body("fields.'/note'.pii", equalTo(true))
                .body("fields.'/email'", nullValue());
    }

    @Test
    void aRollbackRestoresTheStoredVersionsMetadataNotTheLatest() {
        String asset = assetWithMetadata();
        asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        V1_WITH_NOTE,
                        "fields",
                        Map.of("note", Map.of("description", "Free text"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);

        asAdmin()
                .body(Map.of("to", "1.0.0"))
                .post("/api/v1/assets/" + asset + "/rollback")
                .then()
                .statusCode(201)
                .body("fields.'/email'.pii", equalTo(true))
                .body("fields.'/amount'.role", equalTo("LABEL"))
                .body("fields.'/note'", nullValue());
    }
}
