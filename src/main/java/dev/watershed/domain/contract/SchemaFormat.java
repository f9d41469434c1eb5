package dev.watershed.domain.contract;

/** The schema languages a contract may be written in. */
public enum SchemaFormat {
    JSON_SCHEMA,
    AVRO
}
