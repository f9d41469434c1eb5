package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.LineageTraversal;
import dev.watershed.domain.graph.UpstreamPaths;
import dev.watershed.domain.graph.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model trained and evaluated on data from one common upstream asset, with no {@code splitKey} on either
 * dependency: nothing says the evaluation rows are not the training rows, or the same patients, authors or stores
 * again, which makes the evaluation flatter the model. The common asset reported is the nearest one (fewest hops
 * down both ways). The finding's {@code path} is the training path and its other path the evaluation one, so it is
 * listed with the findings of every asset on either.
 */
public final class SplitWithoutKeyRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        LineageTraversal lineage = new LineageTraversal(facts.graph());
        for (AssetNode asset : facts.assets()) {
            if (!EstateFacts.MODEL.equals(asset.kind())) {
                continue;
            }
            List<DependencyEdge> training = new ArrayList<>();
            List<DependencyEdge> evaluation = new ArrayList<>();
            for (DependencyEdge edge : facts.dependenciesOf(asset.name())) {
                if (edge.usage() == Usage.EVALUATION) {
                    evaluation.add(edge);
                } else if (edge.usage().trains()) {
                    training.add(edge);
                }
            }
            for (DependencyEdge eval : evaluation) {
                if (eval.terms().splitKey() != null) {
                    continue;
                }
                UpstreamPaths evalUpstream = lineage.upstreamPaths(eval.producer());
                for (DependencyEdge train : training) {
                    if (train.terms().splitKey() != null) {
                        continue;
                    }
                    UpstreamPaths trainUpstream = lineage.upstreamPaths(train.producer());
                    String shared =
                            trainUpstream.nearestSharedWith(evalUpstream).orElse(null);
                    if (shared != null) {
                        findings.add(finding(
                                facts,
                                asset.name(),
                                train,
                                eval,
                                shared,
                                trainUpstream.pathFrom(shared),
                                evalUpstream.pathFrom(shared)));
                    }
                }
            }
        }
        return findings;
    }

    private static Finding finding(
            EstateFacts facts,
            String model,
            DependencyEdge train,
            DependencyEdge eval,
            String shared,
            List<String> trainPath,
            List<String> evalPath) {
        List<String> path = new ArrayList<>(trainPath);
        path.add(model);
        List<String> evaluationPath = new ArrayList<>(evalPath);
        evaluationPath.add(model);
        List<String> ids = facts.fieldsOf(shared).entrySet().stream()
                .filter(field -> field.getValue().role() == FieldRole.ID)
                .map(Map.Entry::getKey)
                .toList();
        return new Finding(
                FindingCode.SPLIT_WITHOUT_KEY,
                Severity.WARNING,
                model,
                "Training and evaluation data of " + model + " come from the same source without a split key",
                model + " trains on " + train.producer() + " and is evaluated on " + eval.producer() + "; both are"
                        + " derived from " + shared + " (training: " + String.join(" -> ", path) + "; evaluation: "
                        + String.join(" -> ", evaluationPath) + ") and neither dependency declares a splitKey, so"
                        + " nothing says the evaluation rows are disjoint from the training rows.",
                path,
                ids,
                "Split " + shared + " by a key that keeps related rows together (an entity or time"
                        + (ids.isEmpty() ? "" : ", e.g. " + String.join(" or ", ids)) + ") and declare it as"
                        + " splitKey on " + model + "'s dependencies on " + train.producer() + " and "
                        + eval.producer() + ".",
                List.of(evaluationPath));
    }
}
