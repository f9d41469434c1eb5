package dev.watershed.domain;

/**
 * Base of every exception the domain and application throw on purpose. Each subclass says what happened; the
 * REST adapter alone decides which HTTP status and problem code it becomes.
 */
public abstract class WatershedException extends RuntimeException {

    protected WatershedException(String detail) {
        super(detail);
    }

    protected WatershedException(String detail, Throwable cause) {
        super(detail, cause);
    }

    /** The human explanation: what is wrong and what to do about it. */
    public String detail() {
        return getMessage();
    }
}
