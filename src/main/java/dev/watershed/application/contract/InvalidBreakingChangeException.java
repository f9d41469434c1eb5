package dev.watershed.application.contract;

import dev.watershed.domain.InvalidInputException;

/**
 * A {@link BreakingChange} that cannot be what it says: a version that is not the next major, or an acceptance that
 * matches no breaking difference of the change (stale, after the schema moved on).
 */
public class InvalidBreakingChangeException extends InvalidInputException {

    public static final String NOT_NEXT_MAJOR = "BREAKING_CHANGE_NOT_NEXT_MAJOR";
    public static final String ACCEPTS_NOTHING = "BREAKING_CHANGE_ACCEPTS_NOTHING";

    public InvalidBreakingChangeException(String code, String pointer, String detail) {
        super(code, pointer, detail);
    }
}
