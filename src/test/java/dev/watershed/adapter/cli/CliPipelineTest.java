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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in a daily pipeline, in-process against the test registry: validate --label, drift from the first batch. */
@QuarkusTest
class CliPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL registry;

    @TempDir
    Path directory;

    @Test
    void theFirstBatchOfALabelIsRecordedWithExitZeroAndTheSecondIsComparedWithIt() throws IOException {
        String asset = assetWithContract();

        CliRun first = drift(
                asset, AmountBatches.write(directory, "first", 100, 1), "--against", "previous", "--label", "daily");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("first batch for label 'daily' recorded as observation")
                .contains("nothing to compare yet");

        CliRun second = drift(
                asset, AmountBatches.write(directory, "second", 100, 2), "--against", "previous", "--label", "daily");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("no drift").contains("against previous observation");
    }

    @Test
    void theFirstBatchAgainstAMissingBaselineIsRecordedAndWithoutALabelStillRefused() throws IOException {
        String asset = assetWithContract();

        CliRun unlabelled = drift(asset, AmountBatches.write(directory, "x", 100, 1));
        assertThat(unlabelled.exitCode()).isEqualTo(2);
        assertThat(unlabelled.err()).contains("NO_BASELINE");

        CliRun labelled =
                drift(asset, AmountBatches.write(directory, "y", 100, 2), "--label", "training", "--format", "json");
        assertThat(labelled.exitCode()).as(labelled.out() + labelled.err()).isZero();
        JsonNode data = JSON.readTree(labelled.out()).path("items").get(0).path("data");
        assertThat(data.path("note").asText()).contains("no baseline yet");
        assertThat(data.path("against").isNull()).isTrue();
        assertThat(data.path("current").path("observationId").asLong()).isPositive();
    }

    @Test
    void validateWithALabelRecordsAnObservationThatDriftComparesWith() throws IOException {
        String asset = assetWithContract();

        CliRun validate = CliRun.of(
                "validate",
                "--registry",
                url(),
                "--token",
                Api.ADMIN_TOKEN,
                "--asset",
                asset,
                "--label",
                "nightly",
                AmountBatches.write(directory, "v", 100, 1).toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("recorded as observation").contains("(label nightly)");

        CliRun drift = drift(
                asset, AmountBatches.write(directory, "w", 100, 2), "--against", "previous", "--label", "nightly");
        assertThat(drift.exitCode()).as(drift.out() + drift.err()).isZero();
        assertThat(drift.out()).contains("against previous observation").doesNotContain("first batch");
    }

    @Test
    void validateAnnotatesTheOneBasedLineOfEachInvalidRecord() throws IOException {
        String asset = assetWithContract();
        Path data = Files.writeString(directory.resolve("data.ndjson"), """
                {"id": "a", "amount": 1}

                {"id": "b", "amount": "lots"}
                {"id": "c", "amount": 3}
                {"amount": 4}
                """);

        CliRun github =
                CliRun.of("validate", "--registry", url(), "--asset", asset, "--format", "github", data.toString());
        assertThat(github.exitCode()).as(github.out() + github.err()).isEqualTo(1);
        assertThat(github.out())
                .contains("::error file=" + ReportWriter.display(data) + ",line=3,")
                .contains("::error file=" + ReportWriter.display(data) + ",line=5,")
                .doesNotContain("line=1,");

        CliRun text = CliRun.of("validate", "--registry", url(), "--asset", asset, data.toString());
        assertThat(text.out()).contains("record at line 3, /amount").contains("record at line 5, (root)");
        assertThat(occurrences(text.out(), "record at line 3")).isEqualTo(1);

        CliRun offline =
                CliRun.of("validate", "--schema", schemaFile().toString(), "--format", "github", data.toString());
        assertThat(offline.out()).contains(",line=3,").contains(",line=5,");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private Path schemaFile() throws IOException {
        return Files.writeString(directory.resolve("schema.json"), JSON.writeValueAsString(schema()));
    }

    private static Map<String, Object> schema() {
        return Api.objectSchema(
                Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "number")), List.of("id"));
    }

    private String assetWithContract() {
        String asset = Api.createAsset(Api.createTeam(), "DATASET");
        Api.publish(asset, schema(), 201);
        return asset;
    }

    private CliRun drift(String asset, Path batch, String... options) {
        List<String> args = new java.util.ArrayList<>(
                List.of("drift", batch.toString(), "--asset", asset, "--registry", url(), "--token", Api.ADMIN_TOKEN));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String url() {
        return registry.toString();
    }
}
