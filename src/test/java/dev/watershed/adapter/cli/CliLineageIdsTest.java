package dev.watershed.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contract file's lineageIds, applied through the CLI like the rest of the asset's metadata. */
@QuarkusTest
class CliLineageIdsTest {

    private static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    @Test
    void applyStoresTheDeclaredIdsAndAChangeToThemIsPlanned() throws IOException {
        String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(directory.resolve("teams.yaml"), """
                teams:
                  - name: %s-team
                    email: %s@example.org
                """.formatted(prefix, prefix));
        Path file = directory.resolve("orders.yaml");
        Files.writeString(file, """
                name: %s.orders
                kind: DATASET
                owner: %s-team
                lineageIds:
                  - {namespace: "s3://lake", name: %s/orders}
                  - {namespace: "postgres://db:5432", name: %s.public.orders}
                """.formatted(prefix, prefix, prefix, prefix));

        CliRun first = CliRun.of("apply", "--registry", registry.toString(), "--token", TOKEN, directory.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        JsonNode asset = JSON.readTree(new URL(registry, "/api/v1/assets/" + prefix + ".orders"));
        assertThat(asset.path("lineageIds").get(0).path("namespace").asText()).isEqualTo("postgres://db:5432");
        assertThat(asset.path("lineageIds").get(0).path("name").asText()).isEqualTo(prefix + ".public.orders");
        assertThat(asset.path("lineageIds").get(1).path("name").asText()).isEqualTo(prefix + "/orders");

        CliRun again = CliRun.of("apply", "--registry", registry.toString(), "--token", TOKEN, directory.toString());
        assertThat(again.out().strip())
                .as("the same ids in another order are no change")
                .isEqualTo("No changes.");

        Files.writeString(file, Files.readString(file).replace("s3://lake", "s3://archive"));
        CliRun plan = CliRun.of("plan", "--registry", registry.toString(), directory.toString());
        assertThat(plan.out())
                .contains("update asset " + prefix + ".orders: lineageIds")
                .contains("s3://archive/" + prefix + "/orders");
    }

    @Test
    void aFileWithAnIdWithoutANameIsReportedAtItsLine() throws IOException {
        String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(directory.resolve("orders.yaml"), """
                name: %s.orders
                kind: DATASET
                owner: %s-team
                lineageIds:
                  - {namespace: "s3://lake"}
                """.formatted(prefix, prefix));

        CliRun plan = CliRun.of("plan", "--registry", registry.toString(), directory.toString());
        assertThat(plan.exitCode()).isNotZero();
        assertThat(plan.out() + plan.err()).contains("orders.yaml:5");
    }
}
