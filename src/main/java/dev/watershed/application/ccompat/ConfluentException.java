package dev.watershed.application.ccompat;

/**
 * A refusal in the Confluent API's own terms: its error code (40401 subject not found...), whose first three digits
 * are the HTTP status, and a message. Not a {@code WatershedException}: these answer {@code {"error_code",
 * "message"}}, as every Kafka serializer expects, not a problem document.
 */
public class ConfluentException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int SCHEMA_VERSION_SOFT_DELETED = 40406;
    public static final int SCHEMA_VERSION_NOT_SOFT_DELETED = 40407;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int INVALID_MODE = 42204;
    public static final int REFERENCE_EXISTS = 42206;
    public static final int STORE_ERROR = 50001;

    private final int errorCode;

    public ConfluentException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status: the code's first three digits. */
    public int status() {
        int status = errorCode;
        while (status >= 1000) {
            status /= 10;
        }
        return status;
    }
}
