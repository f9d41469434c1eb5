package dev.watershed.application.access;

import dev.watershed.domain.NotFoundException;

/** No token has this id. */
public class TokenNotFoundException extends NotFoundException {

    public TokenNotFoundException(String id) {
        super("TOKEN_NOT_FOUND", "token '" + id + "' does not exist");
    }
}
