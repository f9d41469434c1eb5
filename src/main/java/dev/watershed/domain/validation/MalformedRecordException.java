package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;

/** A single-record body that is not one JSON value. (In a batch such a record is only counted invalid.) */
public class MalformedRecordException extends WatershedException {

    public MalformedRecordException(String reason) {
        super("MALFORMED_RECORD", "The record is not valid JSON: " + reason);
    }
}
