package dev.watershed.domain.compatibility;

import java.util.List;

/**
 * Lists the differences between two versions of a schema, each with its verdict for readers in both directions.
 *
 * @param <T> the parsed schema type of one schema language
 */
public interface SchemaDiffer<T> {

    /**
     * Compares two versions of a schema.
     *
     * @param previous the version readers and stored data already use
     * @param next     the version about to be published
     * @return every difference found, in a stable order; empty when the schemas are equivalent
     */
    List<Difference> diff(T previous, T next);
}
