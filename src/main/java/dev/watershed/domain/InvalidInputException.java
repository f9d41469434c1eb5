package dev.watershed.domain;

/**
 * Input that is well-formed but breaks a rule of the domain.
 *
 * @see #pointer() where in the request the offending value sits
 */
public class InvalidInputException extends WatershedException {

    private final String pointer;

    public InvalidInputException(String pointer, String detail) {
        this("INVALID_INPUT", pointer, detail);
    }

    protected InvalidInputException(String code, String pointer, String detail) {
        super(code, detail);
        this.pointer = pointer;
    }

    /** A JSON Pointer (or a parameter name) to the offending value, or {@code null} when the input as a whole is. */
    public String pointer() {
        return pointer;
    }
}
