package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidationResourceTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final Map<String, Object> ORDER = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "amount", Map.of("type", "number", "minimum", 0),
                    "lines",
                            Map.of(
                                    "type",
                                    "array",
                                    "items",
                                    Map.of(
                                            "type",
                                            "object",
                                            "properties",
                                            Map.of("sku", Map.of("type", "string", "pattern", "^SKU-[0-9]+$"))))),
            List.of("id"));
    private static final String AVRO_SCHEMA = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

    private static String assetWith(Object schema) {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        Api.publish(asset, schema, 201);
        return asset;
    }

    private static String avroAsset() {
        String asset = Api.createAsset(Api.createTeam(), "SOURCE");
        asAdmin()
                .body(Map.of("format", "AVRO", "schema", AVRO_SCHEMA))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        return asset;
    }

    @Test
    void oneValidJsonRecord() {
        String asset = assetWith(ORDER);
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"o1\",\"amount\":3.5}")
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("asset", equalTo(asset))
                .body("version", equalTo("1.0.0"))
                .body("total", equalTo(1))
                .body("valid", equalTo(1))
                .body("invalid", equalTo(0))
                .body("errors", hasSize(0))
                .body("errorSummary", hasSize(0))
                .body("profile.records", equalTo(1))
                .body("profile.fields.'/amount'.numbers.max", equalTo(3.5f));
    }

    @Test
    void oneInvalidJsonRecordReportsPointersAndKeywords() {
        String asset = assetWith(ORDER);
        given().contentType(ContentType.JSON)
                .body("{\"amount\":-1,\"lines\":[{\"sku\":\"SKU-1\"},{\"sku\":\"bad\"}]}")
                .post("/api/v1/assets/" + asset + "/validate?version=1.0.0")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("invalid", equalTo(1))
                .body("errorCount", equalTo(3))
                .body("errors.path", org.hamcrest.Matchers.containsInAnyOrder("", "/amount", "/lines/1/sku"))
                .body("errors.keyword", org.hamcrest.Matchers.containsInAnyOrder("required", "minimum", "pattern"))
                .body("errors.record", equalTo(List.of(0, 0, 0)))
                .body("errorSummary.find { it.path == '/lines/*/sku' }.count", equalTo(1));
    }

    @Test
    void ndjsonWithAMalformedLineGoesOn() {
        String asset = assetWith(ORDER);
        String body = "{\"id\":\"a\"}\n{not json\n\n{\"id\":\"c\",\"amount\":-2}\n{\"id\":\"d\"}\n";
        given().contentType(NDJSON)
                .body(bytes(body))
                .post("/api/v1/assets/" + asset + "/validate?profile=false")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("valid", equalTo(2))
                .body("invalid", equalTo(2))
                .body("errors[0].record", equalTo(1))
                .body("errors[0].path", equalTo(""))
                .body("errors[0]", not(hasKey("keyword")))
                .body("errors[0].message", containsString("malformed JSON"))
                .body("errors[1].record", equalTo(2))
                .body("errors[1].path", equalTo("/amount"))
                .body("$", not(hasKey("profile")));
    }

    @Test
    void errorsAreCappedWhileCountsStayExact() {
        String asset = assetWith(ORDER);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            body.append("{\"amount\":-1}\n");
        }
        given().contentType(NDJSON)
                .body(bytes(body.toString()))
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("total", equalTo(250))
                .body("invalid", equalTo(250))
                .body("errorCount", equalTo(500))
                .body("errors", hasSize(100))
                .body("errorsTruncated", equalTo(true))
                .body("errorSummary.find { it.path == '/amount' }.count", equalTo(250))
                .body("errorSummary.find { it.keyword == 'required' }.count", equalTo(250))
                .body("profile.records", equalTo(250));
    }

    @Test
    void avroContainerFile() throws IOException {
        String asset = avroAsset();
        Schema schema = new Schema.Parser().parse(AVRO_SCHEMA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, out);
            for (int i = 0; i < 30; i++) {
                GenericRecord record = new GenericData.Record(schema);
                record.put("id", "p" + i);
                record.put("amount", i * 1.5);
                record.put("note", i % 2 == 0 ? null : "n" + i);
                writer.append(record);
            }
        }
        given().contentType("application/avro")
                .body(out.toByteArray())
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("total", equalTo(30))
                .body("valid", equalTo(30))
                .body("profile.fields.'/amount'.numbers.count", equalTo(30))
                .body("profile.fields.'/note'.nulls", equalTo(15));
        given().contentType("application/avro")
                .body("not avro".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(422)
                .body("code", equalTo("UNREADABLE_BATCH"));
    }

    @Test
    void avroJsonEncodingAsNdjson() {
        String asset = avroAsset();
        String body = "{\"id\":\"a\",\"amount\":1.0,\"note\":{\"string\":\"x\"}}\n"
                + "{\"id\":\"b\",\"amount\":2.0,\"note\":null}\n"
                + "{\"id\":\"c\",\"amount\":\"three\"}\n";
        given().contentType(NDJSON)
                .body(bytes(body))
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("valid", equalTo(2))
                .body("errors[0].record", equalTo(2))
                .body("errors[0].path", equalTo("/amount"))
                .body("errors[0].keyword", equalTo("type"));
    }

    @Test
    void avroFileAgainstAJsonSchemaContractIsUnsupported() {
        String asset = assetWith(ORDER);
        given().contentType("application/avro")
                .body(new byte[] {1, 2, 3})
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        String asset = assetWith(ORDER);
        given().contentType("text/csv")
                .body("id\n1\n")
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownAssetVersionOrNoContractIs404() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/assets/no.such.asset/validate")
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        String asset = assetWith(ORDER);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/assets/" + asset + "/validate?version=9.9.9")
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
        String empty = Api.createAsset(Api.createTeam(), "SOURCE");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/assets/" + empty + "/validate")
                .then()
                .statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"))
                .body("detail", containsString("no contract yet"));
    }

    @Test
    void statelessWithOneRecordOrMany() {
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", ORDER, "record", Map.of("id", 5)))
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("asset", nullValue())
                .body("version", nullValue())
                .body("total", equalTo(1))
                .body("invalid", equalTo(1))
                .body("errors[0].path", equalTo("/id"))
                .body("errors[0].keyword", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        ORDER,
                        "records",
                        List.of(Map.of("id", "a"), Map.of("amount", 1), Map.of("id", "c"))))
                .post("/api/v1/validate?profile=false")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("valid", equalTo(2))
                .body("errors[0].record", equalTo(1))
                .body("errors[0].keyword", equalTo("required"))
                .body("$", not(hasKey("profile")));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", ORDER))
                .post("/api/v1/validate")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_INPUT"));
    }

    @Test
    void statelessHonoursDraftAndFormatAssertions() {
        Map<String, Object> draft7 = Map.of(
                "$schema",
                "http://json-schema.org/draft-07/schema#",
                "type",
                "object",
                "properties",
                Map.of("mail", Map.of("type", "string", "format", "email")),
                "dependencies",
                Map.of("mail", List.of("name")));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", draft7, "record", Map.of("mail", "nope")))
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("errors.keyword", org.hamcrest.Matchers.containsInAnyOrder("format", "dependencies"));
    }

    @Test
    void remoteRefsAreNotFetched() {
        Map<String, Object> remote = Map.of("$ref", "https://schemas.example.org/order.json");
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", remote, "record", Map.of()))
                .post("/api/v1/validate")
                .then()
                .statusCode(422);
    }

    @Test
    void tooManyRecordsIs413() {
        String asset = assetWith(Map.of());
        // The test profile allows 1,000,000 records per request.
        byte[] body = "1\n".repeat(1_000_001).getBytes(StandardCharsets.US_ASCII);
        given().contentType(NDJSON)
                .body(body)
                .post("/api/v1/assets/" + asset + "/validate?profile=false")
                .then()
                .statusCode(413)
                .body("code", equalTo("BATCH_TOO_LARGE"));
    }

    @Test
    void tooDeepRecordIs422AndTooLargeIs413() {
        String asset = assetWith(Map.of());
        String deep = "[".repeat(100) + "]".repeat(100);
        given().contentType(ContentType.JSON)
                .body(deep)
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(422)
                .body("code", equalTo("RECORD_TOO_DEEP"));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "JSON_SCHEMA", "schema", Map.of(), "records", List.of(1, nest(80))))
                .post("/api/v1/validate")
                .then()
                .statusCode(422)
                .body("code", equalTo("RECORD_TOO_DEEP"))
                .body("pointer", equalTo("/records/1"));
        String large = "\"" + "x".repeat(1 << 20) + "\"";
        given().contentType(ContentType.JSON)
                .body(large)
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(413)
                .body("code", equalTo("RECORD_TOO_LARGE"));
        given().contentType(ContentType.JSON)
                .body("{\"a\":")
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_RECORD"));
    }

    private static Object nest(int depth) {
        Object value = List.of();
        for (int i = 1; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    @Test
    void catastrophicBacktrackingPatternAnswersQuickly() {
        Map<String, Object> evil =
                Map.of("type", "object", "properties", Map.of("s", Map.of("type", "string", "pattern", "^(a+)+$")));
        String asset = assetWith(evil);
        String record = "{\"s\":\"" + "a".repeat(5_000) + "!\"}";
        long start = System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(record)
                .post("/api/v1/assets/" + asset + "/validate")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].keyword", equalTo("pattern"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void observationsAreRecordedWithLabelAndFilteredByTime() {
        String asset = assetWith(ORDER);
        String token = Api.editorToken(Api.createTeam());
        given().contentType(NDJSON)
                .body(bytes("{\"id\":\"a\"}\n"))
                .post("/api/v1/assets/" + asset + "/validate?label=x")
                .then()
                .statusCode(401);
        String before = java.time.Instant.now().minusSeconds(1).toString();
        Number id = given().contentType(NDJSON)
                .header("Authorization", "Bearer " + token)
                .body(bytes("{\"id\":\"a\",\"amount\":1}\n{\"id\":\"b\",\"amount\":2}\n{\"amount\":3}\n"))
                .post("/api/v1/assets/" + asset + "/validate?label=training")
                .then()
                .statusCode(200)
                .body("observationId", notNullValue())
                .extract()
                .path("observationId");
        asAdmin()
                .contentType(NDJSON)
                .body(bytes("{\"id\":\"z\"}\n"))
                .post("/api/v1/assets/" + asset + "/validate?record=true&profile=false")
                .then()
                .statusCode(200);
        String after = java.time.Instant.now().plusSeconds(1).toString();

        given().get("/api/v1/assets/" + asset + "/observations")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].label", nullValue())
                .body("[0].profile", nullValue());
        given().get("/api/v1/assets/" + asset + "/observations?label=training&from=" + before + "&to=" + after)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id.intValue()))
                .body("[0].asset", equalTo(asset))
                .body("[0].version", equalTo("1.0.0"))
                .body("[0].total", equalTo(3))
                .body("[0].valid", equalTo(2))
                .body("[0].invalid", equalTo(1))
                .body("[0].profile.fields.'/amount'.numbers.count", equalTo(3));
        given().get("/api/v1/assets/" + asset + "/observations?to=" + before)
                .then()
                .body("", hasSize(0));
        given().get("/api/v1/assets/" + asset + "/observations?from=" + after)
                .then()
                .body("", hasSize(0));
        given().get("/api/v1/assets/" + asset + "/observations/" + id)
                .then()
                .statusCode(200)
                .body("label", equalTo("training"))
                .body("profile.records", equalTo(3));
        given().get("/api/v1/assets/" + asset + "/observations/999999999")
                .then()
                .statusCode(404)
                .body("code", equalTo("OBSERVATION_NOT_FOUND"));
        given().get("/api/v1/assets/" + asset + "/observations?from=yesterday")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("from"));
    }

    @Test
    void streamedBatchesAreExemptFromTheBodyLimitButJsonIsNot() {
        String asset = assetWith(Map.of());
        String line = "{\"p\":\"" + "x".repeat(1_000) + "\"}\n";
        byte[] seventeenMiB = bytes(line.repeat((17 << 20) / line.length() + 1));
        given().contentType(NDJSON)
                .body(seventeenMiB)
                .post("/api/v1/assets/" + asset + "/validate?profile=false")
                .then()
                .statusCode(200)
                .body("valid", equalTo((17 << 20) / line.length() + 1));
        given().contentType(ContentType.JSON)
                .body(seventeenMiB)
                .post("/api/v1/validate")
                .then()
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
