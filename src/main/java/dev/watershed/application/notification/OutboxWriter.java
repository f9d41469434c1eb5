package dev.watershed.application.notification;

import dev.watershed.application.asset.AssetDeleted;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.BreakingChangeVerdict;
import dev.watershed.application.contract.ContractDeprecated;
import dev.watershed.application.contract.ContractPublished;
import dev.watershed.application.contract.ContractRolledBack;
import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyAdded;
import dev.watershed.application.dependency.DependencyRemoved;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.application.drift.DriftCheck;
import dev.watershed.application.drift.DriftDetected;
import dev.watershed.application.lineage.ContractViolated;
import dev.watershed.application.notification.OutboxEntries.Reason;
import dev.watershed.application.timeline.TimelineService;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.application.validation.ValidationRecorded;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.FieldImpactAnalysis;
import dev.watershed.domain.graph.ImpactedAsset;
import dev.watershed.domain.notification.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes events, their deliveries and inbox rows into the outbox, inside the transaction of the change
 * ({@link Transactional.TxType#MANDATORY}): a change is never stored without its events, nor an event without its
 * change. Every event is stored, even one nobody is told about: the events are also the change journal that
 * {@link TimelineService} reads. Recipients are the owners of the affected downstream assets, computed from the
 * graph with field precision, plus the teams subscribed to the changed asset.
 *
 * <p>The changes arrive as the events their capabilities fire ({@code ContractPublished}, {@code AssetDeleted}...),
 * which this class observes; none of them knows notification. The observers are synchronous on purpose
 * ({@link Observes}, in the default phase {@code IN_PROGRESS}): CDI runs them in the thread of {@code fire()}, so
 * within the change's transaction, and an exception here fails the change. That is what makes the outbox atomic with
 * the change, including one refused after its event was fired (an asset that still has consumers). Neither
 * {@code @ObservesAsync} nor {@code during = AFTER_SUCCESS} would do: both would write outside the change's
 * transaction, after it committed, so a crash in between would lose the event, and both would see the graph after
 * the change (a deleted asset no longer has the consumers to tell).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxWriter {

    private final OutboxEntries entries;
    private final EstateGraph estate;
    private final WatershedConfig config;

    public OutboxWriter(OutboxEntries entries, EstateGraph estate, WatershedConfig config) {
        this.entries = entries;
        this.estate = estate;
        this.config = config;
    }

    /**
     * When differences break some reader, the owners of everything the breaking paths impact, transitively. When
     * none breaks, only the direct consumers that read a changed field: a compatible change is news to those who
     * read what changed, not to everyone downstream of them.
     */
    void contractPublished(@Observes ContractPublished published) {
        Contract contract = published.contract();
        PublishPlan plan = published.plan();
        String asset = contract.asset();
        List<ImpactedAsset> impacted = affectedBy(asset, plan.differences());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", asset);
        data.put("version", contract.version().toString());
        data.put(
                "previousVersion",
                plan.latest().map(previous -> previous.version().toString()).orElse(null));
        data.put("bump", plan.bump().map(Enum::name).orElse(null));
        data.put("compatible", plan.compatible());
        data.put("differences", plan.differences());
        data.put("changelog", contract.changelog());
        data.put("publishedBy", contract.createdBy());
        if (plan.acknowledgedBreakingChange()) {
            data.put("breakingChange", breakingChange(plan.breakingChange(), contract.createdBy()));
            entries.store(
                    EventType.CONTRACT_PUBLISHED,
                    asset,
                    Set.of(asset),
                    data,
                    reasons(impacted, migrationNote(plan.breakingChange())));
            return;
        }
        publish(EventType.CONTRACT_PUBLISHED, asset, data, impacted);
    }

    /** What an acknowledged breaking change tells consumers, with who acknowledged it, for the journal. */
    private static Map<String, Object> breakingChange(BreakingChangeVerdict verdict, String acknowledgedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acknowledged", true);
        data.put("version", verdict.version());
        data.put("migration", verdict.migration());
        data.put(
                "retireOldMajorBy",
                verdict.retireOldMajorBy() == null
                        ? null
                        : verdict.retireOldMajorBy().toString());
        data.put("acknowledgedBy", acknowledgedBy);
        return data;
    }

    /** Appended to every impacted owner's reason: the inbox is where they read what to do. */
    private static String migrationNote(BreakingChangeVerdict verdict) {
        return "; breaking change " + verdict.version() + " acknowledged by its producer. Migration: "
                + verdict.migration()
                + (verdict.retireOldMajorBy() == null
                        ? ""
                        : ". The old major is retired by " + verdict.retireOldMajorBy());
    }

    /**
     * The recipients follow the rule of {@link #contractPublished}: the change is what readers see, whatever its
     * cause.
     */
    void contractRolledBack(@Observes ContractRolledBack rolledBack) {
        Contract contract = rolledBack.contract();
        PublishPlan plan = rolledBack.plan();
        String asset = contract.asset();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", asset);
        data.put("version", contract.version().toString());
        data.put("rolledBackTo", contract.rolledBackTo().toString());
        data.put(
                "replacedVersion",
                plan.latest().map(previous -> previous.version().toString()).orElse(null));
        data.put("bump", plan.bump().map(Enum::name).orElse(null));
        data.put("compatible", plan.compatible());
        data.put("forced", rolledBack.forced());
        data.put("differences", plan.differences());
        data.put("changelog", contract.changelog());
        data.put("publishedBy", contract.createdBy());
        publish(EventType.CONTRACT_ROLLED_BACK, asset, data, affectedBy(asset, plan.differences()));
    }

    /** Everyone downstream: a deprecated version is one every reader has to leave. */
    void contractDeprecated(@Observes ContractDeprecated deprecated) {
        Contract contract = deprecated.contract();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", contract.asset());
        data.put("version", contract.version().toString());
        publish(EventType.CONTRACT_DEPRECATED, contract.asset(), data, impact(contract.asset(), List.of()));
    }

    /**
     * The producer's owner (someone new reads their data) and the owners downstream of the consumer (their
     * upstream changed). The subject is the producer.
     */
    void dependencyAdded(@Observes DependencyAdded added) {
        Dependency dependency = added.dependency();
        dependencyChanged(
                EventType.DEPENDENCY_ADDED,
                dependency.producer(),
                dependency.consumer(),
                dependency.fields(),
                dependency.versionRange() == null
                        ? null
                        : dependency.versionRange().toString());
    }

    /** As {@link #dependencyAdded}, for a removal. */
    void dependencyRemoved(@Observes DependencyRemoved removed) {
        dependencyChanged(EventType.DEPENDENCY_REMOVED, removed.producer(), removed.consumer(), List.of(), null);
    }

    /** Everyone downstream: the event is fired before the asset leaves the graph. */
    void assetDeleted(@Observes AssetDeleted deleted) {
        Asset asset = deleted.asset();
        String name = asset.name().value();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", name);
        data.put("kind", asset.kind().name());
        data.put("owner", asset.owner());
        // Linked to the direct consumers too: once the asset is gone, only they place the deletion upstream of
        // anything.
        Set<String> linked = new LinkedHashSet<>();
        linked.add(name);
        DependencyGraph graph = estate.readInTransaction();
        if (graph.node(name).isPresent()) {
            graph.directConsumers(name).forEach(edge -> linked.add(edge.consumer()));
        }
        entries.store(EventType.ASSET_DELETED, name, linked, data, reasons(impact(name, List.of())));
    }

    /**
     * Everyone downstream, when the invalid share of a labelled validation is above
     * {@code watershed.notifications.validation-failure-threshold}; nothing otherwise.
     */
    void validationRecorded(@Observes ValidationRecorded recorded) {
        Observation observation = recorded.observation();
        if (observation.label() == null || observation.total() == 0) {
            return;
        }
        double invalidShare = (double) observation.invalid() / observation.total();
        double threshold = config.notifications().validationFailureThreshold();
        if (invalidShare <= threshold) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", observation.asset());
        data.put("version", observation.version());
        data.put("label", observation.label());
        data.put("observationId", observation.id());
        data.put("total", observation.total());
        data.put("invalid", observation.invalid());
        data.put("invalidShare", invalidShare);
        data.put("threshold", threshold);
        publish(EventType.VALIDATION_FAILED, observation.asset(), data, impact(observation.asset(), List.of()));
    }

    /**
     * Everyone downstream of the asset: drift in any field may reach whatever is built from it. The data names the
     * asset, what it was compared with and every anomaly (field, type, metric, value, threshold, detail).
     */
    void driftDetected(@Observes DriftDetected detected) {
        DriftCheck check = detected.check();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", check.asset());
        data.put("driftId", check.id());
        data.put("against", reference(check.against()));
        data.put("label", check.against().label());
        data.put(
                "baselineId",
                "baseline".equals(check.against().kind()) ? check.against().id() : null);
        data.put("current", reference(check.current()));
        data.put("checkedBy", check.checkedBy());
        data.put("anomalies", check.report().anomalies());
        publish(EventType.DRIFT_DETECTED, check.asset(), data, impact(check.asset(), List.of()));
    }

    /**
     * The producer's owner, who must fix the output, and every consumer that reads an affected field, transitively
     * (field-precise impact); a field the closed model does not allow is read by no one, so only the owner hears.
     */
    void contractViolated(@Observes ContractViolated violated) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asset", violated.asset());
        data.put("version", violated.version().toString());
        data.put(
                "dataset",
                Map.of(
                        "namespace",
                        violated.dataset().namespace(),
                        "name",
                        violated.dataset().name()));
        data.put(
                "job",
                violated.job() == null
                        ? null
                        : Map.of(
                                "namespace",
                                violated.job().namespace(),
                                "name",
                                violated.job().name()));
        data.put("runId", violated.runId());
        data.put("eventType", violated.eventType());
        data.put("eventTime", violated.eventTime().toString());
        data.put("violations", violated.violations());
        Map<String, List<Reason>> reasons = reasons(impact(violated.asset(), violated.fields()));
        estate.readInTransaction()
                .node(violated.asset())
                .ifPresent(node -> addReason(
                        reasons,
                        node.owner(),
                        new Reason(
                                violated.asset(),
                                List.of(violated.asset()),
                                violated.fields(),
                                "dataset " + violated.dataset() + " of " + violated.asset()
                                        + ", which you own, no longer matches its contract " + violated.version())));
        entries.store(EventType.CONTRACT_VIOLATED, violated.asset(), Set.of(violated.asset()), data, reasons);
    }

    /** Instants as ISO-8601 text, as everywhere in the API, rather than the event mapper's epoch numbers. */
    private static Map<String, Object> reference(ProfileReference reference) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", reference.kind());
        data.put("id", reference.id());
        data.put("label", reference.label());
        data.put("records", reference.records());
        data.put("from", reference.from() == null ? null : reference.from().toString());
        data.put("to", reference.to() == null ? null : reference.to().toString());
        return data;
    }

    private void dependencyChanged(
            EventType type, String producer, String consumer, List<String> fields, String range) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("producer", producer);
        data.put("consumer", consumer);
        data.put("fields", fields);
        data.put("versionRange", range);
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        estate.readInTransaction()
                .node(producer)
                .map(node -> node.owner())
                .ifPresent(owner -> reasons.computeIfAbsent(owner, team -> new ArrayList<>())
                        .add(new Reason(
                                producer,
                                List.of(producer, consumer),
                                fields,
                                consumer
                                        + (type == EventType.DEPENDENCY_ADDED ? " now reads " : " no longer reads ")
                                        + producer
                                        + ", which you own")));
        for (ImpactedAsset downstream : impact(consumer, List.of())) {
            List<String> path = new ArrayList<>();
            path.add(producer);
            path.addAll(downstream.path());
            addReason(
                    reasons,
                    downstream.owner(),
                    new Reason(
                            downstream.name(),
                            path,
                            List.of(),
                            downstream.name() + " is downstream of " + consumer + ", whose dependency on " + producer
                                    + " changed"));
        }
        // Linked to the consumer only: its inputs changed, the producer's did not.
        entries.store(type, producer, Set.of(consumer), data, reasons);
    }

    /**
     * When differences break some reader, the owners of everything the breaking paths impact, transitively. When
     * none breaks, only the direct consumers that read a changed field.
     */
    private List<ImpactedAsset> affectedBy(String asset, List<DifferenceView> differences) {
        List<DifferenceView> breaking =
                differences.stream().filter(DifferenceView::breaks).toList();
        if (!breaking.isEmpty()) {
            return impact(asset, paths(breaking));
        }
        if (!differences.isEmpty()) {
            return impact(asset, paths(differences)).stream()
                    .filter(ImpactedAsset::direct)
                    .toList();
        }
        return List.of();
    }

    private List<ImpactedAsset> impact(String asset, List<String> fields) {
        DependencyGraph graph = estate.readInTransaction();
        return graph.node(asset).isPresent() ? new FieldImpactAnalysis(graph).impact(asset, fields) : List.of();
    }

    private static List<String> paths(List<DifferenceView> differences) {
        Set<String> paths = new LinkedHashSet<>();
        for (DifferenceView difference : differences) {
            if (difference.path() == null || difference.path().isEmpty()) {
                return List.of();
            }
            paths.add(difference.path());
        }
        return List.copyOf(paths);
    }

    private void publish(EventType type, String subject, Map<String, Object> data, List<ImpactedAsset> impacted) {
        entries.store(type, subject, Set.of(subject), data, reasons(impacted));
    }

    private static Map<String, List<Reason>> reasons(List<ImpactedAsset> impacted) {
        return reasons(impacted, "");
    }

    /** @param note appended to each reason */
    private static Map<String, List<Reason>> reasons(List<ImpactedAsset> impacted, String note) {
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        for (ImpactedAsset asset : impacted) {
            addReason(
                    reasons,
                    asset.owner(),
                    new Reason(asset.name(), asset.path(), asset.fields(), asset.name() + " " + asset.reason() + note));
        }
        return reasons;
    }

    private static void addReason(Map<String, List<Reason>> reasons, String team, Reason reason) {
        if (team != null) {
            reasons.computeIfAbsent(team, key -> new ArrayList<>()).add(reason);
        }
    }
}
