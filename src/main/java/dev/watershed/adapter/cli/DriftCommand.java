package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks a batch (an NDJSON or Avro file, streamed) or a stored observation for drift through
 * {@code POST /api/v1/assets/{name}/drift}. Exit 1 when anything drifted, so a pipeline stops before a shifted
 * batch reaches its consumers.
 */
@Command(
        name = "drift",
        description = "Compare a batch (.ndjson/.jsonl or .avro, streamed) or a stored observation"
                + " (--observation) with the asset's baseline or its previous observation (needs a token). Exit 1 when it"
                + " drifted.")
final class DriftCommand extends ReportingCommand {

    /** What the batch is compared with; the registry's {@code against} values. */
    enum Against {
        baseline,
        previous
    }

    @Mixin
    RegistryOptions registry;

    @Option(names = "--asset", required = true, paramLabel = "NAME", description = "The asset the data belongs to")
    String asset;

    @Option(
            names = "--against",
            paramLabel = "WHAT",
            defaultValue = "baseline",
            description = "${COMPLETION-CANDIDATES}: the asset's baseline, or its previous observation with the same"
                    + " label (default: ${DEFAULT-VALUE})")
    Against against;

    @Option(
            names = "--baseline",
            paramLabel = "ID",
            description = "With --against baseline: this baseline instead of the newest")
    Long baseline;

    @Option(
            names = "--label",
            paramLabel = "LABEL",
            description = "Record the batch as an observation with this"
                    + " label (needed by --against previous for a batch). The first batch of a label, with nothing"
                    + " to compare yet, is recorded and exits 0 with a note")
    String label;

    @Option(
            names = "--observation",
            paramLabel = "ID",
            description = "Check this stored observation instead of a file (it keeps its own label)")
    Long observation;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The batch: .ndjson/.jsonl or .avro")
    Path data;

    @Override
    Report report() {
        RegistryClient client = registry.client();
        if ((data == null) == (observation == null)) {
            throw new CliException(
                    "give either a FILE or --observation ID, not " + (data == null ? "neither" : "both"));
        }
        if (observation != null && label != null) {
            throw new CliException("--label records a batch; a stored observation keeps its own label:"
                    + " leave --label out with --observation");
        }
        if (baseline != null && against == Against.previous) {
            throw new CliException("--baseline pins the baseline of --against baseline; --against previous compares"
                    + " with the previous observation instead");
        }
        if (!client.hasToken()) {
            // The registry stores checks with anomalies and notifies everyone downstream, so it asks for a token.
            throw new CliException("drift checks need a token of any team: set --token or WATERSHED_TOKEN");
        }
        StringBuilder query = new StringBuilder("?against=").append(against.name());
        if (baseline != null) {
            query.append("&baseline=").append(baseline);
        }
        if (label != null) {
            query.append("&label=").append(RegistryClient.encode(label));
        }
        String path = "/api/v1/assets/" + RegistryClient.encode(asset) + "/drift" + query;
        RegistryClient.Reply reply;
        if (observation != null) {
            ObjectNode body = Declarations.JSON.createObjectNode().put("observation", observation);
            reply = client.post(path, body);
        } else {
            if (!Files.isRegularFile(data)) {
                throw new CliException(data + ": no such file");
            }
            reply = client.postFile(path, data, contentType(data));
        }
        if (!reply.ok()) {
            throw new CliException("the registry could not check " + asset + " for drift: " + reply.problem());
        }
        return new Report.Builder("drift").add(item(reply.body())).build();
    }

    private Report.Item item(JsonNode result) {
        Path file = data;
        int line = data == null ? 0 : 1;
        if (result.hasNonNull("note")) {
            // The first batch of a label: recorded, nothing compared, and not a failure, or a daily job never starts.
            return Report.Item.passed(asset, file, line, result.path("note").asText(), List.of(), result);
        }
        List<String> details = new ArrayList<>();
        JsonNode anomalies = result.path("anomalies");
        anomalies.forEach(anomaly -> details.add(anomaly.path("detail").asText()));
        details.add(compared(result.path("fields")));
        if (result.hasNonNull("id")) {
            details.add("stored as drift check " + result.path("id").asLong() + "; drift.detected sent downstream");
        }
        String compared = current(result.path("current")) + " against " + describe(result.path("against"));
        if (result.path("drifted").asBoolean()) {
            String summary = "drifted: " + anomalies.size() + (anomalies.size() == 1 ? " anomaly" : " anomalies") + ", "
                    + compared;
            return Report.Item.failed(asset, file, line, summary, details, result);
        }
        return Report.Item.passed(asset, file, line, "no drift, " + compared, details, result);
    }

    /**
     * Which fields the check looked at and how: a distribution distance, or only the null rate (identifiers, free
     * text, booleans), so that a reader sees what "no drift" covered.
     */
    private static String compared(JsonNode fields) {
        List<String> distributions = new ArrayList<>();
        List<String> nullRates = new ArrayList<>();
        for (JsonNode field : fields) {
            (field.hasNonNull("distance") ? distributions : nullRates)
                    .add(field.path("field").asText());
        }
        if (distributions.isEmpty() && nullRates.isEmpty()) {
            return "no fields compared";
        }
        StringBuilder text = new StringBuilder("fields compared: ");
        if (!distributions.isEmpty()) {
            text.append(String.join(", ", distributions)).append(" by distribution");
        }
        if (!nullRates.isEmpty()) {
            text.append(distributions.isEmpty() ? "" : "; ")
                    .append(String.join(", ", nullRates))
                    .append(" by null rate only");
        }
        return text.toString();
    }

    /** The checked data: the file's batch, or the stored observation. */
    private String current(JsonNode current) {
        if (data == null) {
            return describe(current);
        }
        String batch = "batch of " + current.path("records").asLong() + " records";
        if (!current.hasNonNull("observationId")) {
            return batch;
        }
        return batch + " recorded as observation "
                + current.path("observationId").asLong() + " (label "
                + current.path("label").asText() + ")";
    }

    /** A profile reference as the registry gives it ({@code against}, {@code current}, skew's sides), in words. */
    static String describe(JsonNode reference) {
        String kind = reference.path("kind").asText();
        long records = reference.path("records").asLong();
        String label = reference.path("label").asText(null);
        Long id = reference.hasNonNull("id")
                ? Long.valueOf(reference.path("id").asLong())
                : reference.hasNonNull("observationId")
                        ? Long.valueOf(reference.path("observationId").asLong())
                        : null;
        String what = switch (kind) {
            case "baseline" -> "baseline " + id;
            case "previous" -> "previous observation " + id;
            default -> kind + (id == null ? "" : " " + id);
        };
        return what + " (" + (label == null ? "" : "label " + label + ", ") + records + " records)";
    }

    /** Only streams: drift compares distributions, which a single JSON record does not have. */
    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".avro")) {
            return "application/avro";
        }
        throw new CliException(file + ": drift compares a batch of records; name it .ndjson, .jsonl or .avro");
    }
}
