package dev.watershed.domain.compatibility;

import dev.watershed.domain.WatershedException;

/** A schema given for a compatibility check cannot be read in the format it claims to be in. */
public class InvalidSchemaException extends WatershedException {

    public InvalidSchemaException(String detail) {
        super("INVALID_SCHEMA", detail);
    }

    public InvalidSchemaException(String detail, Throwable cause) {
        super("INVALID_SCHEMA", detail, cause);
    }
}
