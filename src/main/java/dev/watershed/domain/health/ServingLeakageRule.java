package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leakage a model's own dependencies declare: it reads for serving a field its producer marks
 * {@code servingAvailable: false} ({@link FindingCode#SERVING_UNAVAILABLE_FIELD}), or it reads a {@code LABEL} field
 * that is not among its {@code targetFields} ({@link FindingCode#LABEL_AS_INPUT}). Target fields are what the model
 * predicts, never an input, so neither check applies to them; a label is reported once, as a label.
 */
public final class ServingLeakageRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (var asset : facts.assets()) {
            if (!EstateFacts.MODEL.equals(asset.kind())) {
                continue;
            }
            for (DependencyEdge edge : facts.dependenciesOf(asset.name())) {
                Map<String, FieldMetadata> metadata = facts.fieldsOf(edge.producer());
                List<String> labels = new ArrayList<>();
                List<String> unavailable = new ArrayList<>();
                metadata.forEach((field, meta) -> {
                    if (!edge.reads(field) || edge.terms().isTarget(field)) {
                        return;
                    }
                    if (meta.role() == FieldRole.LABEL) {
                        labels.add(field);
                    } else if (!meta.servingAvailable() && edge.usage().serves()) {
                        unavailable.add(field);
                    }
                });
                if (!labels.isEmpty() && edge.usage() != Usage.EVALUATION) {
                    findings.add(labelAsInput(facts, edge, labels));
                }
                if (!unavailable.isEmpty()) {
                    findings.add(servingUnavailable(facts, edge, unavailable));
                }
            }
        }
        return findings;
    }

    private static Finding labelAsInput(EstateFacts facts, DependencyEdge edge, List<String> labels) {
        return new Finding(
                FindingCode.LABEL_AS_INPUT,
                Severity.ERROR,
                edge.consumer(),
                "Model " + edge.consumer() + " reads a label as an input",
                edge.consumer() + " reads " + String.join(", ", labels) + " of " + edge.producer()
                        + version(facts, edge) + " for " + edge.usage()
                        + (edge.readsWholeContract() ? " (it reads the whole contract)" : "") + "; the contract marks "
                        + (labels.size() == 1 ? "it" : "them") + " role LABEL and the dependency does not declare "
                        + (labels.size() == 1 ? "it" : "them") + " in targetFields, so the model sees the answer"
                        + " while it learns.",
                List.of(edge.producer(), edge.consumer()),
                labels,
                "If " + edge.consumer() + " learns to predict " + String.join(", ", labels) + ", declare "
                        + (labels.size() == 1 ? "it" : "them") + " in targetFields of its dependency on "
                        + edge.producer() + "; otherwise remove " + (labels.size() == 1 ? "it" : "them")
                        + " from the dependency's fields.");
    }

    private static Finding servingUnavailable(EstateFacts facts, DependencyEdge edge, List<String> unavailable) {
        return new Finding(
                FindingCode.SERVING_UNAVAILABLE_FIELD,
                Severity.ERROR,
                edge.consumer(),
                "Model " + edge.consumer() + " serves on fields that do not exist at prediction time",
                edge.consumer() + " reads " + String.join(", ", unavailable) + " of " + edge.producer()
                        + version(facts, edge) + " for " + edge.usage() + ", but the contract marks "
                        + (unavailable.size() == 1 ? "it" : "them") + " servingAvailable: false (known only in"
                        + " hindsight): a model trained on " + (unavailable.size() == 1 ? "it" : "them")
                        + " learns from information it will not have when it predicts.",
                List.of(edge.producer(), edge.consumer()),
                unavailable,
                "Remove " + String.join(", ", unavailable) + " from the fields " + edge.consumer() + " reads of "
                        + edge.producer() + " (or declare usage TRAINING if it never serves from " + edge.producer()
                        + "). If the value does exist at prediction time, " + edge.producer() + "'s owner sets"
                        + " servingAvailable: true in its contract.");
    }

    private static String version(EstateFacts facts, DependencyEdge edge) {
        SemanticVersion latest = facts.latestVersion(edge.producer());
        return latest == null ? "" : " " + latest;
    }
}
