package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the findings rules look at, indexed once for all of them: the graph as plain adjacency lists (no locks per
 * step), the field metadata of each asset's latest contract, asset facts the graph does not hold, and recent major
 * releases.
 */
public final class EstateFacts {

    public static final String MODEL = "MODEL";

    private final List<AssetNode> assets;
    private final Map<String, AssetNode> byName;
    private final Map<String, List<DependencyEdge>> incoming = new HashMap<>();
    private final Map<String, List<DependencyEdge>> outgoing = new HashMap<>();
    private final Map<String, Map<String, FieldMetadata>> fields;
    private final Set<String> highCriticality;
    private final Map<String, String> replicaOf;
    private final List<MajorRelease> majorReleases;
    private final Instant now;
    private final Set<String> feedingModels;

    /**
     * @param assets          every asset, producers before consumers
     *                        ({@link dev.watershed.domain.graph.DependencyGraph#assetsInTopologicalOrder()})
     * @param dependencies    every dependency
     * @param fields          field metadata of each asset's latest contract, keyed by asset then JSON Pointer;
     *                        assets without a contract or metadata may be missing
     * @param highCriticality names of the assets with criticality HIGH
     * @param replicaOf       replica name to the name of the asset it replicates
     * @param majorReleases   major releases, at least those of the window the unstable rule looks at
     */
    public EstateFacts(List<AssetNode> assets, Collection<DependencyEdge> dependencies,
                       Map<String, Map<String, FieldMetadata>> fields, Set<String> highCriticality,
                       Map<String, String> replicaOf, List<MajorRelease> majorReleases, Instant now) {
        this.assets = List.copyOf(assets);
        this.byName = new HashMap<>(assets.size() * 2);
        assets.forEach(asset -> byName.put(asset.name(), asset));
        for (DependencyEdge edge : dependencies) {
            outgoing.computeIfAbsent(edge.producer(), k -> new ArrayList<>()).add(edge);
            incoming.computeIfAbsent(edge.consumer(), k -> new ArrayList<>()).add(edge);
        }
        this.fields = fields;
        this.highCriticality = Set.copyOf(highCriticality);
        this.replicaOf = Map.copyOf(replicaOf);
        this.majorReleases = List.copyOf(majorReleases);
        this.now = now;
        this.feedingModels = feedingModels();
    }

    /** Every asset, producers before consumers. */
    public List<AssetNode> assets() {
        return assets;
    }

    public Optional<AssetNode> asset(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isModel(String name) {
        AssetNode node = byName.get(name);
        return node != null && MODEL.equals(node.kind());
    }

    public String kindOf(String name) {
        AssetNode node = byName.get(name);
        return node == null ? null : node.kind();
    }

    /** Latest version of the asset's contract; {@code null} without one. */
    public SemanticVersion latestVersion(String name) {
        AssetNode node = byName.get(name);
        return node == null ? null : node.latestVersion();
    }

    /** What {@code name} reads; empty when nothing. */
    public List<DependencyEdge> dependenciesOf(String name) {
        return incoming.getOrDefault(name, List.of());
    }

    /** Who reads {@code name}; empty when nobody. */
    public List<DependencyEdge> consumersOf(String name) {
        return outgoing.getOrDefault(name, List.of());
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

    /** Whether a model reads {@code name}, directly or through other assets. */
    public boolean feedsModel(String name) {
        return feedingModels.contains(name);
    }

    /**
     * Shortest path following data flow from {@code from} to the nearest asset that matches, both ends included.
     *
     * @return empty when no asset downstream matches
     */
    public List<String> pathDownstream(String from, Predicate<String> to) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        parent.put(from, null);
        queue.add(from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (!current.equals(from) && to.test(current)) {
                return unwind(parent, current);
            }
            for (DependencyEdge edge : consumersOf(current)) {
                if (!parent.containsKey(edge.consumer())) {
                    parent.put(edge.consumer(), current);
                    queue.add(edge.consumer());
                }
            }
        }
        return List.of();
    }

    /**
     * Distances upstream from {@code from} (itself at 0) to every asset it reads directly or transitively, with the
     * next hop back towards {@code from} for each.
     */
    public Upstream upstream(String from) {
        Map<String, Integer> distance = new HashMap<>();
        Map<String, String> towards = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        distance.put(from, 0);
        towards.put(from, null);
        queue.add(from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (DependencyEdge edge : dependenciesOf(current)) {
                if (!distance.containsKey(edge.producer())) {
                    distance.put(edge.producer(), distance.get(current) + 1);
                    towards.put(edge.producer(), current);
                    queue.add(edge.producer());
                }
            }
        }
        return new Upstream(distance, towards);
    }

    /** The assets upstream of one asset, with how far and by which way. */
    public record Upstream(Map<String, Integer> distance, Map<String, String> towards) {

        /** The path from {@code ancestor} down to the asset this was computed from, both included. */
        public List<String> pathFrom(String ancestor) {
            List<String> path = new ArrayList<>();
            for (String step = ancestor; step != null; step = towards.get(step)) {
                path.add(step);
            }
            return path;
        }
    }

    private static List<String> unwind(Map<String, String> parent, String last) {
        List<String> path = new ArrayList<>();
        for (String step = last; step != null; step = parent.get(step)) {
            path.add(step);
        }
        Collections.reverse(path);
        return path;
    }

    /** One pass in reverse topological order: an asset feeds a model when one of its consumers is or does. */
    private Set<String> feedingModels() {
        Set<String> feeding = new HashSet<>();
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
