package dev.watershed.application.asset;

import dev.watershed.domain.NotFoundException;

/** No asset has this name. */
public class AssetNotFoundException extends NotFoundException {

    public AssetNotFoundException(String asset) {
        super("ASSET_NOT_FOUND", "asset '" + asset + "' does not exist: list assets with GET /api/v1/assets");
    }
}
