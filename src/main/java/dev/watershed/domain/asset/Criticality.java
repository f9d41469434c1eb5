package dev.watershed.domain.asset;

/** How much harm a broken asset does; drives the urgency of checks and notifications. */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH
}
