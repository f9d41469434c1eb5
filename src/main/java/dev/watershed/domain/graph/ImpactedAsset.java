package dev.watershed.domain.graph;

import java.util.List;

/**
 * An asset affected by a change to another asset's contract.
 *
 * @param name   the affected asset
 * @param kind   its kind
 * @param owner  its owner, {@code null} when unknown
 * @param depth  hops from the changed asset along the shortest impacting path (1 for direct consumers)
 * @param path   asset names from the changed asset to this one, both included
 * @param fields for a direct consumer, the fields it reads that overlap the change (the changed fields themselves
 *               when it reads the whole contract); for a transitive one, those of the first hop of {@code path}
 * @param direct whether it reads the changed asset itself
 * @param reason one sentence a person can act on
 */
public record ImpactedAsset(
        String name,
        String kind,
        String owner,
        int depth,
        List<String> path,
        List<String> fields,
        boolean direct,
        String reason) {

    public ImpactedAsset {
        path = List.copyOf(path);
        fields = List.copyOf(fields);
    }
}
