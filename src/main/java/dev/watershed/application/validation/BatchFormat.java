package dev.watershed.application.validation;

/** How the records of a validation request are encoded. */
public enum BatchFormat {
    /** The body is one JSON record (for Avro contracts: in Avro's JSON encoding). */
    JSON,
    /** Newline-delimited JSON, one record per line, read as a stream. */
    NDJSON,
    /** An Avro object container file, read as a stream; Avro contracts only. */
    AVRO_CONTAINER
}
