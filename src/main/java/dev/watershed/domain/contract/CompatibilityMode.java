package dev.watershed.domain.contract;

/**
 * The compatibility guarantee an asset gives its consumers, with the semantics users know from schema registries.
 * BACKWARD: a consumer using the new schema can read data written with the previous one. FORWARD: a consumer using
 * the previous schema can read data written with the new one. FULL: both. TRANSITIVE: against every previous
 * version instead of only the latest. NONE: no check.
 */
public enum CompatibilityMode {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    public boolean checksBackward() {
        return backward;
    }

    public boolean checksForward() {
        return forward;
    }

    public boolean transitive() {
        return transitive;
    }
}
