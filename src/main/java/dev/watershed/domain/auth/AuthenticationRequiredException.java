package dev.watershed.domain.auth;

import dev.watershed.domain.WatershedException;

/** A request that needs a token and carried none, or one that is unknown or revoked. */
public class AuthenticationRequiredException extends WatershedException {

    public AuthenticationRequiredException(String detail) {
        super("UNAUTHENTICATED", detail);
    }
}
