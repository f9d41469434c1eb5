package dev.watershed.adapter.persistence;

import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.contract.CompatibilityMode;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "asset")
public class AssetEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssetKind kind;

    @Column(name = "owner_team", nullable = false)
    public String owner;

    public String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_tag", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "tag")
    @OrderBy
    public List<String> tags = new ArrayList<>();

    /** A set, not a list: Hibernate fetches two collections eagerly only when at most one is a bag. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subject", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "name")
    public Set<String> subjects = new TreeSet<>();

    /** Unique across the registry (asset_lineage_id_unique): an OpenLineage dataset names one asset. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_lineage_id", joinColumns = @JoinColumn(name = "asset_id"))
    public Set<LineageIdColumns> lineageIds = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criticality criticality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompatibilityMode compatibility;

    @Column(name = "strict_compatibility", nullable = false)
    public boolean strictCompatibility;

    @Column(name = "replica_of")
    public String replicaOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    void copyFrom(Asset asset) {
        name = asset.name().value();
        kind = asset.kind();
        owner = asset.owner();
        description = asset.description();
        tags.clear();
        tags.addAll(asset.tags());
        subjects.clear();
        subjects.addAll(asset.subjects());
        lineageIds.clear();
        asset.lineageIds().forEach(id -> lineageIds.add(new LineageIdColumns(id)));
        criticality = asset.criticality();
        compatibility = asset.compatibility();
        strictCompatibility = asset.strictCompatibility();
        replicaOf = asset.replicaOf();
        createdAt = asset.createdAt();
        updatedAt = asset.updatedAt();
    }

    Asset toDomain() {
        return new Asset(
                new AssetName(name),
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
                List.copyOf(subjects),
                lineageIds.stream().map(LineageIdColumns::toDomain).toList());
    }
}
