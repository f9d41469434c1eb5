package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/** A contract schema that cannot be compiled into a validator; the detail carries the parser's reason. */
public class InvalidContractSchemaException extends WatershedException {

    public InvalidContractSchemaException(String detail) {
        super("INVALID_CONTRACT_SCHEMA", detail);
    }

    public InvalidContractSchemaException(String detail, Throwable cause) {
        super("INVALID_CONTRACT_SCHEMA", detail, cause);
    }
}
