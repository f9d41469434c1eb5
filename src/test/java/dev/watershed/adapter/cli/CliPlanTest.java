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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, plan and apply over the registry's plan endpoint: one dry run, one atomic apply. */
@QuarkusTest
class CliPlanTest {

    private static final String TOKEN = "test-admin-token";

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    private String prefix;
    private String team;

    @BeforeEach
    void names() {
        prefix = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        team = prefix + "-team";
    }

    private void writeEstate(String consumerFields, String range) throws IOException {
        Files.writeString(directory.resolve("teams.yaml"), """
                teams:
                  - name: %s
                    email: %s@example.org
                """.formatted(team, team));
        Files.writeString(directory.resolve("orders.schema.json"), """
                {
                  "type": "object",
                  "properties": {
                    "country": {"type": "string"},
                    "plan": {"type": "string"}
                  }
                }
                """);
        Files.writeString(directory.resolve("orders.yaml"), """
                name: %s.orders
                kind: SOURCE
                owner: %s
                contract:
                  format: JSON_SCHEMA
                  schemaFile: orders.schema.json
                  changelog: First version
                """.formatted(prefix, team));
        Files.writeString(directory.resolve("churn.yaml"), """
                name: %s.churn
                kind: FEATURE
                owner: %s
                dependsOn:
                  - asset: %s.orders
                    versionRange: "%s"
                    fields: [%s]
                """.formatted(prefix, team, prefix, range, consumerFields));
    }

    @Test
    void aMisspeltDependencyFieldFailsCheckAndPlanOnItsLineAndApplyStoresNothing() throws IOException {
        writeEstate("country, plann", "^1");

        CliRun check = CliRun.of("check", "--registry", url(), "--format", "github", directory.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("churn.yaml,line=7").contains("has no field /plann");

        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isEqualTo(1);
        assertThat(plan.out()).contains("has no field /plann").contains("UNKNOWN_FIELDS");

        CliRun apply = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(apply.exitCode()).as(apply.out()).isEqualTo(1);
        assertThat(apply.out()).contains("nothing applied").contains("has no field /plann");
        // All or nothing: the producer, fine on its own, is not there either.
        given().get("/api/v1/assets/" + prefix + ".orders").then().statusCode(404);
    }

    @Test
    void aRangeThatMatchesNothingFailsCheckOnItsLine() throws IOException {
        writeEstate("country", "^7");
        CliRun check = CliRun.of("check", "--registry", url(), "--format", "github", directory.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("churn.yaml,line=6").contains("matches none");
    }

    @Test
    void afterApplyCheckAndPlanPassAndAChangelogIsNotRepeated() throws IOException {
        writeEstate("country, plan", "^1");
        CliRun apply = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();

        CliRun check = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(check.exitCode()).as(check.out()).isZero();
        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out().strip()).isEqualTo("No changes.");

        Files.writeString(directory.resolve("orders.schema.json"), """
                {"type": "object", "properties": {"country": {"type": "string"}, "plan": {"type": "string"},
                 "zip": {"type": "string"}}}
                """);
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        String changelog = given().get("/api/v1/assets/" + prefix + ".orders/contracts/1.1.0")
                .then()
                .statusCode(200)
                .extract()
                .path("changelog");
        assertThat(changelog).isNotEqualTo("First version");
    }

    @Test
    void aBreakingDifferenceIsAnnotatedOnTheSchemaFileLine() throws IOException {
        writeEstate("country", "^1");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        Files.writeString(directory.resolve("orders.schema.json"), """
                {
                  "type": "object",
                  "properties": {
                    "country": {"type": "integer"},
                    "plan": {"type": "string"}
                  }
                }
                """);
        CliRun check = CliRun.of("check", "--registry", url(), "--format", "github", directory.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("orders.schema.json,line=4");
    }

    @Test
    void assetsNoFileDeclaresAreListedAndPrunedWithApplyPrune() throws IOException {
        writeEstate("country", "^1");
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        Files.delete(directory.resolve("churn.yaml"));

        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out()).contains(prefix + ".churn").contains("not in the files");

        CliRun prune = CliRun.of("apply", "--registry", url(), "--token", TOKEN, "--prune", directory.toString());
        assertThat(prune.exitCode()).as(prune.out()).isZero();
        given().get("/api/v1/assets/" + prefix + ".churn").then().statusCode(404);
    }

    private String url() {
        return registry.toString();
    }
}
