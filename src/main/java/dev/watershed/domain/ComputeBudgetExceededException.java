package dev.watershed.domain;

import java.time.Duration;

/** Work took longer than its {@link ComputeBudget}; it was stopped and nothing of it was kept. */
public class ComputeBudgetExceededException extends WatershedException {

    private final Duration limit;

    public ComputeBudgetExceededException(Duration limit) {
        super(
                "COMPUTE_BUDGET_EXCEEDED",
                "checking this request needed more than " + render(limit) + " of computation, the most one request"
                        + " may use (watershed.limits.compute-budget); it was stopped. The usual cause is a schema that"
                        + " references the same definitions along very many paths, or records checked against one:"
                        + " reference shared definitions fewer times, or send fewer previous versions or records per request");
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    /** {@code 5s}, {@code 250ms}: the way the setting is written. */
    static String render(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
