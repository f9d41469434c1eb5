package dev.watershed.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.rest.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watershed baseline} in-process against the test registry: create, list, show, accept. */
@QuarkusTest
class CliBaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    @Test
    void createMergesTheLabelledObservationsAndListMarksTheNewestAsCurrent() throws IOException {
        String asset = assetWithContract();
        record(asset, "training", AmountBatches.write(directory, "t1", 100, 1));
        record(asset, "training", AmountBatches.write(directory, "t2", 100, 2));

        CliRun first = baseline("create", "--asset", asset, "--label", "training", "--name", "spring");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("created baseline ")
                .contains("from 2 observations labelled training, 1000 records")
                .contains("now compare with it by default");

        CliRun second = baseline("create", "--asset", asset, "--label", "training", "--format", "json");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        long secondId = JSON.readTree(second.out())
                .path("items")
                .get(0)
                .path("data")
                .path("id")
                .asLong();

        CliRun list = baseline("list", "--asset", asset, "--format", "json");
        assertThat(list.exitCode()).as(list.out() + list.err()).isZero();
        JsonNode items = JSON.readTree(list.out()).path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("name").asText()).isEqualTo(asset + " baseline " + secondId);
        assertThat(items.get(0).path("summary").asText())
                .contains("label training, 2 observations, 1000 records")
                .contains("current");
        assertThat(items.get(1).path("summary").asText()).startsWith("spring: ").doesNotContain("current");

        CliRun show = baseline("show", "--asset", asset, String.valueOf(secondId));
        assertThat(show.exitCode()).as(show.out() + show.err()).isZero();
        assertThat(show.out()).contains("profile: 1000 records, fields /amount, /id");
    }

    @Test
    void aWindowWithoutObservationsAndAnUnknownAssetExitTwoWithTheRegistrysCode() throws IOException {
        String asset = assetWithContract();
        record(asset, "training", AmountBatches.write(directory, "t", 100, 1));

        CliRun empty = baseline("create", "--asset", asset, "--label", "training", "--from", "2999-01-01T00:00:00Z");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err())
                .contains("could not create a baseline of " + asset)
                .contains("NO_PROFILED_OBSERVATIONS");

        CliRun unknown = baseline("list", "--asset", "nowhere.to-be-found");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("does not exist").contains("ASSET_NOT_FOUND");

        CliRun missing = baseline("show", "--asset", asset, "999999999");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("could not show baseline 999999999").contains("BASELINE_NOT_FOUND");

        CliRun none = baseline("list", "--asset", asset);
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("No baselines of " + asset);
    }

    @Test
    void baselineWithoutASubcommandIsAUsageError() {
        CliRun run = CliRun.of("baseline");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a subcommand is required: create, list, show or accept");
    }

    @Test
    void createWithoutATokenIsRefusedBeforeAskingTheRegistry() {
        CliRun run =
                CliRun.of("baseline", "create", "--registry", url(), "--asset", "any.asset", "--label", "training");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs a token");
    }

    @Test
    void aDriftedBatchJoinsABaselineOnlyOnceAccepted() throws IOException {
        String asset = assetWithContract();
        long training = record(asset, "training", AmountBatches.write(directory, "t", 100, 1));
        assertThat(baseline("create", "--asset", asset, "--label", "training").exitCode())
                .isZero();
        CliRun drift = CliRun.of(
                "drift",
                AmountBatches.write(directory, "shifted", 160, 2).toString(),
                "--asset",
                asset,
                "--label",
                "daily",
                "--registry",
                url(),
                "--token",
                Api.ADMIN_TOKEN,
                "--format",
                "json");
        assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(1);
        long drifted = JSON.readTree(drift.out())
                .path("items")
                .get(0)
                .path("data")
                .path("current")
                .path("observationId")
                .asLong();

        CliRun before = baseline("create", "--asset", asset, "--label", "daily");
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err())
                .contains("NO_PROFILED_OBSERVATIONS")
                .contains("left out until accepted with `watershed baseline accept`");

        CliRun stranger = CliRun.of(
                "baseline",
                "accept",
                "--asset",
                asset,
                "--observation",
                String.valueOf(drifted),
                "--registry",
                url(),
                "--token",
                Api.editorToken(Api.createTeam()));
        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("may not change").contains("FORBIDDEN");

        CliRun accept = baseline("accept", "--asset", asset, "--observation", String.valueOf(drifted));
        assertThat(accept.exitCode()).as(accept.out() + accept.err()).isZero();
        assertThat(accept.out())
                .contains(asset + " observation " + drifted + ": accepted as the new normal")
                .contains("--against previous --label daily");

        CliRun after = baseline("create", "--asset", asset, "--label", "daily");
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).contains("from 1 observation labelled daily, 500 records");

        CliRun again = baseline("accept", "--asset", asset, "--observation", String.valueOf(drifted));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already accepted; nothing changed");

        CliRun notDrifted = baseline("accept", "--asset", asset, "--observation", String.valueOf(training));
        assertThat(notDrifted.exitCode()).isEqualTo(2);
        assertThat(notDrifted.err())
                .contains("could not accept observation " + training)
                .contains("OBSERVATION_NOT_DRIFTED");
    }

    /** Records a profiled observation with the label through {@code watershed validate}; its id. */
    private long record(String asset, String label, Path batch) throws IOException {
        CliRun validate = CliRun.of(
                "validate",
                "--registry",
                url(),
                "--token",
                Api.ADMIN_TOKEN,
                "--asset",
                asset,
                "--label",
                label,
                "--format",
                "json",
                batch.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        return JSON.readTree(validate.out())
                .path("items")
                .get(0)
                .path("data")
                .path("observationId")
                .asLong();
    }

    private CliRun baseline(String... args) {
        List<String> all = new ArrayList<>(List.of("baseline"));
        all.addAll(List.of(args));
        all.addAll(List.of("--registry", url(), "--token", Api.ADMIN_TOKEN));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String assetWithContract() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Api.publish(
                asset,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id")),
                201);
        return asset;
    }

    private String url() {
        return registry.toString();
    }
}
