package dev.watershed.adapter.rest;

import dev.watershed.domain.InvalidInputException;

/** Checks shared by every endpoint that takes a JSON body. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** An empty body deserialises to {@code null}; say so instead of failing later. */
    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON request body is required");
        }
        return body;
    }
}
