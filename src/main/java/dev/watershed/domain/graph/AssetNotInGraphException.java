package dev.watershed.domain.graph;

import dev.watershed.domain.WatershedException;

/** A query or dependency names an asset that the dependency graph does not hold. */
public class AssetNotInGraphException extends WatershedException {

    private final String asset;

    public AssetNotInGraphException(String asset, String detail) {
        super("ASSET_NOT_IN_GRAPH", detail);
        this.asset = asset;
    }

    /** A query about {@code asset}. */
    static AssetNotInGraphException queried(String asset) {
        return new AssetNotInGraphException(
                asset,
                "'" + asset + "' is not in the dependency graph; register the " + "asset first or check the name");
    }

    /** A dependency of {@code consumer} on {@code producer}, one of which is {@code asset}. */
    static AssetNotInGraphException named(String asset, String producer, String consumer) {
        return new AssetNotInGraphException(
                asset,
                "the dependency " + producer + " → " + consumer + " names '" + asset
                        + "', which is not in the dependency graph; register the asset first");
    }

    /** The missing asset's name. */
    public String asset() {
        return asset;
    }
}
