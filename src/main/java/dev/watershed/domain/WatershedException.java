package dev.watershed.domain;

import java.util.Map;
import java.util.Objects;

/**
 * Base of every exception the domain and application throw on purpose. Each subclass says what happened and
 * gives its constructor a stable code (e.g. {@code ASSET_NOT_FOUND}) that clients may branch on, written out in the
 * subclass and never derived from its name, so that renaming a class does not change the public API; the REST
 * adapter alone decides which HTTP status it becomes.
 */
public abstract class WatershedException extends RuntimeException {

    private final String code;

    /**
     * @param code   upper-case words joined by {@code _}, e.g. {@code SCHEMA_TOO_DEEP}
     * @param detail what is wrong and what to do about it
     */
    protected WatershedException(String code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    protected WatershedException(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable, upper-case identifier of this kind of problem. */
    public String code() {
        return code;
    }

    /**
     * Structured facts beside the detail, such as the list of breaking differences; each becomes a member of the
     * problem document. None by default.
     */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** The human explanation: what is wrong and what to do about it. */
    public String detail() {
        return getMessage();
    }
}
