package dev.watershed.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Base of every exception the domain and application throw on purpose. Each subclass says what happened and
 * carries a stable code (e.g. {@code ASSET_NOT_FOUND}) that clients may branch on; the REST adapter alone decides
 * which HTTP status it becomes.
 */
public abstract class WatershedException extends RuntimeException {

    private final String code;

    /** Uses the class name as the code: {@code SchemaTooDeepException} becomes {@code SCHEMA_TOO_DEEP}. */
    protected WatershedException(String detail) {
        super(detail);
        this.code = codeFromClassName(getClass().getSimpleName());
    }

    protected WatershedException(String detail, Throwable cause) {
        super(detail, cause);
        this.code = codeFromClassName(getClass().getSimpleName());
    }

    protected WatershedException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    protected WatershedException(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    private static String codeFromClassName(String simpleName) {
        String stem = simpleName.endsWith("Exception")
                ? simpleName.substring(0, simpleName.length() - "Exception".length()) : simpleName;
        return stem.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
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
