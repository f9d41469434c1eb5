package dev.watershed.domain.contract;

import dev.watershed.domain.WatershedException;

/** A field path that is neither a JSON Pointer ({@code /customer/email}) nor a dotted path ({@code customer.email}). */
public class InvalidFieldPathException extends WatershedException {

    public InvalidFieldPathException(String detail) {
        super("INVALID_FIELD_PATH", detail);
    }
}
