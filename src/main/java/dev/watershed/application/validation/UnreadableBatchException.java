package dev.watershed.application.validation;

import dev.watershed.domain.WatershedException;

/** A batch whose framing cannot be read at all (not an Avro container file, for instance); nothing was counted. */
public class UnreadableBatchException extends WatershedException {

    public UnreadableBatchException(String detail, Throwable cause) {
        super("UNREADABLE_BATCH", detail, cause);
    }
}
