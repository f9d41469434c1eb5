package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/** An Avro container file written with a schema the contract schema cannot read; no record of it is usable. */
public class UnreadableWriterSchemaException extends WatershedException {

    public UnreadableWriterSchemaException(String detail) {
        super("UNREADABLE_WRITER_SCHEMA", detail);
    }
}
