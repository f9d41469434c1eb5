package dev.watershed.application.dependency;

import dev.watershed.domain.InvalidInputException;
import java.util.Map;

/**
 * A dependency declaration that cannot be accepted as written: a range that is not valid or matches no published
 * version, fields the producer's contract does not have, an asset reading itself.
 */
public class InvalidDependencyException extends InvalidInputException {

    private final Map<String, Object> details;

    /**
     * @param code    e.g. {@code VERSION_RANGE_MATCHES_NOTHING}, {@code UNKNOWN_FIELDS}
     * @param pointer where in the request body the offending value sits, e.g. {@code /fields/1}
     * @param details extra problem members, e.g. {@code unknownFields}; may be empty
     */
    public InvalidDependencyException(String code, String pointer, String detail, Map<String, Object> details) {
        super(code, pointer, detail);
        this.details = Map.copyOf(details);
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }
}
