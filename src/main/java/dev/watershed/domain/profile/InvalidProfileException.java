package dev.watershed.domain.profile;

import dev.watershed.domain.WatershedException;

/** Bytes that are not a serialised {@link BatchProfile} of a supported format version. */
public class InvalidProfileException extends WatershedException {

    public InvalidProfileException(String detail, Throwable cause) {
        super("INVALID_PROFILE", detail, cause);
    }
}
