package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the registry hands out to a contracts repository: the CLI, its install script and the file formats. */
@QuarkusTest
class CliDistributionTest {

    /** Where the test profile's watershed.cli.jar points. */
    private static final Path JAR = Path.of("target", "test-data", "cli", "watershed-cli.jar");

    @Test
    void servesTheJarItHasWithItsDigestAndSaysWhatToDoWhenItHasNone() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Files.createDirectories(JAR.getParent());
        Files.write(JAR, content);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try {
            byte[] served = given().get("/cli/watershed-cli.jar")
                    .then()
                    .statusCode(200)
                    .contentType("application/java-archive")
                    .header("ETag", "\"" + sha256 + "\"")
                    .extract()
                    .asByteArray();
            assertThat(served).isEqualTo(content);
            given().get("/cli/watershed-cli.jar.sha256")
                    .then()
                    .statusCode(200)
                    .body(equalTo(sha256 + "  watershed-cli.jar\n"));
            given().get("/cli")
                    .then()
                    .statusCode(200)
                    .body("sha256", equalTo(sha256))
                    .body("size", equalTo(content.length))
                    .body("version", notNullValue())
                    .body("jar", startsWith("http://"))
                    .body("install", startsWith("curl -fsSL http://"))
                    .body(
                            "formatSchemas",
                            hasItem(org.hamcrest.Matchers.endsWith("/schemas/watershed-config.schema.json")));

            // A new build at the same place: the digest follows the file, not a copy cached at first use.
            content[0]++;
            Files.write(JAR, content);
            Files.setLastModifiedTime(
                    JAR, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            String changed = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            given().get("/cli/watershed-cli.jar.sha256").then().body(startsWith(changed));
        } finally {
            Files.delete(JAR);
        }
        given().get("/cli/watershed-cli.jar")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("CLI_JAR_NOT_BUILT"))
                .body("detail", org.hamcrest.Matchers.containsString("./mvnw -DskipTests package"));
    }

    @Test
    void installScriptIsPosixShellNamingThisRegistry() throws Exception {
        Response response = given().get("/cli/install");
        response.then().statusCode(200).contentType(startsWith("text/x-shellscript"));
        String script = response.asString();
        String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        assertThat(script)
                .startsWith("#!/bin/sh")
                .contains("url=\"${WATERSHED_URL:-" + base + "}\"")
                .contains("/cli/watershed-cli.jar.sha256")
                .doesNotContain("@REGISTRY_URL@", "@VERSION@");
        // sh -n parses without running: the script is valid POSIX shell for dash, as curl | sh runs it.
        Path file = Files.createTempFile("install", ".sh");
        Files.writeString(file, script);
        Process check = new ProcessBuilder("sh", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue())
                .as(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        Files.delete(file);
    }

    @Test
    void everyAnswerSaysWhichVersionOfWatershedGaveIt() {
        given().get("/api/v1/assets").then().statusCode(200).header("Watershed-Version", notNullValue());
        given().get("/api/v1/assets/no.such.asset").then().statusCode(404).header("Watershed-Version", notNullValue());
        given().get("/api/v1/no-such-route").then().statusCode(404).header("Watershed-Version", notNullValue());
        given().get("/q/health/live").then().header("Watershed-Version", notNullValue());
    }

    @Test
    void servesTheFileFormatsForEditors() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : new String[] {
            "watershed-contract.schema.json", "watershed-teams.schema.json", "watershed-config.schema.json"
        }) {
            Response response = given().get("/schemas/" + name);
            response.then().statusCode(200).contentType("application/schema+json");
            JsonNode schema = json.readTree(response.asString());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).endsWith("/" + name);
        }
        given().get("/schemas/watershed-contract.json")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("SCHEMA_NOT_FOUND"))
                .body("detail", org.hamcrest.Matchers.containsString("watershed-contract.schema.json"));
    }
}
