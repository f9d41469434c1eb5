package dev.watershed.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.watershed.application.validation.ValidationOutcome;
import dev.watershed.domain.profile.ProfileSummary;
import dev.watershed.domain.validation.ErrorCount;
import dev.watershed.domain.validation.ReportedError;
import dev.watershed.domain.validation.ValidationReport;
import java.util.List;

/**
 * The answer to every validation request. Counts and {@code errorSummary} are exact; {@code errors} lists the first
 * {@code watershed.validation.max-errors} of {@code errorCount} errors.
 *
 * @param profile       absent with {@code profile=false}
 * @param observationId absent unless an observation was recorded
 */
public record ValidationResponse(
        String asset,
        String version,
        long total,
        long valid,
        long invalid,
        long errorCount,
        boolean errorsTruncated,
        List<Error> errors,
        List<Summary> errorSummary,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProfileSummary profile,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long observationId) {

    /**
     * One error: the 0-based record index in the batch, the 1-based line of the body it was on (NDJSON: blank lines
     * counted; one JSON record: 1; Avro: the 1-based record number) and a JSON Pointer into that record.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(long record, long line, String path, String keyword, String message) {}

    /** How often one (path, keyword) failed; array indices folded into {@code *}. */
    public record Summary(String path, String keyword, long count) {}

    static ValidationResponse of(ValidationOutcome outcome) {
        ValidationReport report = outcome.report();
        List<Error> errors =
                report.errors().stream().map(ValidationResponse::error).toList();
        List<Summary> summary =
                report.errorSummary().stream().map(ValidationResponse::summary).toList();
        return new ValidationResponse(
                outcome.asset(),
                outcome.version(),
                report.total(),
                report.valid(),
                report.invalid(),
                report.errorCount(),
                report.errorsTruncated(),
                errors,
                summary,
                outcome.profile(),
                outcome.observationId());
    }

    private static Error error(ReportedError error) {
        return new Error(error.recordIndex(), error.line(), error.path(), error.keyword(), error.message());
    }

    private static Summary summary(ErrorCount count) {
        return new Summary(count.path(), count.keyword(), count.count());
    }
}
