package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Training/serving skew of a model's inputs through {@code GET /api/v1/assets/{model}/skew}: one item per producer
 * the model reads. Exit 1 when a feature skews beyond its threshold. A producer without both observations is a
 * warning by default, since a model not yet serving has no serving data; {@code --require-observations} fails it.
 */
@Command(
        name = "skew",
        description = "Compare the training and serving data of everything a model reads. Exit 1"
                + " when a feature skews beyond its threshold (or, with --require-observations, when a producer lacks an"
                + " observation).")
final class SkewCommand extends ReportingCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model asset")
    String model;

    @Option(
            names = "--training",
            paramLabel = "LABEL",
            description = "Label of the training observations (default: training)")
    String training;

    @Option(
            names = "--serving",
            paramLabel = "LABEL",
            description = "Label of the serving observations (default: serving)")
    String serving;

    @Option(
            names = "--require-observations",
            description =
                    "Fail when a producer lacks a profiled training or" + " serving observation (default: a warning)")
    boolean requireObservations;

    @Override
    Report report() {
        StringBuilder query = new StringBuilder();
        if (training != null) {
            query.append("&training=").append(RegistryClient.encode(training));
        }
        if (serving != null) {
            query.append("&serving=").append(RegistryClient.encode(serving));
        }
        String path = "/api/v1/assets/" + RegistryClient.encode(model) + "/skew"
                + (query.isEmpty() ? "" : "?" + query.substring(1));
        RegistryClient.Reply reply = registry.client().get(path);
        if (!reply.ok()) {
            throw new CliException("the registry could not compute the skew of " + model + ": " + reply.problem());
        }
        JsonNode answer = reply.body();
        Report.Builder report = new Report.Builder("skew").emptyNote(model + " reads no producer: nothing to compare.");
        for (JsonNode producer : answer.path("producers")) {
            report.add(producer(producer));
        }
        for (JsonNode missing : answer.path("missing")) {
            report.add(missing(missing));
        }
        return report.build();
    }

    private static Report.Item producer(JsonNode producer) {
        String name = producer.path("producer").asText();
        List<String> details = new ArrayList<>();
        producer.path("anomalies")
                .forEach(anomaly -> details.add(anomaly.path("detail").asText()));
        for (JsonNode feature : producer.path("features")) {
            details.add(feature(feature));
        }
        String compared = "training " + DriftCommand.describe(producer.path("training")) + " vs serving "
                + DriftCommand.describe(producer.path("serving"));
        if (producer.path("skewed").asBoolean()) {
            List<String> fields = new ArrayList<>();
            producer.path("skewedFields").forEach(field -> fields.add(field.asText()));
            return Report.Item.failed(
                    name, null, 0, "skewed on " + String.join(", ", fields) + ": " + compared, details, producer);
        }
        return Report.Item.passed(
                name,
                null,
                0,
                "no skew over " + producer.path("features").size() + " fields: " + compared,
                details,
                producer);
    }

    /** "/mean_heart_rate: numeric, distance 0.382 > threshold 0.100, SKEWED". */
    private static String feature(JsonNode feature) {
        String field = feature.path("field").asText();
        boolean skewed = !feature.path("anomalies").isEmpty();
        if (!feature.hasNonNull("distance") || !feature.hasNonNull("threshold")) {
            return field + ": " + feature.path("kind").asText() + ", null rate only" + (skewed ? ", SKEWED" : "");
        }
        double distance = feature.path("distance").asDouble();
        double threshold = feature.path("threshold").asDouble();
        return String.format(
                Locale.ROOT,
                "%s: %s, distance %.3f %s threshold %.3f%s",
                field,
                feature.path("kind").asText(),
                distance,
                distance > threshold ? ">" : "<=",
                threshold,
                skewed ? ", SKEWED" : "");
    }

    private Report.Item missing(JsonNode missing) {
        String name = missing.path("producer").asText();
        List<String> lacking = new ArrayList<>();
        missing.path("lacking").forEach(label -> lacking.add(label.asText()));
        String summary = "not compared: no profiled observation labelled " + String.join(" and ", lacking);
        String hint = missing.path("hint").asText();
        if (requireObservations) {
            return Report.Item.failed(name, null, 0, summary, List.of(hint), missing);
        }
        return new Report.Item(
                name,
                null,
                0,
                Report.Outcome.PASSED,
                summary,
                List.of(),
                List.of(new Report.Finding(Report.Severity.WARNING, null, 0, hint)),
                missing);
    }
}
