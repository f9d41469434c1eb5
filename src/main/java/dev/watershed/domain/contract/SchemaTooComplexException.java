package dev.watershed.domain.contract;

import dev.watershed.domain.WatershedException;

/** A schema whose field tree is too deep or too large to list, usually from {@code $ref}s that fan out. */
public class SchemaTooComplexException extends WatershedException {

    public SchemaTooComplexException(String detail) {
        super("SCHEMA_TOO_COMPLEX", detail);
    }
}
