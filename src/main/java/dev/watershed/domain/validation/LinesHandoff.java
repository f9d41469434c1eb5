package dev.watershed.domain.validation;

/**
 * How the reading side of an NDJSON batch hands its groups of parsed lines to the validating side: on the same
 * thread ({@link #sequential}) or to another one ({@link ValidationPipeline}). The reading side takes a group, fills
 * it, puts it, and ends with {@link #finish()} or, when reading failed, {@link #failedReading}.
 */
interface LinesHandoff {

    /** An empty group whose first record is record {@code firstIndex} of the batch. */
    ParsedLines take(long firstIndex);

    /** Hands a filled group over; it belongs to the validating side from now on. */
    void put(ParsedLines group);

    /** True once validation has failed: reading further is wasted, {@link #finish()} throws the failure. */
    boolean validationFailed();

    /**
     * Waits until every group put is validated.
     *
     * @return the report of the batch
     * @throws RuntimeException the failure of the validation, if it failed
     */
    ValidationReport finish();

    /**
     * Reading stopped with {@code failure}: validates what was read before it, {@code pending} included (a group
     * taken but not put, or {@code null}), and says what the batch failed with: a failure of the validation, which
     * concerns an earlier record, or else the reading's own.
     */
    RuntimeException failedReading(ParsedLines pending, RuntimeException failure);

    /** Validation on the reading thread, group by group, with a single group reused. */
    static LinesHandoff sequential(RecordGroupValidation validation) {
        ParsedLines group = new ParsedLines();
        return new LinesHandoff() {
            @Override
            public ParsedLines take(long firstIndex) {
                group.reset(firstIndex);
                return group;
            }

            @Override
            public void put(ParsedLines filled) {
                validation.validate(filled);
            }

            @Override
            public boolean validationFailed() {
                // A failure of the validation is thrown by put, on this very thread.
                return false;
            }

            @Override
            public ValidationReport finish() {
                return validation.report();
            }

            @Override
            public RuntimeException failedReading(ParsedLines pending, RuntimeException failure) {
                if (pending != null) {
                    validation.validate(pending);
                }
                return failure;
            }
        };
    }
}
