package dev.watershed.domain.contract;

import dev.watershed.domain.WatershedException;

/** A version string that is not {@code MAJOR.MINOR.PATCH}, or a version that may not be used. */
public class InvalidVersionException extends WatershedException {

    public InvalidVersionException(String detail) {
        super(detail);
    }
}
