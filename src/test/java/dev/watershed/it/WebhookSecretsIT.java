package dev.watershed.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.adapter.notification.Eventually;
import dev.watershed.adapter.notification.WebhookReceiver;
import dev.watershed.domain.notification.WebhookSignature;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged registry keeps webhook secrets encrypted with a key file it creates on first start, apart from the
 * database: after a restart with the same data directory (so the same key) it still signs, and the H2 file never
 * holds the secret. The receiver listens on 127.0.0.1, which the settings allow.
 */
@DisabledIfEnvironmentVariable(
        named = "QUARKUS_DATASOURCE_DB_KIND",
        matches = "(?!h2).*",
        disabledReason = "this test reads the embedded H2 file; the jar is built for another database")
class WebhookSecretsIT {

    private static final String SECRET = "restart-proof-secret-0123456789";

    @TempDir
    Path workDir;

    @Test
    void aRegistryRestartedWithTheSameKeyStillSignsAndTheDatabaseFileHoldsNoSecret() throws Exception {
        Path dataDir = workDir.resolve("data");
        Map<String, String> settings = Map.of(
                "watershed.data-dir",
                dataDir.toString(),
                "watershed.examples.load",
                "false",
                "watershed.webhooks.allowed-targets",
                "127.0.0.1/32",
                "watershed.notifications.first-delay",
                "200ms",
                "watershed.notifications.max-delay",
                "1s");
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String token;
            try (RunningRegistry registry = RunningRegistry.start(workDir, settings)) {
                token = Files.readString(dataDir.resolve("admin-token")).strip();
                as(registry, token)
                        .body(Map.of("name", "hooks-team", "email", "hooks@example.org"))
                        .post("/api/v1/teams")
                        .then()
                        .statusCode(201);
                as(registry, token)
                        .body(Map.of("name", "hooks.asset", "kind", "DATASET", "owner", "hooks-team"))
                        .post("/api/v1/assets")
                        .then()
                        .statusCode(201);
                as(registry, token)
                        .body(Map.of(
                                "team",
                                "hooks-team",
                                "asset",
                                "hooks.asset",
                                "events",
                                List.of("contract.published"),
                                "channel",
                                "WEBHOOK",
                                "target",
                                receiver.url(),
                                "secret",
                                SECRET))
                        .post("/api/v1/subscriptions")
                        .then()
                        .statusCode(201);
                assertThat(registry.log()).contains("created a new key").doesNotContain(SECRET);
            }
            Path keyFile = dataDir.resolve("secrets.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
            byte[] key = Files.readAllBytes(keyFile);

            try (RunningRegistry registry = RunningRegistry.start(workDir, settings)) {
                as(registry, token)
                        .body(Map.of(
                                "format",
                                "JSON_SCHEMA",
                                "schema",
                                Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string")))))
                        .post("/api/v1/assets/hooks.asset/contracts")
                        .then()
                        .statusCode(201);

                Eventually.within(
                        Duration.ofSeconds(60),
                        "the webhook was called",
                        () -> !receiver.accepted().isEmpty());
                WebhookReceiver.Call call = receiver.accepted().get(0);
                assertThat(WebhookSignature.verify(
                                SECRET,
                                call.signature(),
                                call.body(),
                                Instant.now().getEpochSecond(),
                                300))
                        .isTrue();
                assertThat(registry.log()).doesNotContain("created a new key");
            }
            assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.filter(
                                path -> path.getFileName().toString().startsWith("watershed"))
                        .toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain(SECRET);
                }
            }
        }
    }

    private static RequestSpecification as(RunningRegistry registry, String token) {
        return given().baseUri(registry.baseUrl)
                .contentType("application/json")
                .header("Authorization", "Bearer " + token);
    }
}
