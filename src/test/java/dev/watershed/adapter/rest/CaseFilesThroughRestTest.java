package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The stateless check, a dry run and a publish give the same verdict for the same change: every case of the keyword
 * and combined-type case files the domain tests run ({@code src/test/resources/compatibility}) goes through the
 * stateless check and a dry run under BACKWARD and FORWARD, and a publish under BACKWARD, and each must answer what
 * the case file says.
 */
@QuarkusTest
class CaseFilesThroughRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES =
            List.of("json-schema-keyword-cases.json", "json-schema-combined-cases.json");
    private static final List<String> MODES = List.of("BACKWARD", "FORWARD");

    @TestFactory
    Stream<DynamicTest> everyPathGivesTheCaseFileVerdict() throws IOException {
        String team = Api.createTeam();
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode testCase : load(file)) {
                if (!testCase.has("previous")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(
                        file + ": " + testCase.get("name").asText(), () -> run(testCase, team)));
            }
        }
        return tests.stream();
    }

    private static void run(JsonNode testCase, String team) {
        boolean strict = testCase.path("strict").asBoolean(false);
        JsonNode previous = testCase.get("previous");
        JsonNode next = testCase.get("new");
        for (String mode : MODES) {
            boolean expected = testCase.get("verdicts").get(mode).asBoolean();
            boolean stateless = given().contentType("application/json")
                    .body(Map.of(
                            "format", "JSON_SCHEMA",
                            "mode", mode,
                            "strict", strict,
                            "schema", next,
                            "previous", List.of(previous)))
                    .post("/api/v1/compatibility")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("compatible");
            assertThat(stateless).as("%s stateless check", mode).isEqualTo(expected);

            String asset = assetWith(team, mode, strict);
            try {
                Api.publish(asset, previous, 201);
                boolean dryRun = asAdmin()
                        .body(Map.of("format", "JSON_SCHEMA", "schema", next))
                        .post("/api/v1/assets/" + asset + "/contracts?dryRun=true")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("compatible");
                assertThat(dryRun).as("%s dry run", mode).isEqualTo(expected);
                if (mode.equals("BACKWARD")) {
                    int published = asAdmin()
                            .body(Map.of("format", "JSON_SCHEMA", "schema", next))
                            .post("/api/v1/assets/" + asset + "/contracts")
                            .then()
                            .extract()
                            .statusCode();
                    assertThat(published).as("%s publish", mode).isIn(expected ? List.of(200, 201) : List.of(409));
                }
            } finally {
                // hundreds of assets would crowd the catalog other tests read
                asAdmin().delete("/api/v1/assets/" + asset).then().statusCode(204);
            }
        }
    }

    private static String assetWith(String team, String mode, boolean strict) {
        String asset = Api.unique("cases.through-rest");
        asAdmin()
                .body(Map.of(
                        "name", asset,
                        "kind", "SOURCE",
                        "owner", team,
                        "compatibility", mode,
                        "strictCompatibility", strict))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return asset;
    }

    private static JsonNode load(String file) throws IOException {
        try (InputStream in = CaseFilesThroughRestTest.class.getResourceAsStream("/compatibility/" + file)) {
            assertThat(in).as("case file %s", file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
