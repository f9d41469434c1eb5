package dev.watershed.application.validation;

/**
 * What drift checks said of an observation; an observation no check found drifted has none ({@code null}).
 * A drifted batch is not a reference: it is skipped as the previous observation of its label and left out of
 * baselines, or one shifted batch would become the norm the next day's batch is judged against.
 */
public enum DriftStatus {
    /** A drift check found anomalies; not compared with, not merged into a baseline. */
    DRIFTED,
    /** Drifted, and accepted as the new normal: compared with and merged again. */
    ACCEPTED
}
