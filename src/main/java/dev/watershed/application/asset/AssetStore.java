package dev.watershed.application.asset;

import dev.watershed.application.Page;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.lineage.DatasetId;
import java.util.Optional;

/** Where assets are kept. */
public interface AssetStore {

    Optional<Asset> find(AssetName name);

    /**
     * Reads the asset and holds its row lock until the transaction ends, so that writers of one asset take turns
     * on every replica: the next one reads what the previous one committed. Empty when the asset does not exist.
     */
    Optional<Asset> lockForChange(AssetName name);

    /** Matching assets ordered by name, one page of them, with the total that match. */
    Page<Asset> search(AssetQuery query);

    /** The asset that lists this Confluent subject among its subjects. */
    Optional<String> assetOfSubject(String subject);

    /**
     * The name of the asset that lists this OpenLineage dataset among its lineage ids; empty when none does. An
     * indexed lookup: lineage ingestion asks it for every dataset of every event.
     */
    Optional<String> assetOfLineageId(DatasetId id);

    void insert(Asset asset);

    void update(Asset asset);

    /** Removes the asset with its contracts. */
    void delete(AssetName name);
}
