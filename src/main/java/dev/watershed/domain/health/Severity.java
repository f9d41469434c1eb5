package dev.watershed.domain.health;

/** How urgent a finding is; declared most urgent first, so the natural order sorts errors first. */
public enum Severity {
    /** The estate is wrong as declared: a model learns from or serves data it will not have. */
    ERROR,
    /** A risk worth a look: probable leakage, an unsafe split, a single point of failure, churn. */
    WARNING,
    /** Worth knowing: something nobody uses. */
    INFO
}
