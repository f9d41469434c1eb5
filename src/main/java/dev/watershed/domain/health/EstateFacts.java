package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.GraphSnapshot;
import dev.watershed.domain.lineage.ObservedLineage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the findings rules look at: a snapshot of the dependency graph (read without locks; walked with
 * {@link dev.watershed.domain.graph.LineageTraversal}), the field metadata and the field list of each asset's latest
 * contract, asset facts the graph does not hold, recent major releases, and the lineage OpenLineage runs showed.
 */
public final class EstateFacts {

    public static final String MODEL = "MODEL";

    private final GraphSnapshot graph;
    private final Map<String, Map<String, FieldMetadata>> fields;
    private final Set<String> highCriticality;
    private final Map<String, String> replicaOf;
    private final List<MajorRelease> majorReleases;
    private final Instant now;
    private final Set<String> feedingModels;
    private final ObservedLineage observed;
    private final Map<String, Set<String>> contractFields;

    /**
     * @param graph           the dependency graph ({@link dev.watershed.domain.graph.DependencyGraph#snapshot()})
     * @param fields          field metadata of each asset's latest contract, keyed by asset then JSON Pointer;
     *                        assets without a contract or metadata may be missing
     * @param highCriticality names of the assets with criticality HIGH
     * @param replicaOf       replica name to the name of the asset it replicates
     * @param majorReleases   major releases, at least those of the window the unstable rule looks at
     */
    public EstateFacts(
            GraphSnapshot graph,
            Map<String, Map<String, FieldMetadata>> fields,
            Set<String> highCriticality,
            Map<String, String> replicaOf,
            List<MajorRelease> majorReleases,
            Instant now) {
        this(graph, fields, highCriticality, replicaOf, majorReleases, now, ObservedLineage.NONE, Map.of());
    }

    /**
     * @param observed       what OpenLineage runs showed; {@link ObservedLineage#NONE} when nothing was reported
     * @param contractFields every field of each asset's latest contract as canonical JSON Pointers, by asset;
     *                       assets without a contract are missing, a contract without fields maps to an empty set
     */
    public EstateFacts(
            GraphSnapshot graph,
            Map<String, Map<String, FieldMetadata>> fields,
            Set<String> highCriticality,
            Map<String, String> replicaOf,
            List<MajorRelease> majorReleases,
            Instant now,
            ObservedLineage observed,
            Map<String, Set<String>> contractFields) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.fields = fields;
        this.highCriticality = Set.copyOf(highCriticality);
        this.replicaOf = Map.copyOf(replicaOf);
        this.majorReleases = List.copyOf(majorReleases);
        this.now = now;
        this.observed = Objects.requireNonNull(observed, "observed");
        Map<String, Set<String>> copied = new HashMap<>();
        contractFields.forEach((asset, pointers) -> copied.put(asset, Set.copyOf(pointers)));
        this.contractFields = Map.copyOf(copied);
        this.feedingModels = feedingModels();
    }

    /** The dependency graph, for walks the rules make over it. */
    public GraphSnapshot graph() {
        return graph;
    }

    /** Every asset, producers before consumers. */
    public List<AssetNode> assets() {
        return graph.assets();
    }

    /** @return empty when the graph does not hold {@code name} */
    public Optional<AssetNode> asset(String name) {
        return graph.asset(name);
    }

    /** @return false when the graph does not hold {@code name} */
    public boolean isModel(String name) {
        return graph.asset(name).map(node -> MODEL.equals(node.kind())).orElse(false);
    }

    /** @return {@code null} when the graph does not hold {@code name} */
    public String kindOf(String name) {
        return graph.asset(name).map(AssetNode::kind).orElse(null);
    }

    /** Latest version of the asset's contract; {@code null} without one, or when the graph does not hold it. */
    public SemanticVersion latestVersion(String name) {
        return graph.asset(name).map(AssetNode::latestVersion).orElse(null);
    }

    /** What {@code name} reads, in the order declared; empty when nothing, or when the graph does not hold it. */
    public Set<DependencyEdge> dependenciesOf(String name) {
        return graph.dependenciesOf(name);
    }

    /** @return empty when {@code consumer} declares no dependency on {@code producer}, or either is not in the graph */
    public Optional<DependencyEdge> dependency(String producer, String consumer) {
        return Optional.ofNullable(graph.getEdge(producer, consumer));
    }

    /** Who reads {@code name}, in the order declared; empty when nobody, or when the graph does not hold it. */
    public Set<DependencyEdge> consumersOf(String name) {
        return graph.consumersOf(name);
    }

    /** Field metadata of the latest contract of {@code name}, by JSON Pointer; empty when none is declared. */
    public Map<String, FieldMetadata> fieldsOf(String name) {
        return fields.getOrDefault(name, Map.of());
    }

    public boolean isHighCriticality(String name) {
        return highCriticality.contains(name);
    }

    /** Assets declared as replicas or fallbacks of {@code name}; empty when none. */
    public List<String> replicasOf(String name) {
        List<String> replicas = new ArrayList<>();
        replicaOf.forEach((replica, original) -> {
            if (original.equals(name)) {
                replicas.add(replica);
            }
        });
        Collections.sort(replicas);
        return replicas;
    }

    /** Whether {@code name} declares itself a replica or fallback of another asset. */
    public boolean isReplica(String name) {
        return replicaOf.containsKey(name);
    }

    public List<MajorRelease> majorReleases() {
        return majorReleases;
    }

    public Instant now() {
        return now;
    }

    /** What OpenLineage runs showed; {@link ObservedLineage#NONE} when no run was reported. */
    public ObservedLineage observed() {
        return observed;
    }

    /**
     * Every field of the latest contract of {@code name}, as canonical JSON Pointers.
     *
     * @return empty when {@code name} has no contract (or is unknown); an empty set when its contract has no fields
     */
    public Optional<Set<String>> contractFieldsOf(String name) {
        return Optional.ofNullable(contractFields.get(name));
    }

    /** Whether a model reads {@code name}, directly or through other assets. */
    public boolean feedsModel(String name) {
        return feedingModels.contains(name);
    }

    /** One pass in reverse topological order: an asset feeds a model when one of its consumers is or does. */
    private Set<String> feedingModels() {
        Set<String> feeding = new HashSet<>();
        List<AssetNode> assets = graph.assets();
        for (int i = assets.size() - 1; i >= 0; i--) {
            String name = assets.get(i).name();
            for (DependencyEdge edge : consumersOf(name)) {
                if (isModel(edge.consumer()) || feeding.contains(edge.consumer())) {
                    feeding.add(name);
                    break;
                }
            }
        }
        return feeding;
    }
}
