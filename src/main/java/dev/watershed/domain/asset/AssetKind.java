package dev.watershed.domain.asset;

/** What an asset is in the flow of data, from raw source to model. */
public enum AssetKind {
    SOURCE,
    DATASET,
    FEATURE,
    MODEL
}
