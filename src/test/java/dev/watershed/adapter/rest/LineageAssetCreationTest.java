package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code watershed.lineage.create-assets}: a dataset no asset declares becomes an asset of the configured team. */
@QuarkusTest
@TestProfile(LineageAssetCreationTest.CreateAssets.class)
class LineageAssetCreationTest {

    static final String OWNER = "lineage-adopters";

    public static class CreateAssets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("watershed.lineage.create-assets", "true", "watershed.lineage.asset-owner", OWNER);
        }
    }

    @Test
    void anUnknownDatasetBecomesAnAssetOfTheConfiguredTeamDeclaringIt() {
        asAdmin().body(Map.of("name", OWNER, "email", "adopters@example.org")).post("/api/v1/teams");
        String namespace = "s3://" + UUID.randomUUID();
        String event = """
                {"eventType": "COMPLETE", "eventTime": "2026-06-01T10:00:00Z",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "ingest"},
                 "inputs": [{"namespace": "%s", "name": "Raw/Clicks 2026"}], "outputs": []}
                """.formatted(UUID.randomUUID(), namespace);
        asAdmin()
                .body(event)
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets[0].asset", equalTo("raw-clicks-2026"));

        given().get("/api/v1/assets/raw-clicks-2026")
                .then()
                .statusCode(200)
                .body("owner", equalTo(OWNER))
                .body("kind", equalTo("DATASET"))
                .body("lineageIds[0].namespace", equalTo(namespace));
        given().get("/api/v1/lineage/datasets?matched=false&namespace=" + namespace)
                .then()
                .body("datasets.name", not(hasItem("Raw/Clicks 2026")));

        // Another dataset of the same name elsewhere gets the name with a hash of its identity.
        asAdmin()
                .body(event.replace(namespace, namespace + "-b").replace("\"runId\": \"", "\"runId\": \"b"))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201)
                .body("datasets[0].asset", startsWith("raw-clicks-2026-"));
    }
}
