package dev.watershed.domain.health;

import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.lineage.ObservedEdge;
import dev.watershed.domain.lineage.ObservedLineage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A declared dependency no run has shown within {@link ObservedLineage#staleAfter()} while the consumer's jobs did
 * run: the declaration may describe a read that stopped, and keeps the producer's owner coordinating changes with a
 * reader that is gone. Only consumers whose jobs report lineage and ran within that time are judged; a consumer with
 * no observed run says nothing about what it reads. INFO: the read may happen outside the jobs that report lineage.
 */
public final class StaleDeclarationRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        ObservedLineage observed = facts.observed();
        Duration staleAfter = observed.staleAfter();
        Instant since = facts.now().minus(staleAfter);
        List<Finding> findings = new ArrayList<>();
        for (AssetNode asset : facts.assets()) {
            String consumer = asset.name();
            Optional<Instant> lastRun = observed.lastRunOf(consumer);
            if (lastRun.isEmpty() || lastRun.get().isBefore(since)) {
                continue;
            }
            for (DependencyEdge declared : facts.dependenciesOf(consumer)) {
                Optional<ObservedEdge> seen = observed.edge(declared.producer(), consumer);
                if (seen.isPresent() && !seen.get().lastSeen().isBefore(since)) {
                    continue;
                }
                findings.add(finding(declared, lastRun.get(), seen, staleAfter));
            }
        }
        return findings;
    }

    private static Finding finding(
            DependencyEdge declared, Instant lastRun, Optional<ObservedEdge> seen, Duration staleAfter) {
        String producer = declared.producer();
        String consumer = declared.consumer();
        String within = describe(staleAfter);
        return new Finding(
                FindingCode.STALE_DECLARATION,
                Severity.INFO,
                consumer,
                consumer + " declares it reads " + producer + ", but no run in the last " + within + " did",
                consumer + "'s jobs ran (last completed run " + lastRun + ") but none read " + producer
                        + " in the last "
                        + within
                        + seen.map(edge ->
                                        "; " + UndeclaredDependencyRule.jobs(edge) + " last read it " + edge.lastSeen())
                                .orElse("; no run was ever seen reading it")
                        + ". The declaration keeps " + producer + "'s owner coordinating changes with a reader that may"
                        + " be gone.",
                List.of(producer, consumer),
                declared.fields(),
                "If " + consumer + " no longer reads " + producer + ", remove the declaration: DELETE /api/v1/assets/"
                        + consumer + "/dependencies/" + producer + ". If it still does, make the job that reads it"
                        + " report lineage, with " + producer + "'s dataset among its inputs and listed in "
                        + producer + "'s lineageIds.");
    }

    /** "30 days" for whole days, the ISO form otherwise. */
    private static String describe(Duration duration) {
        long days = duration.toDays();
        if (days > 0 && duration.equals(Duration.ofDays(days))) {
            return days == 1 ? "day" : days + " days";
        }
        return duration.toString();
    }
}
