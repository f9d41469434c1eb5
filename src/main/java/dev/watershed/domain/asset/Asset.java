package dev.watershed.domain.asset;

import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.lineage.DatasetId;
import java.time.Instant;
import java.util.List;

/**
 * A registered asset: something that holds or produces data, owned by one team.
 *
 * @param strictCompatibility apply the literal "every old instance is still valid" rule to JSON Schema properties
 *                            in open content models instead of the lenient default
 * @param replicaOf           the asset this one replicates or is the fallback for; {@code null} when none
 * @param subjects            the Confluent subjects it answers to besides {@code <name>-value}; sorted
 * @param lineageIds          the OpenLineage datasets it is known by (namespace and name); sorted
 */
public record Asset(
        AssetName name,
        AssetKind kind,
        String owner,
        String description,
        List<String> tags,
        Criticality criticality,
        CompatibilityMode compatibility,
        boolean strictCompatibility,
        Instant createdAt,
        Instant updatedAt,
        String replicaOf,
        List<String> subjects,
        List<DatasetId> lineageIds) {

    public Asset {
        tags = tags == null ? List.of() : List.copyOf(tags);
        subjects = subjects == null
                ? List.of()
                : subjects.stream().sorted().distinct().toList();
        lineageIds = lineageIds == null
                ? List.of()
                : lineageIds.stream().sorted().distinct().toList();
    }

    /** An asset known by no OpenLineage dataset. */
    public Asset(
            AssetName name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            boolean strictCompatibility,
            Instant createdAt,
            Instant updatedAt,
            String replicaOf,
            List<String> subjects) {
        this(
                name,
                kind,
                owner,
                description,
                tags,
                criticality,
                compatibility,
                strictCompatibility,
                createdAt,
                updatedAt,
                replicaOf,
                subjects,
                List.of());
    }

    /** An asset that answers to no subject of its own. */
    public Asset(
            AssetName name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            boolean strictCompatibility,
            Instant createdAt,
            Instant updatedAt,
            String replicaOf) {
        this(
                name,
                kind,
                owner,
                description,
                tags,
                criticality,
                compatibility,
                strictCompatibility,
                createdAt,
                updatedAt,
                replicaOf,
                List.of());
    }

    /** An asset that replicates nothing. */
    public Asset(
            AssetName name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            boolean strictCompatibility,
            Instant createdAt,
            Instant updatedAt) {
        this(
                name,
                kind,
                owner,
                description,
                tags,
                criticality,
                compatibility,
                strictCompatibility,
                createdAt,
                updatedAt,
                null,
                List.of());
    }
}
