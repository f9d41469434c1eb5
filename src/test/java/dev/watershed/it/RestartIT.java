package dev.watershed.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged registry as a user would, from a directory of its own, on the embedded H2 file: the first start
 * creates an admin token and loads the examples packaged with it; what is written survives a restart.
 */
@DisabledIfEnvironmentVariable(
        named = "QUARKUS_DATASOURCE_DB_KIND",
        matches = "(?!h2).*",
        disabledReason = "this test is about the embedded H2 default; the jar is built for another database")
class RestartIT {

    @TempDir
    Path workDir;

    @Test
    void firstStartThenDataSurvivesARestart() throws Exception {
        Path dataDir = workDir.resolve("data");
        // No examples directory: started from a directory of its own, the jar loads the estate packaged with it.
        Map<String, String> settings = Map.of("watershed.data-dir", dataDir.toString());
        String token;
        try (RunningRegistry registry = RunningRegistry.start(workDir, settings)) {
            Path tokenFile = dataDir.resolve("admin-token");
            assertThat(tokenFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            token = Files.readString(tokenFile).strip();
            assertThat(registry.log()).contains(token);
            // The database holds every team's contracts and the webhook secrets: nobody else may read it.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("watershed.mv.db"))))
                    .isEqualTo("rw-------");
            assertThat(registry.log())
                    .contains("each commit is written to the file and forced to the device before it is acknowledged")
                    .contains("Loaded the example estate from the copy packaged with the registry");

            given().baseUri(registry.baseUrl)
                    .get("/api/v1/assets")
                    .then()
                    .statusCode(200)
                    .body("total", greaterThanOrEqualTo(10));

            given().baseUri(registry.baseUrl)
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .body(Map.of("name", "restart-team", "email", "restart@example.org"))
                    .post("/api/v1/teams")
                    .then()
                    .statusCode(201);
            given().baseUri(registry.baseUrl)
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .body(Map.of("name", "restart.asset", "kind", "DATASET", "owner", "restart-team"))
                    .post("/api/v1/assets")
                    .then()
                    .statusCode(201);
            given().baseUri(registry.baseUrl)
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .body(Map.of(
                            "format",
                            "JSON_SCHEMA",
                            "schema",
                            Map.of(
                                    "type",
                                    "object",
                                    "properties",
                                    Map.of("id", Map.of("type", "string")),
                                    "required",
                                    List.of("id"))))
                    .post("/api/v1/assets/restart.asset/contracts")
                    .then()
                    .statusCode(201);
        }

        try (RunningRegistry registry = RunningRegistry.start(workDir, settings)) {
            given().baseUri(registry.baseUrl)
                    .get("/api/v1/assets/restart.asset/contracts/latest")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo("1.0.0"))
                    .body("schema.required[0]", equalTo("id"));
            // The token made on first start still works, and no second one was made.
            given().baseUri(registry.baseUrl)
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .body(Map.of("name", "restart-team-2", "email", "restart@example.org"))
                    .post("/api/v1/teams")
                    .then()
                    .statusCode(201);
            assertThat(registry.log()).doesNotContain("created an admin token");
            // The examples are not loaded twice, and the log says why.
            assertThat(registry.log()).contains("Example estate not loaded: the database already holds");
            given().baseUri(registry.baseUrl)
                    .get("/api/v1/assets?owner=clinical-data")
                    .then()
                    .body("total", equalTo(3));
        }
    }
}
