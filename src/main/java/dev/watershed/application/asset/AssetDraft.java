package dev.watershed.application.asset;

import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.contract.CompatibilityMode;
import java.util.List;

/**
 * The metadata a client gives when it registers or updates an asset; {@code null} means "the default".
 *
 * @param replicaOf name of the asset this one replicates or is the fallback for; {@code null} for none (an update
 *                  without it clears it, like the description)
 * @param subjects  the Confluent subjects the asset answers to besides {@code <name>-value}; {@code null} keeps them
 *                  on an update (they are also recorded when a producer registers through the Confluent API)
 * @param lineageIds the OpenLineage datasets the asset is known by, as the client wrote them (checked by the
 *                  service); {@code null} keeps them on an update
 */
public record AssetDraft(
        String name,
        AssetKind kind,
        String owner,
        String description,
        List<String> tags,
        Criticality criticality,
        CompatibilityMode compatibility,
        Boolean strictCompatibility,
        String replicaOf,
        List<String> subjects,
        List<LineageId> lineageIds) {

    /** An OpenLineage dataset as a request names it: a namespace and a name, not yet checked. */
    public record LineageId(String namespace, String name) {}

    /** A draft that leaves the asset's OpenLineage datasets as they are. */
    public AssetDraft(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            Boolean strictCompatibility,
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
                replicaOf,
                subjects,
                null);
    }

    /** A draft that leaves the asset's subjects as they are. */
    public AssetDraft(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            Boolean strictCompatibility,
            String replicaOf) {
        this(name, kind, owner, description, tags, criticality, compatibility, strictCompatibility, replicaOf, null);
    }

    /** A draft that replicates nothing. */
    public AssetDraft(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            Boolean strictCompatibility) {
        this(name, kind, owner, description, tags, criticality, compatibility, strictCompatibility, null);
    }
}
