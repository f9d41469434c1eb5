package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leakage through the graph: a feature or dataset that reads a {@code LABEL} field from its producer (or is built
 * from something that does) and that a model learns from. The model's own dependency looks clean, yet its inputs
 * may be computed from the answer, like a hospital name that stands in for the outcome.
 *
 * <p>A feature table or dataset that only carries the label through for training declares it in
 * {@code targetFields} of its dependency, which stops it (and what is built on it) from counting as derived. A model
 * reading only its own target fields of such an asset, or reading it for evaluation, is not reported.
 */
public final class LabelDerivedFeatureRule implements FindingRule {

    /** Where an asset's taint starts: the label's owner, the label fields, and the path from there. */
    private record Taint(List<String> path, List<String> labels) {}

    @Override
    public List<Finding> apply(EstateFacts facts) {
        Map<String, Taint> tainted = new HashMap<>();
        for (AssetNode asset : facts.assets()) {
            if (EstateFacts.MODEL.equals(asset.kind())) {
                continue;
            }
            Taint taint = null;
            for (DependencyEdge edge : facts.dependenciesOf(asset.name())) {
                List<String> labels = labelsRead(facts, edge);
                if (!labels.isEmpty()) {
                    taint = new Taint(List.of(edge.producer(), asset.name()), labels);
                    break;
                }
            }
            if (taint == null) {
                for (DependencyEdge edge : facts.dependenciesOf(asset.name())) {
                    Taint upstream = tainted.get(edge.producer());
                    if (upstream != null
                            && (taint == null
                                    || upstream.path().size() + 1 < taint.path().size())) {
                        List<String> path = new ArrayList<>(upstream.path());
                        path.add(asset.name());
                        taint = new Taint(path, upstream.labels());
                    }
                }
            }
            if (taint != null) {
                tainted.put(asset.name(), taint);
            }
        }
        List<Finding> findings = new ArrayList<>();
        tainted.forEach((name, taint) -> {
            String kind = facts.kindOf(name);
            if (!"FEATURE".equals(kind) && !"DATASET".equals(kind)) {
                return;
            }
            for (DependencyEdge edge : facts.consumersOf(name)) {
                if (facts.isModel(edge.consumer()) && edge.usage() != Usage.EVALUATION && !readsOnlyTargets(edge)) {
                    findings.add(finding(name, edge.consumer(), taint));
                }
            }
        });
        return findings;
    }

    private static List<String> labelsRead(EstateFacts facts, DependencyEdge edge) {
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, FieldMetadata> field :
                facts.fieldsOf(edge.producer()).entrySet()) {
            if (field.getValue().role() == FieldRole.LABEL
                    && edge.reads(field.getKey())
                    && !edge.terms().isTarget(field.getKey())) {
                labels.add(field.getKey());
            }
        }
        return labels;
    }

    private static boolean readsOnlyTargets(DependencyEdge edge) {
        return !edge.readsWholeContract() && edge.fields().stream().allMatch(edge.terms()::isTarget);
    }

    private static Finding finding(String feature, String model, Taint taint) {
        List<String> path = new ArrayList<>(taint.path());
        path.add(model);
        String source = taint.path().get(0);
        String reader = taint.path().get(1);
        String labels = String.join(", ", taint.labels());
        return new Finding(
                FindingCode.LABEL_DERIVED_FEATURE,
                Severity.WARNING,
                feature,
                "Model " + model + " learns from " + feature + ", which is derived from a label",
                reader + " reads the label " + labels + " of " + source + " without declaring it in targetFields; "
                        + (reader.equals(feature) ? "" : feature + " is built from " + reader + "; ")
                        + "features computed from the label leak the answer into " + model + " ("
                        + String.join(" -> ", path) + ").",
                path,
                taint.labels(),
                "Check which of " + feature + "'s fields are computed from " + labels + " and drop them. If " + reader
                        + " only carries the label through for training, declare " + labels + " in targetFields of"
                        + " its dependency on " + source + ".");
    }
}
