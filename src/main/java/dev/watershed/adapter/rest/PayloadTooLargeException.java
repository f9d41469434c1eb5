package dev.watershed.adapter.rest;

import dev.watershed.domain.WatershedException;

/** A request body over a configured size limit. */
public class PayloadTooLargeException extends WatershedException {

    public PayloadTooLargeException(String detail) {
        super("PAYLOAD_TOO_LARGE", detail);
    }
}
