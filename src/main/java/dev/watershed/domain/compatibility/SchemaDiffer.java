package dev.watershed.domain.compatibility;

import dev.watershed.domain.ComputeBudget;
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
     * @param budget   checked at every step; the comparison stops with its exception when it runs out
     * @return every difference found, in a stable order; empty when the schemas are equivalent
     * @throws dev.watershed.domain.ComputeBudgetExceededException when the budget runs out
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    List<Difference> diff(T previous, T next, ComputeBudget budget);

    /** Compares two versions of a schema with no time limit; see {@link #diff(Object, Object, ComputeBudget)}. */
    default List<Difference> diff(T previous, T next) {
        return diff(previous, next, ComputeBudget.unlimited());
    }
}
