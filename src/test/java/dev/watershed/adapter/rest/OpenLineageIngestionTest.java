package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * OpenLineage events in, through the public API: from the real Java client (HTTP transport, gzip, api_key), and as
 * raw JSON shaped like the specification's examples.
 */
@QuarkusTest
class OpenLineageIngestionTest {

    private static final URI PRODUCER =
            URI.create("https://github.com/OpenLineage/OpenLineage/tree/1.55.0/client/java");
    private static final String NAMESPACE = "postgres://db.test:5432";
    private static final String WAREHOUSE = "snowflake://" + UUID.randomUUID();

    @TestHTTPResource("/")
    URI server;

    /** A producer asset with a contract (id, amount number, channel string; id and amount required). */
    private record Estate(String team, String producer, String producerTable, String consumer, String consumerTable) {}

    private static Estate estate() {
        String team = Api.createTeam();
        String producer = asset(team, "DATASET");
        String consumer = asset(team, "FEATURE");
        Api.publish(
                producer,
                Api.objectSchema(
                        Map.of(
                                "id", Map.of("type", "string"),
                                "amount", Map.of("type", "number"),
                                "channel", Map.of("type", "string")),
                        List.of("id", "amount")),
                201);
        return new Estate(team, producer, table(producer), consumer, table(consumer));
    }

    private static String table(String asset) {
        return "shop.public." + asset;
    }

    /** An asset known to OpenLineage by the table named after it. */
    private static String asset(String team, String kind) {
        return Api.createAssetKnownAs(team, kind, NAMESPACE, "shop.public.");
    }

    private OpenLineageClient client(String token) {
        HttpConfig config = new HttpConfig();
        // The transport posts to the URL's path when it has one, else to /api/v1/lineage, as Marquez takes them.
        config.setUrl(URI.create(server.getScheme() + "://" + server.getAuthority()));
        config.setCompression(HttpConfig.Compression.GZIP);
        ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
        auth.setApiKey(token);
        config.setAuth(auth);
        return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    }

