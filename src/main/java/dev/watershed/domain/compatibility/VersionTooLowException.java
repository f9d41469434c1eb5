package dev.watershed.domain.compatibility;

import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.SemanticVersion;

/** A client asked to publish a version number lower than the change, or the version history, allows. */
public class VersionTooLowException extends WatershedException {

    private final SemanticVersion requested;
    private final SemanticVersion minimum;

    public VersionTooLowException(SemanticVersion requested, SemanticVersion minimum, String detail) {
        super("VERSION_TOO_LOW", detail);
        this.requested = requested;
        this.minimum = minimum;
    }

    public SemanticVersion requested() {
        return requested;
    }

    /** The lowest version that would have been accepted. */
    public SemanticVersion minimum() {
        return minimum;
    }
}
