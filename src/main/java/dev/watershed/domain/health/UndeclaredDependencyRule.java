package dev.watershed.domain.health;

import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.ObservedEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * Data seen flowing from one registered asset to another in OpenLineage runs, with no dependency declared: the
 * producer's owner cannot see this reader in impact analysis, so a breaking change reaches it unannounced. The
 * consumer's owner acts, by declaring what its jobs already read. A job reading and writing the same asset is not a
 * dependency and is left out, as are assets the graph no longer holds.
 */
public final class UndeclaredDependencyRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (ObservedEdge edge : facts.observed().edges()) {
            String producer = edge.producer();
            String consumer = edge.consumer();
            if (producer.equals(consumer)
                    || facts.asset(producer).isEmpty()
                    || facts.asset(consumer).isEmpty()
                    || facts.dependency(producer, consumer).isPresent()) {
                continue;
            }
            findings.add(new Finding(
                    FindingCode.UNDECLARED_DEPENDENCY,
                    Severity.WARNING,
                    consumer,
                    consumer + " reads " + producer + " without declaring it",
                    "OpenLineage runs of " + jobs(edge) + " read " + producer + " and wrote " + consumer + " ("
                            + edge.runs() + " completed run" + (edge.runs() == 1 ? "" : "s") + ", last seen "
                            + edge.lastSeen() + ")"
                            + (edge.fieldsRead().isEmpty() ? "" : ", reading " + String.join(", ", edge.fieldsRead()))
                            + "; " + consumer + " declares no dependency on " + producer + ", so " + producer
                            + "'s impact analysis does not list it and breaking changes reach it unannounced.",
                    List.of(producer, consumer),
                    edge.fieldsRead(),
                    "Declare the dependency: " + DependencyDeclaration.of(producer, consumer, edge.fieldsRead())
                            + ". If the job should not read " + producer + ", change the job instead."));
        }
        return findings;
    }

    /** "job ns/name" or "jobs ns/a, ns/b", for the details of the lineage rules. */
    static String jobs(ObservedEdge edge) {
        List<String> names = edge.jobs().stream().map(JobId::toString).toList();
        if (names.isEmpty()) {
            return "a job";
        }
        return (names.size() == 1 ? "job " : "jobs ") + String.join(", ", names);
    }
}
