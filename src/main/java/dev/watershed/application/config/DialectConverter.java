package dev.watershed.application.config;

import com.networknt.schema.SpecificationVersion;
import dev.watershed.domain.contract.JsonSchemaDialects;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a JSON Schema dialect setting ({@code draft-07}, {@code 2020-12}, or a dialect URI) when the configuration
 * is, so that a wrong value stops the registry at start with what is wrong.
 */
public class DialectConverter implements Converter<SpecificationVersion> {

    @Override
    public SpecificationVersion convert(String value) {
        return JsonSchemaDialects.named(value);
    }
}
