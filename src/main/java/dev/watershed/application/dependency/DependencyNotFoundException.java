package dev.watershed.application.dependency;

import dev.watershed.domain.NotFoundException;

/** Two assets that exist, the first of which does not read the second. */
public class DependencyNotFoundException extends NotFoundException {

    public DependencyNotFoundException(String consumer, String producer) {
        super(
                "DEPENDENCY_NOT_FOUND",
                "asset '" + consumer + "' does not depend on '" + producer + "': list its"
                        + " dependencies with GET /api/v1/assets/" + consumer + "/dependencies");
    }
}
