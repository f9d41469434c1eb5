package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.lineage.ObservedEdge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs that read fields of a producer its consumer's dependency does not list: the producer's owner, told by impact
 * analysis that nobody reads them, may change or drop them. A read counts as declared when it is a listed field or
 * lies inside one ({@link FieldPath#isPrefixOf}, {@code *} for any item); reading a whole object of which only some
 * fields are listed is not. A declaration without a field list reads everything, and an undeclared edge is
 * {@link UndeclaredDependencyRule}'s.
 */
public final class FieldReadNotDeclaredRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (ObservedEdge edge : facts.observed().edges()) {
            Optional<DependencyEdge> declared = facts.dependency(edge.producer(), edge.consumer());
            if (declared.isEmpty() || declared.get().readsWholeContract()) {
                continue;
            }
            List<String> undeclared = edge.fieldsRead().stream()
                    .filter(read -> declared.get().fields().stream().noneMatch(f -> FieldPath.isPrefixOf(f, read)))
                    .toList();
            if (!undeclared.isEmpty()) {
                findings.add(finding(edge, declared.get(), undeclared));
            }
        }
        return findings;
    }

    private static Finding finding(ObservedEdge edge, DependencyEdge declared, List<String> undeclared) {
        String producer = edge.producer();
        String consumer = edge.consumer();
        Set<String> fields = new LinkedHashSet<>(declared.fields());
        fields.addAll(undeclared);
        return new Finding(
                FindingCode.FIELD_READ_NOT_DECLARED,
                Severity.WARNING,
                consumer,
                consumer + " reads fields of " + producer + " its dependency does not list",
                "OpenLineage runs of " + UndeclaredDependencyRule.jobs(edge) + " (last seen " + edge.lastSeen()
                        + ") read " + String.join(", ", undeclared) + " of " + producer + "; " + consumer
                        + "'s dependency lists only " + String.join(", ", declared.fields()) + ", so " + producer
                        + "'s impact analysis does not count " + consumer + " among the readers of "
                        + (undeclared.size() == 1 ? "that field" : "those fields") + ".",
                List.of(producer, consumer),
                undeclared,
                "Add " + String.join(", ", undeclared) + " to the dependency's fields: "
                        + DependencyDeclaration.replacing(declared, List.copyOf(fields))
                        + ". If the job should not read " + (undeclared.size() == 1 ? "it" : "them")
                        + ", change the job instead.");
    }
}
