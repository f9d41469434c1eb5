package dev.watershed.domain.validation;

import dev.watershed.domain.ComputeBudget;
import java.util.List;

/**
 * The validating side of an NDJSON batch: checks groups of parsed lines, in the order they were read, into one
 * report. Not thread-safe: one thread at a time validates, and the report is read once it has finished.
 */
final class RecordGroupValidation {

    private final RecordValidator validator;
    private final ComputeBudget budget;
    private final ValidationReport report;

    RecordGroupValidation(RecordValidator validator, ComputeBudget budget, ValidationReport report) {
        this.validator = validator;
        this.budget = budget;
        this.report = report;
    }

    /** Validates every record of the group; each gets the budget anew. */
    void validate(ParsedLines group) {
        for (int i = 0, size = group.size(); i < size; i++) {
            RecordError unreadable = group.unreadable(i);
            if (unreadable != null) {
                report.recordInvalid(group.index(i), group.line(i), List.of(unreadable));
                continue;
            }
            List<RecordError> errors = validator.validate(group.record(i), budget.renewed());
            if (errors.isEmpty()) {
                report.recordValid();
            } else {
                report.recordInvalid(group.index(i), group.line(i), errors);
            }
        }
    }

    ValidationReport report() {
        return report;
    }
}
