package dev.watershed.domain.contract;

import dev.watershed.domain.InvalidInputException;

/** A version string that is not {@code MAJOR.MINOR.PATCH}, or a version that may not be used. */
public class InvalidVersionException extends InvalidInputException {

    public InvalidVersionException(String detail) {
        super("INVALID_VERSION", "/version", detail);
    }
}
