package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.ComputeBudget;
import java.util.List;

/**
 * A contract schema compiled once and applied to many records. Implementations are immutable and thread-safe, so
 * one instance per contract version can be cached and shared by all requests.
 */
public interface RecordValidator {

    /**
     * Checks one record.
     *
     * @param record the parsed record
     * @return the reasons the record does not conform; an empty list when it conforms, never {@code null}
     */
    List<RecordError> validate(JsonNode record);

    /**
     * Checks one record within a compute budget. By default the budget is checked once, before: enough for
     * validators whose work grows with the record alone.
     *
     * @throws dev.watershed.domain.ComputeBudgetExceededException when the budget runs out
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    default List<RecordError> validate(JsonNode record, ComputeBudget budget) {
        budget.check();
        return validate(record);
    }
}
