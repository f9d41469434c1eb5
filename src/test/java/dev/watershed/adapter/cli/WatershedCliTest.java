package dev.watershed.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.rest.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's picocli entry point, run in-process against the test registry. */
@QuarkusTest
class WatershedCliTest {

    private static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    private String prefix;
    private String team;

    @BeforeEach
    void names() {
        prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        team = prefix + "-team";
    }

    @Test
    void applyIsIdempotentAndCheckFailsOnlyForABreakingChangeAConsumerReads() throws IOException {
        writeEstate(schema("id", "amount", "currency"));

        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out())
                .contains("create team " + team)
                .contains("register asset " + prefix + ".payments")
                .contains("publish contract 1.0.0")
                .contains("declare dependency " + prefix + ".fraud <- " + prefix + ".payments");

        CliRun first = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("applied");

        CliRun second = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out().strip()).isEqualTo("No changes.");

        CliRun unchanged = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(unchanged.exitCode()).as(unchanged.out()).isZero();
        assertThat(unchanged.out()).contains("unchanged (1.0.0)");

        // Removing a field nobody reads: compatible (open content model), no consumer impacted.
        Files.writeString(directory.resolve("payments.schema.json"), schema("id", "amount"));
        CliRun harmless = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(harmless.exitCode()).as(harmless.out()).isZero();

        // Narrowing a field the consumer reads: breaking, and it names the consumer.
        Files.writeString(directory.resolve("payments.schema.json"), """
                {"type": "object", "required": ["id", "amount"],
                 "properties": {"id": {"type": "string"}, "amount": {"type": "integer"},
                                "currency": {"type": "string"}}}
                """);
        CliRun breaking = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(breaking.exitCode()).as(breaking.out()).isEqualTo(1);
        assertThat(breaking.out())
                .contains("FAIL " + prefix + ".payments")
                .contains("/amount")
                .contains("impacts " + prefix + ".fraud");

        CliRun json = CliRun.of("check", "--registry", url(), "--format", "json", directory.toString());
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.path("exitCode").asInt()).isEqualTo(1);
        assertThat(report.path("failed").asInt()).isEqualTo(1);

        CliRun plannedBreak = CliRun.of("plan", "--registry", url(), directory.toString());
        assertThat(plannedBreak.exitCode()).isEqualTo(1);
        assertThat(plannedBreak.out()).contains("would be refused");
    }

    @Test
    void applyCarriesReplicasAndTheMlTermsOfADependency() throws IOException {
        writeEstate(schema("id", "amount", "currency"));
        // "a-" sorts first: the replica's file is read before the asset it replicates, yet registered after it.
        Files.writeString(directory.resolve("a-replica.yaml"), """
                name: %s.payments-replica
                kind: SOURCE
                owner: %s
                replicaOf: %s.payments
                """.formatted(prefix, team, prefix));
        Files.writeString(directory.resolve("fraud.yaml"), """
                name: %s.fraud
                kind: MODEL
                owner: %s
                dependsOn:
                  - asset: %s.payments
                    versionRange: "^1"
                    fields: [amount, currency]
                    usage: EVALUATION
                    splitKey: id
                    targetFields: [amount]
                    cost: {amount: 120, unit: USD/month}
                    benefit: {value: 0.031, metric: feature-importance}
                """.formatted(prefix, team, prefix));

        CliRun first = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        CliRun second = CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString());
        assertThat(second.out().strip())
                .as("a split key given as a dotted path is no change")
                .isEqualTo("No changes.");

        JsonNode replica = JSON.readTree(new URL(registry, "/api/v1/assets/" + prefix + ".payments-replica"));
        assertThat(replica.path("replicaOf").asText()).isEqualTo(prefix + ".payments");
        JsonNode dependency = JSON.readTree(new URL(registry, "/api/v1/assets/" + prefix + ".fraud/dependencies"))
                .get(0);
        assertThat(dependency.path("usage").asText()).isEqualTo("EVALUATION");
        assertThat(dependency.path("splitKey").asText()).isEqualTo("/id");
        assertThat(dependency.path("targetFields").get(0).asText()).isEqualTo("/amount");
        assertThat(dependency.path("cost").path("amount").asDouble()).isEqualTo(120);
        assertThat(dependency.path("benefit").path("metric").asText()).isEqualTo("feature-importance");

        Files.writeString(
                directory.resolve("fraud.yaml"),
                Files.readString(directory.resolve("fraud.yaml")).replace("amount: 120", "amount: 80"));
        CliRun plan = CliRun.of("plan", "--registry", url(), directory.toString());
        // The registry's plan names the dependency that changes (the cost), not each term.
        assertThat(plan.out()).contains("change dependency " + prefix + ".fraud <- " + prefix + ".payments");
    }

    @Test
    void checkReportsANewAssetAndEveryFormatRenders() throws Exception {
        // fraud reads currency: without it in the schema, check now fails as apply would (UNKNOWN_FIELDS).
        writeEstate(schema("id", "amount", "currency"));

        CliRun text = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(text.exitCode()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("new asset, would be 1.0.0");

        CliRun junit = CliRun.of("check", "--registry", url(), "--format", "junit", directory.toString());
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.out().getBytes()));
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(2);

        CliRun markdown = CliRun.of("check", "--registry", url(), "--format", "markdown", directory.toString());
        assertThat(markdown.out()).startsWith("### watershed check").contains("| :white_check_mark: | `" + prefix);

        CliRun github = CliRun.of("check", "--registry", url(), "--format", "github", directory.toString());
        assertThat(github.out()).contains("::group::watershed check");
    }

    @Test
    void aBadFileIsReportedWithItsFileAndLine() throws IOException {
        Files.writeString(directory.resolve("bad.yaml"), """
                name: %s.bad
                kind: SOURCE
                owner: %s
                criticality: EXTREME
                """.formatted(prefix, team));

        CliRun lint = CliRun.of("lint", "--format", "github", directory.toString());
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).containsPattern("::error file=[^,]*bad\\.yaml,line=4,");

        CliRun check = CliRun.of("check", "--registry", url(), directory.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).contains("bad.yaml:4").contains("/criticality");

        CliRun junit = CliRun.of("lint", "--format", "junit", directory.toString());
        assertThat(junit.out()).contains("<failure").contains("bad.yaml");
    }

    @Test
    void lintChecksFieldPathsRangesAndUnknownProducers() throws IOException {
        writeEstate(schema("id", "amount"));
        String fraud = Files.readString(directory.resolve("fraud.yaml"))
                        .replace("versionRange: \"^1\"", "versionRange: \"not a range\"")
                + "  - asset: elsewhere.unknown\n";
        Files.writeString(directory.resolve("fraud.yaml"), fraud);

        CliRun lint = CliRun.of("lint", "--format", "json", directory.toString());
        assertThat(lint.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(lint.out());
        List<String> messages = new ArrayList<>();
        report.path("items")
                .forEach(item -> item.path("findings")
                        .forEach(f -> messages.add(f.path("severity").asText() + " "
                                + f.path("line").asInt() + " "
                                + f.path("message").asText())));
        assertThat(messages).anyMatch(m -> m.startsWith("ERROR") && m.contains("field currency is not in the schema"));
        assertThat(messages).anyMatch(m -> m.startsWith("ERROR") && m.contains("not a range"));
        assertThat(messages).anyMatch(m -> m.startsWith("WARNING") && m.contains("elsewhere.unknown"));
    }

    @Test
    void diffUsesTheRegistryEngineOffline() throws IOException {
        Path older = Files.writeString(directory.resolve("old.json"), schema("id", "amount"));
        Path newer = Files.writeString(directory.resolve("new.json"), """
                {"type": "object", "required": ["id", "amount", "extra"],
                 "properties": {"id": {"type": "string"}, "amount": {"type": "number"}, "extra": {"type": "string"}}}
                """);

        CliRun breaking = CliRun.of("diff", older.toString(), newer.toString());
        assertThat(breaking.exitCode()).as(breaking.out() + breaking.err()).isEqualTo(1);
        assertThat(breaking.out()).contains("incompatible under BACKWARD").contains("/extra");

        CliRun none = CliRun.of("diff", "--mode", "NONE", "--format", "json", older.toString(), newer.toString());
        assertThat(none.exitCode()).isZero();
        assertThat(JSON.readTree(none.out())
                        .path("items")
                        .get(0)
                        .path("data")
                        .path("bump")
                        .asText())
                .isEqualTo("MAJOR");

        CliRun missing = CliRun.of(
                "diff", older.toString(), directory.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");
    }

    @Test
    void validateThroughTheRegistryAndOffline() throws IOException {
        writeEstate(schema("id", "amount", "currency"));
        assertThat(CliRun.of("apply", "--registry", url(), "--token", TOKEN, directory.toString())
                        .exitCode())
                .isZero();
        Path data = Files.writeString(directory.resolve("batch.ndjson"), """
                {"id": "a", "amount": 1.5}
                {"id": 5}
                """);

        CliRun remote = CliRun.of("validate", "--registry", url(), "--asset", prefix + ".payments", data.toString());
        assertThat(remote.exitCode()).as(remote.out() + remote.err()).isEqualTo(1);
        assertThat(remote.out()).contains("2 records").contains("1 invalid").contains("record at line 2");

        CliRun offline = CliRun.of(
                "validate",
                "--schema",
                directory.resolve("payments.schema.json").toString(),
                "--format",
                "json",
                data.toString());
        assertThat(offline.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(offline.out())
                        .path("items")
                        .get(0)
                        .path("data")
                        .path("invalid")
                        .asInt())
                .isEqualTo(1);

        Path good = Files.writeString(directory.resolve("one.json"), "{\"id\": \"a\", \"amount\": 2}");
        assertThat(CliRun.of("validate", "--registry", url(), "--asset", prefix + ".payments", good.toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void usageAndConnectionErrorsExitWithTwo() throws IOException {
        writeEstate(schema("id"));
        assertThat(CliRun.of("check", "--registry", "http://127.0.0.1:1", directory.toString())
                        .exitCode())
                .isEqualTo(2);
        CliRun apply = CliRun.of("apply", "--registry", url(), "--token", "", directory.toString());
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("needs a token");
        assertThat(CliRun.of("diff", "only-one.json").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("--version").out()).startsWith("watershed ");
    }

    private void writeEstate(String paymentsSchema) throws IOException {
        Files.writeString(directory.resolve("teams.yaml"), """
                teams:
                  - name: %s
                    email: %s@example.org
                """.formatted(team, team));
        Files.writeString(directory.resolve("payments.schema.json"), paymentsSchema);
        Files.writeString(directory.resolve("payments.yaml"), """
                name: %s.payments
                kind: SOURCE
                owner: %s
                description: Card payments
                tags: [payments]
                compatibility: BACKWARD
                contract:
                  format: JSON_SCHEMA
                  schemaFile: payments.schema.json
                fields:
                  /amount: {description: Amount in EUR, role: FEATURE}
                """.formatted(prefix, team));
        Files.writeString(directory.resolve("fraud.yaml"), """
                name: %s.fraud
                kind: FEATURE
                owner: %s
                contract:
                  format: JSON_SCHEMA
                  schema:
                    type: object
                    properties:
                      score: {type: number}
                dependsOn:
                  - asset: %s.payments
                    versionRange: "^1"
                    fields: [amount, currency]
                    usage: TRAINING
                """.formatted(prefix, team, prefix));
    }

    private static String schema(String... properties) {
        StringBuilder text = new StringBuilder("{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {");
        for (int i = 0; i < properties.length; i++) {
            String type = properties[i].equals("amount") ? "number" : "string";
            text.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(properties[i])
                    .append("\": {\"type\": \"")
                    .append(type)
                    .append("\"}");
        }
        return text.append("}}").toString();
    }

    @Test
    void rollbackShowsThePlanWithDryRunThenPublishesTheOldSchema() {
        String owner = Api.createTeam();
        String asset = Api.createAsset(owner, "SOURCE");
        Api.publish(asset, Api.objectSchema(Map.of("id", Map.of("type", "string")), List.of("id")), 201);
        Api.publish(
                asset,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "note", Map.of("type", "string")), List.of("id")),
                201);

        CliRun plan = CliRun.of("rollback", asset, "--to", "1.0.0", "--dry-run", "--registry", url());
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out())
                .contains("would publish the schema of 1.0.0 as 1.2.0 (MINOR, replacing 1.1.0)")
                .contains("/note");
        CliRun withoutToken = CliRun.of("rollback", asset, "--to", "1.0.0", "--registry", url());
        assertThat(withoutToken.exitCode()).isEqualTo(2);
        assertThat(withoutToken.err()).contains("needs a token");

        CliRun done = CliRun.of("rollback", asset, "--to", "1.0.0", "--registry", url(), "--token", TOKEN);
        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("published 1.2.0 with the schema of 1.0.0");
        CliRun unknown = CliRun.of("rollback", asset, "--to", "0.1.0", "--registry", url(), "--token", TOKEN);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("VERSION_NOT_FOUND");
    }

    @Test
    void driftFailsOnAShiftedBatchAndPassesOneFromTheSameDistribution() throws IOException {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Api.asAdmin()
                .body(Map.of(
                        "format",
                        "JSON_SCHEMA",
                        "schema",
                        Api.objectSchema(
                                Map.of(
                                        "id",
                                        Map.of("type", "string"),
                                        "amount",
                                        Map.of("type", "number"),
                                        "channel",
                                        Map.of("type", "string")),
                                List.of("id")),
                        "fields",
                        Map.of("/id", Map.of("role", "ID"))))
                .post("/api/v1/assets/" + asset + "/contracts")
                .then()
                .statusCode(201);
        Api.asAdmin()
                .contentType("application/x-ndjson")
                .body(Files.readAllBytes(batch("training", 100, 1)))
                .post("/api/v1/assets/" + asset + "/validate?label=training")
                .then()
                .statusCode(200);
        long baseline = Api.asAdmin()
                .body(Map.of("label", "training"))
                .post("/api/v1/assets/" + asset + "/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        CliRun same = CliRun.of(
                "drift", batch("same", 100, 2).toString(), "--asset", asset, "--registry", url(), "--token", TOKEN);
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        assertThat(same.out())
                .contains("ok   " + asset)
                .contains("no drift")
                .contains("against baseline " + baseline + " (label training, 2000 records)")
                .contains("fields compared: /amount, /channel by distribution; /id by null rate only");

        CliRun shifted = CliRun.of(
                "drift",
                batch("shifted", 130, 3).toString(),
                "--asset",
                asset,
                "--label",
                "daily",
                "--registry",
                url(),
                "--token",
                TOKEN);
        assertThat(shifted.exitCode()).as(shifted.out() + shifted.err()).isEqualTo(1);
        assertThat(shifted.out())
                .contains("FAIL " + asset)
                .contains("drifted: 1 anomaly")
                .contains("batch of 2000 records recorded as observation")
                .contains("/amount moved: Jensen-Shannon divergence")
                .contains("stored as drift check");

        // A drifted batch is no reference until someone accepts the shift; the team accepts this one.
        long firstShifted = Api.asAdmin()
                .get("/api/v1/assets/" + asset + "/observations?label=daily")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
        Api.asAdmin()
                .post("/api/v1/assets/" + asset + "/observations/" + firstShifted + "/accept")
                .then()
                .statusCode(200)
                .body("driftStatus", org.hamcrest.Matchers.equalTo("ACCEPTED"));

        // A second shifted batch, named by its observation id, against the one before it with its label: no drift.
        long recorded = JSON.readTree(CliRun.of(
                                "drift",
                                batch("again", 130, 4).toString(),
                                "--asset",
                                asset,
                                "--label",
                                "daily",
                                "--format",
                                "json",
                                "--registry",
                                url(),
                                "--token",
                                TOKEN)
                        .out())
                .path("items")
                .get(0)
                .path("data")
                .path("current")
                .path("observationId")
                .asLong();
        CliRun previous = CliRun.of(
                "drift",
                "--observation",
                String.valueOf(recorded),
                "--against",
                "previous",
                "--asset",
                asset,
                "--format",
                "junit",
                "--registry",
                url(),
                "--token",
                TOKEN);
        assertThat(previous.exitCode()).as(previous.out() + previous.err()).isZero();
        assertThat(previous.out())
                .contains("<testcase classname=\"watershed.drift\" name=\"" + asset + "\"")
                .contains("against previous observation");

        CliRun withoutToken =
                CliRun.of("drift", batch("x", 100, 5).toString(), "--asset", asset, "--registry", url(), "--token", "");
        assertThat(withoutToken.exitCode()).isEqualTo(2);
        assertThat(withoutToken.err()).contains("need a token");
        CliRun both = CliRun.of(
                "drift",
                batch("y", 100, 6).toString(),
                "--observation",
                "1",
                "--asset",
                asset,
                "--registry",
                url(),
                "--token",
                TOKEN);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void driftReportsTheRegistrysProblemWithItsCodeAndExitsWithTwo() throws IOException {
        CliRun unknown = CliRun.of(
                "drift",
                batch("z", 100, 7).toString(),
                "--asset",
                prefix + ".nowhere",
                "--registry",
                url(),
                "--token",
                TOKEN);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains(prefix + ".nowhere").contains("(ASSET_NOT_FOUND)");

        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Api.publish(asset, Api.objectSchema(Map.of("amount", Map.of("type", "number")), List.of()), 201);
        CliRun noBaseline = CliRun.of(
                "drift", batch("z", 100, 8).toString(), "--asset", asset, "--registry", url(), "--token", TOKEN);
        assertThat(noBaseline.exitCode()).isEqualTo(2);
        assertThat(noBaseline.err()).contains("(NO_BASELINE)");
        CliRun single = CliRun.of(
                "drift",
                Files.writeString(directory.resolve("one.json"), "{}").toString(),
                "--asset",
                asset,
                "--registry",
                url(),
                "--token",
                TOKEN);
        assertThat(single.exitCode()).isEqualTo(2);
        assertThat(single.err()).contains("drift compares a batch");
    }

    @Test
    void skewOnTheExampleEstateNamesTheSkewedFeature() throws IOException {
        CliRun skew = CliRun.of("skew", "hospital.readmission-model", "--registry", url());
        assertThat(skew.exitCode()).as(skew.out() + skew.err()).isEqualTo(1);
        assertThat(skew.out())
                .contains("FAIL hospital.readmission-features: skewed on /mean_heart_rate")
                .containsPattern("/mean_heart_rate: numeric, distance 0\\.\\d{3} > threshold 0\\.100, SKEWED")
                .contains("Jensen-Shannon divergence");

        CliRun json = CliRun.of("skew", "hospital.readmission-model", "--format", "json", "--registry", url());
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.path("exitCode").asInt()).isEqualTo(1);
        assertThat(report.path("items")
                        .get(0)
                        .path("data")
                        .path("skewedFields")
                        .get(0)
                        .asText())
                .isEqualTo("/mean_heart_rate");

        // No observations with these labels: warnings by default, failures when they are required.
        CliRun missing = CliRun.of(
                "skew",
                "hospital.readmission-model",
                "--training",
                "t-" + prefix,
                "--serving",
                "s-" + prefix,
                "--registry",
                url());
        assertThat(missing.exitCode()).as(missing.out() + missing.err()).isZero();
        assertThat(missing.out())
                .contains("not compared: no profiled observation labelled t-" + prefix + " and s-" + prefix)
                .contains("warning: record a profiled sample");
        CliRun required = CliRun.of(
                "skew",
                "hospital.readmission-model",
                "--training",
                "t-" + prefix,
                "--serving",
                "s-" + prefix,
                "--require-observations",
                "--registry",
                url());
        assertThat(required.exitCode()).isEqualTo(1);

        CliRun unknown = CliRun.of("skew", prefix + ".no-model", "--registry", url());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("(ASSET_NOT_FOUND)");
    }

    @Test
    void findingsFailAtTheChosenSeverity() {
        CliRun model = CliRun.of("findings", "--asset", "hospital.readmission-model", "--registry", url());
        assertThat(model.exitCode()).as(model.out() + model.err()).isEqualTo(1);
        assertThat(model.out())
                .contains("FAIL hospital.readmission-model: ERROR SERVING_UNAVAILABLE_FIELD")
                .contains("path: hospital.readmission-features -> hospital.readmission-model")
                .contains("fields: /followup_visits_30d")
                .contains("remedy: ");
        CliRun github = CliRun.of(
                "findings", "--asset", "hospital.readmission-model", "--format", "github", "--registry", url());
        assertThat(github.out())
                .contains("::error title=watershed findings%3A hospital.readmission-model::ERROR"
                        + " SERVING_UNAVAILABLE_FIELD")
                .contains("::warning ");
        assertThat(CliRun.of(
                                "findings",
                                "--asset",
                                "hospital.readmission-model",
                                "--fail-on",
                                "NONE",
                                "--registry",
                                url())
                        .exitCode())
                .isZero();

        String team = Api.createTeam();
        String fresh = Api.createAsset(team, "MODEL");
        CliRun none = CliRun.of("findings", "--asset", fresh, "--registry", url());
        assertThat(none.exitCode()).as(none.out() + none.err()).isZero();
        assertThat(none.out().strip()).isEqualTo("No findings.");

        // A source nobody reads is worth knowing (INFO): it fails only when INFO is asked to fail.
        String unused = Api.createAsset(team, "SOURCE");
        CliRun warnings = CliRun.of("findings", "--owner", team, "--fail-on", "WARNING", "--registry", url());
        assertThat(warnings.exitCode()).as(warnings.out() + warnings.err()).isZero();
        assertThat(warnings.out()).contains("ok   " + unused + ": INFO UNUSED_ASSET");
        CliRun info = CliRun.of(
                "findings",
                "--owner",
                team,
                "--asset",
                unused,
                "--fail-on",
                "INFO",
                "--format",
                "json",
                "--registry",
                url());
        assertThat(info.exitCode()).isEqualTo(1);
        assertThat(info.out()).contains("UNUSED_ASSET").doesNotContain("SERVING_UNAVAILABLE_FIELD");

        CliRun unknownTeam = CliRun.of("findings", "--owner", prefix + "-nobody", "--registry", url());
        assertThat(unknownTeam.exitCode()).isEqualTo(2);
        assertThat(unknownTeam.err()).contains(prefix + "-nobody").contains("NOT_FOUND");
        CliRun unknownAsset = CliRun.of("findings", "--asset", prefix + ".nowhere", "--registry", url());
        assertThat(unknownAsset.exitCode()).isEqualTo(2);
        assertThat(unknownAsset.err()).contains("(ASSET_NOT_FOUND)");
        assertThat(CliRun.of("findings", "--fail-on", "SEVERE", "--registry", url())
                        .exitCode())
                .isEqualTo(2);
    }

    /** 2,000 records: amount ~ N(mean, 15), channel web/store/phone at 60/30/10 %, seeded so a run repeats. */
    private Path batch(String name, double mean, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            double pick = random.nextDouble();
            String channel = pick < 0.6 ? "web" : pick < 0.9 ? "store" : "phone";
            text.append("{\"id\":\"")
                    .append(name)
                    .append('-')
                    .append(i)
                    .append("\",\"amount\":")
                    .append(mean + 15 * random.nextGaussian())
                    .append(",\"channel\":\"")
                    .append(channel)
                    .append("\"}\n");
        }
        return Files.writeString(directory.resolve(name + ".ndjson"), text);
    }

    private String url() {
        return registry.toString();
    }
}
