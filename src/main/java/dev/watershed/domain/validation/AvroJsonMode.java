package dev.watershed.domain.validation;

/** How union values of an Avro contract are expected in a JSON record. */
public enum AvroJsonMode {
    /** Avro's JSON encoding: a non-null union value is wrapped as {@code {"string": "x"}} by branch name. */
    AVRO_JSON,
    /** Avro JSON encoding or plain JSON: an unwrapped union value is accepted if some branch matches it. */
    LENIENT
}
