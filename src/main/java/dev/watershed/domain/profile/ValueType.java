package dev.watershed.domain.profile;

/** The JSON type of an observed value; integers are told apart from other numbers. */
public enum ValueType {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    OBJECT,
    ARRAY,
    NULL;

    static final ValueType[] ALL = values();

    /** Lower-case name used in summaries. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
