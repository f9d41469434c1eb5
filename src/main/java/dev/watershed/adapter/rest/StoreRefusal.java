package dev.watershed.adapter.rest;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * A database refusal that is no fault of the registry, read from the SQL state in the cause chain (the same on H2 and
 * PostgreSQL): a unique key taken by a concurrent write, a lock not granted in time, or a value the database cannot
 * store as text.
 */
record StoreRefusal(int status, String code, String detail) {

    /**
     * Unique key taken; a referenced row removed meanwhile (23503 on PostgreSQL, 23503 and 23506 on H2). Other
     * integrity violations (a null where none may be) are bugs, not races, and stay 500s.
     */
    private static final Set<String> LOST_RACE = Set.of("23505", "23503", "23506");
    /** Serialization failure, deadlock; H2 lock timeout; PostgreSQL lock not available, statement cancelled. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00", "55P03", "57014");
    /**
     * A character the database's text type cannot hold: PostgreSQL refuses NUL (U+0000) in text, and characters its
     * encoding lacks. Checked here, once, rather than in every field of every request that reaches a text column.
     */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    static Optional<StoreRefusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (LOST_RACE.contains(state)) {
                    return Optional.of(new StoreRefusal(
                            409,
                            "CONCURRENT_WRITE",
                            "another request changed the"
                                    + " same data at the same moment and was stored first; read the current state and send"
                                    + " the request again"));
                }
                if (RETRYABLE.contains(state)) {
                    return Optional.of(new StoreRefusal(
                            503,
                            "WRITE_CONTENTION",
                            "too many requests are changing"
                                    + " the same data right now; send the request again in a moment"));
                }
                if (UNSTORABLE_TEXT.contains(state)) {
                    return Optional.of(new StoreRefusal(
                            422,
                            "UNSTORABLE_CHARACTER",
                            "a text in the request holds a"
                                    + " character that cannot be stored, such as NUL (\\u0000): remove it"));
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
