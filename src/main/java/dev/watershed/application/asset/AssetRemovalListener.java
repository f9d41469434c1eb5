package dev.watershed.application.asset;

import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;

/**
 * Told, inside the removing transaction, that an asset is about to go; may refuse by throwing. The dependency
 * graph uses it to refuse removing an asset that others still read.
 */
public interface AssetRemovalListener {

    void beforeRemoval(Caller caller, Asset asset, boolean force);
}
