package dev.watershed.domain.validation;

import java.util.Objects;

/**
 * One reason why a record does not conform to its contract.
 *
 * @param path    JSON Pointer (RFC 6901) into the record; {@code ""} is the record itself
 * @param keyword the schema keyword or rule that failed ({@code type}, {@code required}, {@code enum}, ...), or
 *                {@code null} when the record could not be read at all (malformed JSON, too large, too deep)
 * @param message a human explanation, without the path
 */
public record RecordError(String path, String keyword, String message) {

    public RecordError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
