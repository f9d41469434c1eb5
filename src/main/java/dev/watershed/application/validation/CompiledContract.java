package dev.watershed.application.validation;

import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.validation.AvroContainerBatchValidator;
import dev.watershed.domain.validation.NdjsonBatchValidator;
import dev.watershed.domain.validation.RecordValidator;

/**
 * A contract schema compiled into validators, once, and shared by every request that checks data against it.
 *
 * @param container {@code null} unless the schema is Avro
 */
record CompiledContract(
        SchemaFormat format,
        RecordValidator record,
        NdjsonBatchValidator ndjson,
        AvroContainerBatchValidator container) {}