    @Test
    void theJavaClientReportsARunWhoseFlowBecomesAnObservedEdgeWithTheFieldsColumnLineageNamed() {
        Estate estate = estate();
        OpenLineage ol = new OpenLineage(PRODUCER);
        UUID runId = UUID.randomUUID();
        OpenLineage.Job job =
                ol.newJobBuilder().namespace("etl").name("build_features").build();
        OpenLineage.InputDataset input = ol.newInputDatasetBuilder()
                .namespace(NAMESPACE)
                .name(estate.producerTable())
                .facets(ol.newDatasetFacetsBuilder()
                        .schema(ol.newSchemaDatasetFacet(List.of(
                                ol.newSchemaDatasetFacetFieldsBuilder()
                                        .name("id")
                                        .type("VARCHAR")
                                        .build(),
                                ol.newSchemaDatasetFacetFieldsBuilder()
                                        .name("amount")
                                        .type("DECIMAL(10,2)")
                                        .build())))
                        .build())
                .build();
        OpenLineage.OutputDataset output = ol.newOutputDatasetBuilder()
                .namespace(NAMESPACE)
                .name(estate.consumerTable())
                .facets(ol.newDatasetFacetsBuilder()
                        .columnLineage(ol.newColumnLineageDatasetFacetBuilder()
                                .fields(ol.newColumnLineageDatasetFacetFieldsBuilder()
                                        .put(
                                                "spend",
                                                ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                                        .inputFields(List.of(ol.newInputFieldBuilder()
                                                                .namespace(NAMESPACE)
                                                                .name(estate.producerTable())
                                                                .field("amount")
                                                                .build()))
                                                        .build())
                                        .build())
                                .build())
                        .build())
                .build();
        OpenLineageClient client = client(Api.editorToken(Api.createTeam()));
        client.emit(ol.newRunEventBuilder()
                .eventType(OpenLineage.RunEvent.EventType.START)
                .eventTime(ZonedDateTime.now())
                .run(ol.newRunBuilder().runId(runId).build())
                .job(job)
                .inputs(List.of(input))
                .outputs(List.of())
                .build());
        client.emit(ol.newRunEventBuilder()
                .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
                .eventTime(ZonedDateTime.now())
                .run(ol.newRunBuilder().runId(runId).build())
                .job(job)
                .inputs(List.of())
                .outputs(List.of(output))
                .build());

        JsonPath lineage = given().get("/api/v1/lineage/" + estate.consumer() + "?direction=upstream&depth=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> edge = lineage.getMap("edges.find { it.from == '" + estate.producer() + "' }");
        assertThat(edge).containsEntry("provenance", List.of("OBSERVED")).containsEntry("versionRange", null);
        assertThat(edge.get("jobs")).isEqualTo(List.of(Map.of("namespace", "etl", "name", "build_features")));
        assertThat(lineage.getInt("edges.find { it.from == '" + estate.producer() + "' }.observed.runs"))
                .isEqualTo(1);
        assertThat(lineage.getList("edges.find { it.from == '" + estate.producer() + "' }.observed.fieldsRead"))
                .containsExactly("/amount");

        // Impact lists the reader runs showed, field-precise, apart from the declared ones.
        given().get("/api/v1/assets/" + estate.producer() + "/impact?fields=/amount")
                .then()
                .statusCode(200)
                .body("impacted", equalTo(List.of()))
                .body("observedOnly.name", equalTo(List.of(estate.consumer())))
                .body("observedOnly[0].jobs[0].name", equalTo("build_features"));
        given().get("/api/v1/assets/" + estate.producer() + "/impact?fields=/channel")
                .then()
                .body("observedOnly", equalTo(List.of()));

        asAdmin()
                .body(Map.of("fields", List.of("/amount")))
                .put("/api/v1/assets/" + estate.consumer() + "/dependencies/" + estate.producer())
                .then()
                .statusCode(201);
        given().get("/api/v1/lineage/" + estate.consumer() + "?direction=upstream&depth=1")
                .then()
                .statusCode(200)
                .body(
                        "edges.find { it.from == '" + estate.producer() + "' }.provenance",
                        equalTo(List.of("DECLARED", "OBSERVED")));
        given().get("/api/v1/assets/" + estate.producer() + "/impact")
                .then()
                .body("impacted.name", equalTo(List.of(estate.consumer())))
                .body("observedOnly", equalTo(List.of()));
    }

    @Test
    void theSameEventTwiceIsStoredAndCountedOnce() {
        Estate estate = estate();
        String event = runEvent("COMPLETE", UUID.randomUUID(), estate.producerTable(), estate.consumerTable(), "");
        String token = Api.editorToken(estate.team());
        Api.as(token).body(event).post("/api/v1/lineage").then().statusCode(201).body("replayed", equalTo(false));
        Api.as(token).body(event).post("/api/v1/lineage").then().statusCode(200).body("replayed", equalTo(true));

        given().get("/api/v1/lineage/" + estate.consumer() + "?direction=upstream&depth=1")
                .then()
                .statusCode(200)
                .body("edges.find { it.from == '" + estate.producer() + "' }.observed.runs", equalTo(1));
    }

    @Test
    void sixteenRunsReportedAtOnceAreEachStoredAndCounted() throws Exception {
        Estate estate = estate();
        String token = Api.editorToken(estate.team());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String event =
                        runEvent("COMPLETE", UUID.randomUUID(), estate.producerTable(), estate.consumerTable(), "");
                statuses.add(pool.submit(() -> Api.as(token)
                        .body(event)
                        .post("/api/v1/lineage")
                        .then()
                        .extract()
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/lineage/" + estate.consumer() + "?direction=upstream&depth=1")
                .then()
                .statusCode(200)
                .body("edges.find { it.from == '" + estate.producer() + "' }.observed.runs", equalTo(16));
    }

    @Test
    void aDatasetNoAssetDeclaresIsListedUntilAnAssetAdoptsIt() {
        Estate estate = estate();
        String unknown = "warehouse.raw." + Api.unique("clicks");
        Api.as(Api.editorToken(estate.team()))
                .body(runEvent("COMPLETE", UUID.randomUUID(), unknown, estate.consumerTable(), "")
                        .replace(
                                "\"namespace\": \"" + NAMESPACE + "\", \"name\": \"" + unknown,
                                "\"namespace\": \"" + WAREHOUSE + "\", \"name\": \"" + unknown))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets.find { it.name == '" + unknown + "' }.asset", equalTo(null));

        JsonPath unmatched = given().get("/api/v1/lineage/datasets?matched=false&namespace=" + WAREHOUSE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(unmatched.getList("datasets.name")).containsExactly(unknown);
        assertThat(given().get("/api/v1/lineage/datasets?matched=false&namespace=" + NAMESPACE)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("datasets.name"))
                .doesNotContain(estate.consumerTable());
        assertThat(unmatched.getList("datasets.find { it.name == '" + unknown + "' }.jobs.name"))
                .containsExactly("load");
        assertThat(unmatched.getString("datasets.find { it.name == '" + unknown + "' }.firstSeen"))
                .isEqualTo("2026-06-01T10:00:00Z");

        String adopted = Api.unique("ol.adopted");
        asAdmin()
                .body(Map.of(
                        "name",
                        adopted,
                        "kind",
                        "SOURCE",
                        "owner",
                        estate.team(),
                        "lineageIds",
                        List.of(Map.of("namespace", WAREHOUSE, "name", unknown))))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        given().get("/api/v1/lineage/datasets?matched=false&namespace=" + WAREHOUSE)
                .then()
                .body("datasets.name", not(hasItem(unknown)));
        given().get("/api/v1/lineage/datasets?matched=true&namespace=" + WAREHOUSE)
                .then()
                .body("datasets.find { it.name == '" + unknown + "' }.asset", equalTo(adopted));
        // The history seen before the adoption now maps to the asset.
        given().get("/api/v1/lineage/" + adopted + "?direction=downstream&depth=1")
                .then()
                .body("edges.find { it.to == '" + estate.consumer() + "' }.provenance", equalTo(List.of("OBSERVED")));
    }

    @Test
    void aSymlinkOfADeclaredIdentifierMatchesTheAsset() {
        Estate estate = estate();
        String path = "s3://lake/" + Api.unique("orders");
        String event = """
                {"eventType": "COMPLETE", "eventTime": "2026-06-01T10:00:00Z",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "copy"},
                 "inputs": [{"namespace": "s3://lake", "name": "%s",
                             "facets": {"symlinks": {"identifiers": [
                                 {"namespace": "%s", "name": "%s", "type": "TABLE"}]}}}],
                 "outputs": [{"namespace": "%s", "name": "%s"}],
                 "producer": "%s", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}
                """.formatted(
                        UUID.randomUUID(),
                        path,
                        NAMESPACE,
                        estate.producerTable(),
                        NAMESPACE,
                        estate.consumerTable(),
                        PRODUCER);
        Api.as(Api.editorToken(estate.team()))
                .body(event)
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets.find { it.name == '" + path + "' }.asset", equalTo(estate.producer()));
    }

    @Test
    void aRunWithoutSchemaFacetChangesNothingAndAnOptionalFieldAddedIsRecordedWithoutAlarm() {
        Estate estate = estate();
        String token = Api.editorToken(estate.team());
        Api.as(token)
                .body(runEvent("START", UUID.randomUUID(), estate.consumerTable(), estate.producerTable(), ""))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets.find { it.name == '" + estate.producerTable() + "' }.schema", equalTo("NOT_REPORTED"));
        String extended = schemaFacet("""
                {"name": "id", "type": "VARCHAR"}, {"name": "amount", "type": "DOUBLE"},
                {"name": "coupon", "type": "VARCHAR"}""");
        Api.as(token)
                .body(runEvent("COMPLETE", UUID.randomUUID(), estate.consumerTable(), estate.producerTable(), extended))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets.find { it.name == '" + estate.producerTable() + "' }.schema", equalTo("EXTENDS"))
                .body(
                        "datasets.find { it.name == '" + estate.producerTable() + "' }.addedFields",
                        equalTo(List.of("/coupon")));
        asAdmin()
                .get("/api/v1/notifications?team=" + estate.team())
                .then()
                .statusCode(200)
                .body("type", not(hasItem("contract.violated")));
    }

    @Test
    void aViolationReachesTheOwnerAndTheReadersOfTheFieldAndNoOneElse() {
        Estate estate = estate();
        String amountTeam = Api.createTeam();
        String amountReader = asset(amountTeam, "FEATURE");
        String channelTeam = Api.createTeam();
        String channelReader = asset(channelTeam, "FEATURE");
        declare(amountReader, estate.producer(), "/amount");
        declare(channelReader, estate.producer(), "/channel");
        String broken = schemaFacet("""
                {"name": "id", "type": "VARCHAR"}, {"name": "amount", "type": "VARCHAR"},
                {"name": "channel", "type": "VARCHAR"}""");
        String event = runEvent("COMPLETE", UUID.randomUUID(), "raw.orders", estate.producerTable(), broken);

        Api.as(Api.editorToken(estate.team()))
                .body(event)
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets.find { it.name == '" + estate.producerTable() + "' }.schema", equalTo("VIOLATES"))
                .body(
                        "datasets.find { it.name == '" + estate.producerTable() + "' }.violations[0].kind",
                        equalTo("TYPE_CHANGED"))
                .body(
                        "datasets.find { it.name == '" + estate.producerTable() + "' }.violations[0].field",
                        equalTo("/amount"));

        assertThat(violationsFor(estate.team())).hasSize(1);
        JsonPath owner = asAdmin()
                .get("/api/v1/notifications?team=" + estate.team())
                .then()
                .extract()
                .jsonPath();
        assertThat(owner.getString("find { it.type == 'contract.violated' }.data.job.name"))
                .isEqualTo("load");
        assertThat(violationsFor(amountTeam)).hasSize(1);
        assertThat(violationsFor(channelTeam)).isEmpty();
        asAdmin()
                .get("/api/v1/assets/" + estate.producer() + "/timeline")
                .then()
                .statusCode(200)
                .body("entries.type", hasItem("contract.violated"));

        // The same broken schema in the next run is the same violation: not announced again.
        Api.as(Api.editorToken(estate.team()))
                .body(runEvent("COMPLETE", UUID.randomUUID(), "raw.orders", estate.producerTable(), broken))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201);
        assertThat(violationsFor(estate.team())).hasSize(1);
    }

    private static List<Object> violationsFor(String team) {
        return asAdmin()
                .get("/api/v1/notifications?team=" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.type == 'contract.violated' }");
    }

    private static void declare(String consumer, String producer, String field) {
        asAdmin()
                .body(Map.of("fields", List.of(field)))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
    }

    @Test
    void aMalformedEventIsRefusedNamingThePath() {
        String token = Api.editorToken(Api.createTeam());
        Api.as(token)
                .body("{\"run\": {\"runId\": \"r\"}, \"job\": {\"namespace\": \"a\", \"name\": \"b\"}}")
                .post("/api/v1/lineage")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("pointer", equalTo("/eventTime"));
        Api.as(token)
                .body(runEvent("COMPLETE", UUID.randomUUID(), "a", "b", "")
                        .replace("\"inputs\": [", "\"inputs\": [7, "))
                .post("/api/v1/lineage")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/inputs/0"));
        Api.as(token)
                .body(runEvent("DONE", UUID.randomUUID(), "a", "b", ""))
                .post("/api/v1/lineage")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/eventType"));
        Api.as(token)
                .body(runEvent("COMPLETE", UUID.randomUUID(), "a", "b", "")
                        .replace("\"name\": \"b\"", "\"name\": \"  \""))
                .post("/api/v1/lineage")
                .then()
                .statusCode(422)
                .body("pointer", equalTo("/outputs/0/name"));
        Api.as(token)
                .body("{\"eventTime\": ")
                .post("/api/v1/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void customFacetsAreAcceptedUnread() {
        Estate estate = estate();
        String event = runEvent("COMPLETE", UUID.randomUUID(), estate.producerTable(), estate.consumerTable(), "")
                .replace(
                        "\"run\": {", "\"run\": {\"facets\": {\"acme_cost\": {\"_producer\": \"x\", \"dollars\": 3}},");
        Api.as(Api.editorToken(estate.team()))
                .body(event)
                .post("/api/v1/lineage")
                .then()
                .statusCode(201);
    }

    @Test
    void gzipIsDecodedWithABoundAndOtherEncodingsAndUnauthenticatedCallersAreRefused() throws IOException {
        String token = Api.editorToken(Api.createTeam());
        byte[] event = gzip(runEvent("START", UUID.randomUUID(), "a", "b", "").getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Bearer " + token)
                .header("Content-Encoding", "gzip")
                .contentType(ContentType.JSON)
                .body(event)
                .post("/api/v1/lineage")
                .then()
                .statusCode(201);
        // 6 MB of spaces inflate past watershed.lineage.max-event-bytes (5 MiB) from a few kilobytes.
        byte[] bomb = gzip(("{\"a\": \"" + " ".repeat(6_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(100_000);
        given().header("Authorization", "Bearer " + token)
                .header("Content-Encoding", "gzip")
                .contentType(ContentType.JSON)
                .body(bomb)
                .post("/api/v1/lineage")
                .then()
                .statusCode(413)
                .body("code", equalTo("LINEAGE_EVENT_TOO_LARGE"));
        given().header("Authorization", "Bearer " + token)
                .header("Content-Encoding", "gzip")
                .contentType(ContentType.JSON)
                .body("not gzip at all")
                .post("/api/v1/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNDECODABLE_BODY"));
        given().header("Authorization", "Bearer " + token)
                .header("Content-Encoding", "br")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/lineage")
                .then()
                .statusCode(415);
        given().contentType(ContentType.JSON)
                .body(runEvent("START", UUID.randomUUID(), "a", "b", ""))
                .post("/api/v1/lineage")
                .then()
                .statusCode(401);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** A schema facet with these fields, as the specification's SchemaDatasetFacet example writes one. */
    private static String schemaFacet(String fields) {
        return """
                , "facets": {"schema": {
                    "_producer": "https://github.com/OpenLineage/OpenLineage/blob/v1-0-0/client",
                    "_schemaURL": "https://openlineage.io/spec/facets/1-0-0/SchemaDatasetFacet.json",
                    "fields": [%s]}}""".formatted(fields);
    }

    /**
     * A run event in the shape of the specification's getting-started example, job {@code etl/load}, reading one
     * table and writing another, at a fixed time.
     *
     * @param outputFacets appended to the output dataset, e.g. {@link #schemaFacet}
     */
    private static String runEvent(String type, UUID runId, String input, String output, String outputFacets) {
        return """
                {"eventType": "%s", "eventTime": "2026-06-01T10:00:00Z",
                 "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "load"},
                 "inputs": [{"namespace": "%s", "name": "%s"}],
                 "outputs": [{"namespace": "%s", "name": "%s"%s}],
                 "producer": "https://github.com/OpenLineage/OpenLineage/blob/v1-0-0/client",
                 "schemaURL": "https://openlineage.io/spec/1-0-5/OpenLineage.json#/definitions/RunEvent"}
                """.formatted(type, runId, NAMESPACE, input, NAMESPACE, output, outputFacets);
    }
}
