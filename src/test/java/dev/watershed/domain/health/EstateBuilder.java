package dev.watershed.domain.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.ObservedEdge;
import dev.watershed.domain.lineage.ObservedLineage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small estate for the rule tests, built in a few lines; the graph orders the assets as the service does. */
final class EstateBuilder {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration STALE_AFTER = Duration.ofDays(30);

    private final List<AssetNode> assets = new ArrayList<>();
    private final List<DependencyEdge> edges = new ArrayList<>();
    private final Map<String, Map<String, FieldMetadata>> fields = new HashMap<>();
    private final Set<String> high = new HashSet<>();
    private final Map<String, String> replicas = new HashMap<>();
    private final List<MajorRelease> releases = new ArrayList<>();
    private final List<ObservedEdge> observed = new ArrayList<>();
    private final Map<String, Instant> lastRuns = new HashMap<>();
    private final Map<String, Set<String>> contractFields = new HashMap<>();

    EstateBuilder asset(String name, String kind) {
        return asset(name, kind, "1.0.0");
    }

    /** An asset whose latest contract version is {@code latest}; its readers stay resolved to 1.0.0. */
    EstateBuilder asset(String name, String kind, String latest) {
        assets.add(new AssetNode(name, kind, "team-" + name, SemanticVersion.parse(latest)));
        return this;
    }

    EstateBuilder high(String name) {
        high.add(name);
        return this;
    }

    EstateBuilder replica(String replica, String original) {
        replicas.put(replica, original);
        return this;
    }

    EstateBuilder field(String asset, String pointer, FieldRole role, boolean servingAvailable) {
        fields.computeIfAbsent(asset, k -> new LinkedHashMap<>())
                .put(pointer, new FieldMetadata(null, false, servingAvailable, role, null, null));
        return this;
    }

    EstateBuilder reads(String consumer, String producer, Usage usage, List<String> fieldsRead) {
        return reads(consumer, producer, usage, fieldsRead, UsageTerms.NONE);
    }

    EstateBuilder reads(String consumer, String producer, Usage usage, List<String> fieldsRead, UsageTerms terms) {
        edges.add(new DependencyEdge(
                producer,
                consumer,
                VersionRange.parse("^1"),
                SemanticVersion.parse("1.0.0"),
                fieldsRead,
                usage,
                null,
                terms));
        return this;
    }

    EstateBuilder major(String asset, String version, Instant at) {
        releases.add(new MajorRelease(asset, SemanticVersion.parse(version), at));
        return this;
    }

    /** Runs of job {@code airflow/load-<consumer>} seen reading {@code producer} and writing {@code consumer}. */
    EstateBuilder observed(String producer, String consumer, Instant lastSeen, String... fieldsRead) {
        observed.add(new ObservedEdge(
                producer,
                consumer,
                List.of(new JobId("airflow", "load-" + consumer)),
                lastSeen.minus(Duration.ofDays(90)),
                lastSeen,
                12,
                List.of(fieldsRead)));
        return this;
    }

    /** The latest completed run of a job writing {@code asset}. */
    EstateBuilder ran(String asset, Instant at) {
        lastRuns.put(asset, at);
        return this;
    }

    /** The fields of the latest contract of {@code asset}; none gives a contract without fields. */
    EstateBuilder contract(String asset, String... pointers) {
        contractFields.put(asset, Set.of(pointers));
        return this;
    }

    EstateFacts build() {
        return new EstateFacts(
                DependencyGraph.of(assets, edges).snapshot(),
                fields,
                high,
                replicas,
                releases,
                NOW,
                new ObservedLineage(observed, lastRuns, STALE_AFTER),
                contractFields);
    }

    static UsageTerms targets(String... fields) {
        return new UsageTerms(null, List.of(fields), null, null);
    }

    static UsageTerms splitKey(String key) {
        return new UsageTerms(key, List.of(), null, null);
    }
}
