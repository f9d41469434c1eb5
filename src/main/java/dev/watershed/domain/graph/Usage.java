package dev.watershed.domain.graph;

/**
 * How a consumer uses what it reads: to train a model, to serve predictions or data, both, or to evaluate a model
 * (held-out data it is scored on, never learned from).
 */
public enum Usage {
    TRAINING,
    SERVING,
    BOTH,
    EVALUATION;

    /** Whether a model learns from the data read this way. */
    public boolean trains() {
        return this == TRAINING || this == BOTH;
    }

    /** Whether the data read this way must exist when the model predicts. */
    public boolean serves() {
        return this == SERVING || this == BOTH;
    }
}
