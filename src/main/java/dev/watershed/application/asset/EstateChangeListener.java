package dev.watershed.application.asset;

import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.contract.Contract;

/**
 * Told, inside the writing transaction, that the estate changed in a way the dependency graph has to follow: an
 * asset registered, updated or removed, a contract version published. Keeps the services that make those changes
 * ignorant of the graph.
 */
public interface EstateChangeListener {

    /** An asset was registered or its metadata replaced. */
    void assetSaved(Asset asset);

    /** An asset was removed, with its contracts and dependencies. */
    void assetRemoved(Asset asset);

    /** A new contract version was stored (not called when the schema was already the latest). */
    void contractPublished(Contract contract);

    /**
     * Something readers see about the asset changed that the graph does not hold (a contract version's status, a
     * subject name): nothing in the graph moves, but the change counter does, so that caches of what was read let go.
     */
    void assetDetailsChanged(String asset);
}
