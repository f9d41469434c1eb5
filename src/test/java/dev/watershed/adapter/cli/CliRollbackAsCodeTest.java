package dev.watershed.adapter.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code watershed rollback}, the contract files must follow, or the next plan refuses them: rollback says
 * which file to change and to which version's schema. Also: a refusal {@code check} gets from the registry is
 * printed once.
 */
@QuarkusTest
class CliRollbackAsCodeTest {

    private static final String TOKEN = "test-admin-token";

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    private String prefix;

    @BeforeEach
    void names() {
        prefix = "rbc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void writeEstate(String schema) throws IOException {
        Files.writeString(directory.resolve("teams.yaml"), """
                teams:
                  - name: %s
                    email: %s@example.org
                """.formatted(prefix, prefix));
        Files.writeString(directory.resolve("orders.yaml"), """
                name: %s.orders
                kind: SOURCE
                owner: %s
                contract:
                  format: JSON_SCHEMA
                  schemaFile: orders.schema.json
                """.formatted(prefix, prefix));
        Files.writeString(directory.resolve("orders.schema.json"), schema);
    }

    @Test
    void rollbackNamesTheSchemaFileToChangeAndFollowingItMakesThePlanPass() throws IOException {
        String asset = prefix + ".orders";
        writeEstate("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        writeEstate("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \"note\": {\"type\":"
                + " \"string\"}}}");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        Path yaml = directory.resolve("orders.yaml");
        Path schemaFile = directory.resolve("orders.schema.json");
        String change = "put 1.0.0's schema (GET /api/v1/assets/" + asset + "/contracts/1.0.0/schema) in "
                + ReportWriter.display(schemaFile) + ", the contract.schemaFile of " + ReportWriter.display(yaml);

        CliRun dryRun =
                CliRun.of("rollback", asset, "--to", "1.0.0", "--dry-run", "--registry", url(), directory.toString());
        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("notice: after the rollback, " + change);

        CliRun rollback = CliRun.of(
                "rollback",
                asset,
                "--to",
                "1.0.0",
                "--registry",
                url(),
                "--token",
                TOKEN,
                "--format",
                "github",
                directory.toString());
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out())
                .contains("::notice file=" + ReportWriter.display(yaml) + ",line=6,")
                .contains("::" + change + "; otherwise the next plan refuses the file with REGISTRY_ROLLED_BACK");

        CliRun refused = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out()).contains("REGISTRY_ROLLED_BACK").contains("put 1.0.0's schema in the file");

        // Doing what rollback said: the files now match the registry.
        String restored = given().get("/api/v1/assets/" + asset + "/contracts/1.0.0/schema")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.writeString(schemaFile, restored);
        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out().strip()).isEqualTo("No changes.");
    }

    @Test
    void rollbackWithoutTheAssetsFileSaysWhatToChangeInGeneral() throws IOException {
        String asset = prefix + ".orders";
        writeEstate("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        writeEstate("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \"zip\": {\"type\":"
                + " \"string\"}}}");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        Path elsewhere = Files.createDirectory(directory.resolve("other"));

        CliRun dryRun =
                CliRun.of("rollback", asset, "--to", "1.0.0", "--dry-run", "--registry", url(), elsewhere.toString());

        assertThat(dryRun.out())
                .contains("put 1.0.0's schema (GET /api/v1/assets/" + asset
                        + "/contracts/1.0.0/schema) in the asset's contract file");
    }

    @Test
    void checkPrintsARefusalOnce() throws IOException {
        writeEstate("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"strin\"}}}");
        // The registry's refusal, not lint's: check sends the schema as it is.
        String refusal = "/schema/properties/id/type: does not have a value in the enumeration";

        CliRun text = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(text.exitCode()).as(text.out()).isEqualTo(1);
        assertThat(occurrences(text.out(), refusal)).as(text.out()).isEqualTo(1);
        assertThat(text.out()).contains("(INVALID_SCHEMA)");

        CliRun github = CliRun.of("check", "--registry", url(), "--format", "github", directory.toString());
        String annotation = github.out()
                .lines()
                .filter(line -> line.startsWith("::error "))
                .findFirst()
                .orElseThrow();
        assertThat(occurrences(annotation, refusal)).as(annotation).isEqualTo(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private String url() {
        return registry.toString();
    }
}
