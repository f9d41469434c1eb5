package dev.watershed.domain.compatibility;

import dev.watershed.domain.contract.SchemaTooComplexException;

/**
 * The most work one comparison of two schemas may do, counted as it goes: steps (a pair of subschemas compared,
 * a remembered difference replayed at another place) and differences. Ordinary schemas stay orders of magnitude
 * below both; a schema that reaches shared definitions along exponentially many paths meets them within a second.
 */
final class ComparisonLimits {

    /** More differences than anyone reads; beyond it the answer itself would be the problem. */
    static final int MAX_DIFFERENCES = 10_000;

    private final long maxSteps;
    private long steps;

    ComparisonLimits(long maxSteps) {
        this.maxSteps = maxSteps;
    }

    static long requireValid(long maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be positive, was " + maxSteps);
        }
        return maxSteps;
    }

    void step() {
        if (++steps > maxSteps) {
            throw new SchemaTooComplexException("comparing these schemas needs more than " + maxSteps + " steps"
                    + " (watershed.limits.max-comparison-steps): every use of a shared definition is compared at its"
                    + " own place, and these schemas reach some definitions along very many paths (references that"
                    + " fan out, level after level); reference shared definitions fewer times");
        }
    }

    void requireDifferences(int count) {
        if (count > MAX_DIFFERENCES) {
            throw new SchemaTooComplexException("the schemas differ in more than " + MAX_DIFFERENCES + " places,"
                    + " usually because a changed definition is referenced along very many paths; reference it"
                    + " fewer times, or compare the changed definition on its own");
        }
    }
}
