package dev.watershed.application.distribution;

import dev.watershed.domain.NotFoundException;
import java.util.List;

/** A file format schema the registry does not serve. */
public class FormatSchemaNotFoundException extends NotFoundException {

    public FormatSchemaNotFoundException(String name, List<String> served) {
        super("SCHEMA_NOT_FOUND", "no format schema named '" + name + "'; the registry serves " + served);
    }
}
