package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.SchemaField;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dependency listing a field the producer's latest contract does not have: the consumer expects data that is not
 * published, typically because it was declared before the producer published its contract, or with a field since
 * dropped. A field counts as present as the declaration check counts it ({@link FieldPaths#unknownFields}): a field of
 * the contract, an object holding one, or one matched through {@code *}.
 *
 * <p>Only dependencies that resolve to the latest version, or to none, are judged: the field list known here is the
 * latest version's, and a consumer pinned to an older major reads that version, which may well have the field.
 * Producers without a contract have nothing to compare with, and a declaration without fields reads the whole
 * contract.
 */
public final class DeclaredFieldMissingRule implements FindingRule {

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<SchemaField>> schemaFields = new HashMap<>();
        for (AssetNode asset : facts.assets()) {
            for (DependencyEdge declared : facts.dependenciesOf(asset.name())) {
                String producer = declared.producer();
                Optional<Set<String>> contract = facts.contractFieldsOf(producer);
                SemanticVersion latest = facts.latestVersion(producer);
                if (declared.readsWholeContract()
                        || contract.isEmpty()
                        || (declared.resolvedVersion() != null
                                && !declared.resolvedVersion().equals(latest))) {
                    continue;
                }
                List<SchemaField> known =
                        schemaFields.computeIfAbsent(producer, name -> asSchemaFields(contract.get()));
                List<String> missing = FieldPaths.unknownFields(known, declared.fields());
                if (!missing.isEmpty()) {
                    findings.add(finding(declared, latest, missing));
                }
            }
        }
        return findings;
    }

    /** Only the paths take part in matching; the type is not known here. */
    private static List<SchemaField> asSchemaFields(Set<String> pointers) {
        return pointers.stream()
                .sorted()
                .map(pointer -> new SchemaField(pointer, "", false, null))
                .toList();
    }

    private static Finding finding(DependencyEdge declared, SemanticVersion latest, List<String> missing) {
        String producer = declared.producer();
        String consumer = declared.consumer();
        String version = latest == null ? "the latest version" : "version " + latest;
        List<String> kept = declared.fields().stream()
                .filter(field -> !missing.contains(field))
                .toList();
        String listing = "GET /api/v1/assets/" + producer + "/contracts" + (latest == null ? "" : "/" + latest);
        return new Finding(
                FindingCode.DECLARED_FIELD_MISSING,
                Severity.ERROR,
                consumer,
                consumer + " reads fields " + producer + "'s contract does not have",
                consumer + "'s dependency on " + producer + " lists " + String.join(", ", missing) + ", which "
                        + version + " of " + producer + "'s contract does not define; "
                        + consumer + " expects data that is not published.",
                List.of(producer, consumer),
                missing,
                (kept.isEmpty()
                                ? "Name the fields " + consumer + " reads instead (" + listing + " lists them) and"
                                        + " declare them with PUT /api/v1/assets/" + consumer + "/dependencies/"
                                        + producer
                                : "Drop " + String.join(", ", missing) + " from the dependency's fields: "
                                        + DependencyDeclaration.replacing(declared, kept))
                        + "; if " + producer + " should publish "
                        + (missing.size() == 1 ? "it" : "them") + ", its owner adds "
                        + (missing.size() == 1 ? "it" : "them") + " to the contract.");
    }
}
