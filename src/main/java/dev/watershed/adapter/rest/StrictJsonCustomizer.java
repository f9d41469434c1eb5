package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies that give a member twice are malformed JSON (400 {@code MALFORMED_JSON}, "Duplicate field"). Without
 * this the last value silently won in a schema or record, and Jackson could not bind a repeated member of a record
 * request body at all: its {@code InvalidDefinitionException} was answered 500 by Quarkus.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
