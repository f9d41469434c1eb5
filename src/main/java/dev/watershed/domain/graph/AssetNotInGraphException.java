package dev.watershed.domain.graph;

import dev.watershed.domain.WatershedException;

/** A query or dependency names an asset that the dependency graph does not hold. */
public class AssetNotInGraphException extends WatershedException {

    private final String asset;

    public AssetNotInGraphException(String asset, String detail) {
        super("ASSET_NOT_IN_GRAPH", detail);
        this.asset = asset;
    }

    /** The missing asset's name. */
    public String asset() {
        return asset;
    }
}
