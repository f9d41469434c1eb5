package dev.watershed.domain.contract;

import dev.watershed.domain.InvalidInputException;
import java.util.List;

/** A schema that its language's parser or meta-schema rejects. */
public class InvalidSchemaException extends InvalidInputException {

    private final List<String> reasons;

    public InvalidSchemaException(String pointer, String detail, List<String> reasons) {
        super("INVALID_SCHEMA", pointer, detail);
        this.reasons = List.copyOf(reasons);
    }

    /** Each problem the parser or meta-schema reported, in its words. */
    public List<String> reasons() {
        return reasons;
    }
}
