package dev.watershed.application.asset;

import dev.watershed.domain.asset.Asset;

/**
 * An asset is being deleted. Fired synchronously inside the deleting transaction and before anything is removed, so
 * that observers still see the asset's downstream in the graph; a removal refused afterwards (the asset still has
 * consumers) rolls back what they wrote with it.
 */
public record AssetDeleted(Asset asset) {}
