package dev.watershed.application.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code watershed.lineage.*}: OpenLineage ingestion. A group of {@link WatershedConfig}, kept apart for size. */
public interface LineageConfig {

    /** Raw OpenLineage events received longer ago than this are deleted; what they showed is kept. */
    @WithDefault("30d")
    Duration retention();

    /** A declared dependency no completed run used for this long, while the consumer's jobs ran, is stale. */
    @WithDefault("30d")
    Duration staleAfter();

    /** Largest event accepted, once decompressed, in bytes. */
    @WithDefault("5242880")
    long maxEventBytes();

    /** Whether a dataset no asset declares becomes an asset of {@link #assetOwner()} when first seen. */
    @WithDefault("false")
    boolean createAssets();

    /** The team that owns assets created from lineage; required when {@link #createAssets()} is on. */
    Optional<String> assetOwner();
}
