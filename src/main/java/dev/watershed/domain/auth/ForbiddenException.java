package dev.watershed.domain.auth;

import dev.watershed.domain.WatershedException;

/** A valid token whose team or role may not do what was asked. */
public class ForbiddenException extends WatershedException {

    public ForbiddenException(String detail) {
        super("FORBIDDEN", detail);
    }
}
