package dev.watershed.domain.graph;

/** How a consumer uses what it reads: to train a model, to serve predictions or data, or both. */
public enum Usage {
    TRAINING,
    SERVING,
    BOTH
}
