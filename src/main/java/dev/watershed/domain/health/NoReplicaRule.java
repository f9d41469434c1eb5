package dev.watershed.domain.health;

import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.LineageTraversal;
import java.util.ArrayList;
import java.util.List;

/**
 * A HIGH-criticality source that a model depends on, directly or transitively, and that no other asset declares
 * itself a replica or fallback of ({@code replicaOf}): when it is down or wrong, the model has nothing to fall back
 * on.
 */
public final class NoReplicaRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        LineageTraversal lineage = new LineageTraversal(facts.graph());
        for (AssetNode asset : facts.assets()) {
            String name = asset.name();
            if (!"SOURCE".equals(asset.kind())
                    || !facts.isHighCriticality(name)
                    || !facts.feedsModel(name)
                    || !facts.replicasOf(name).isEmpty()) {
                continue;
            }
            List<String> path = lineage.nearestDownstream(name, facts::isModel);
            String model = path.get(path.size() - 1);
            findings.add(new Finding(
                    FindingCode.NO_REPLICA,
                    Severity.WARNING,
                    name,
                    "High-criticality source " + name + " has no replica or fallback",
                    name + " is marked criticality HIGH and feeds model " + model + " (" + String.join(" -> ", path)
                            + "), but no asset declares replicaOf: " + name + ", so an outage or a bad load of it"
                            + " stops the model.",
                    path,
                    List.of(),
                    "Register the replica, mirror or fallback the model can switch to with \"replicaOf\": \"" + name
                            + "\", or lower " + name + "'s criticality if the model can do without it."));
        }
        return findings;
    }
}
