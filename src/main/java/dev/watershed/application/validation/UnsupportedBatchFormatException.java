package dev.watershed.application.validation;

import dev.watershed.domain.WatershedException;

/** A batch encoding the contract's schema language cannot be checked in, such as an Avro file for a JSON Schema. */
public class UnsupportedBatchFormatException extends WatershedException {

    public UnsupportedBatchFormatException(String detail) {
        super("UNSUPPORTED_MEDIA_TYPE", detail);
    }
}
