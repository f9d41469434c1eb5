package dev.watershed.domain.graph;

import dev.watershed.domain.WatershedException;

/** A version range that is not a valid npm-style range (e.g. {@code ^2.1}, {@code >=1.0.0 <2.0.0}). */
public class InvalidVersionRangeException extends WatershedException {

    public InvalidVersionRangeException(String detail) {
        super("INVALID_VERSION_RANGE", detail);
    }
}
