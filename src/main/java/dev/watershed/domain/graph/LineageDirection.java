package dev.watershed.domain.graph;

/** Which way to walk from an asset: towards its producers, its consumers, or both. */
public enum LineageDirection {
    UPSTREAM,
    DOWNSTREAM,
    BOTH
}
