package dev.watershed.domain.validation;

import dev.watershed.domain.WatershedException;
import java.util.Map;

/** A record nested deeper than {@link ValidationLimits#maxDepth()}; refused before any validator recurses into it. */
public class RecordTooDeepException extends WatershedException {

    private final String pointer;

    /** @param pointer where the record sits in the request ({@code ""} for a whole body, {@code /records/3}...) */
    public RecordTooDeepException(String pointer, int maxDepth) {
        super(
                "RECORD_TOO_DEEP",
                "The record at '" + pointer + "' nests objects and arrays deeper than " + maxDepth
                        + " levels (watershed.validation.max-depth); flatten it.");
        this.pointer = pointer;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("pointer", pointer);
    }
}
